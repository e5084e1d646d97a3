import { Clock } from '../clock.js'
import { Batch } from '../plan/batches.js'
import { HostWindows, ratedHosts } from '../plan/pacing.js'
import { RetryPolicy } from '../retry.js'
import { EdgeService } from '../services/service.js'
import { CallOutcome, sendAll } from './send.js'

export interface BatchOutcome extends CallOutcome {
  batch: Batch
}

export interface SubmitOptions {
  service: EdgeService
  clock: Clock
  urlRatePerDomain: number
  force: boolean
  retry?: RetryPolicy
  log(message: string): void
  windowMs?: number
}

/**
 * Submits the batches in plan order, each host's File and IgnoreParams URLs within its rolling
 * minute, waiting no longer than that needs. A batch that fails for good does not stop the others.
 */
export async function submitBatches(
  batches: readonly Batch[],
  options: SubmitOptions
): Promise<BatchOutcome[]> {
  const { service, clock, force, log } = options
  const windows = new HostWindows(options.urlRatePerDomain, options.windowMs)
  const steps = batches.map((batch, index) => {
    const hosts = ratedHosts(batch)
    const label = `Batch ${index + 1}/${batches.length} (${batch.urls.length} ${batch.type})`
    return {
      label,
      urls: batch.urls,
      async before() {
        const now = clock.now()
        let at = now
        for (const [host, count] of hosts) at = Math.max(at, windows.earliest(host, count, now))
        if (at > now) {
          log(`${label}: waiting ${((at - now) / 1000).toFixed(1)} s for the per-domain limit.`)
          await clock.sleep(at - now)
        }
      },
      send: () => service.refresh(batch.type, batch.urls, force),
      // Recorded when the answer is here, not when the request left: the service counted the
      // URLs somewhere in between, so this never lets the next window open early.
      after() {
        for (const [host, count] of hosts) windows.record(host, count, clock.now())
      },
      // The service says this host's minute is full: wait until our own record of it clears.
      minimumWait: (error: { code: string }, now: number) =>
        error.code === 'QuotaPerMinuteExceeded.Refresh'
          ? windows.freesAt(batch.hosts.keys(), now) - now
          : 0
    }
  })
  const outcomes = await sendAll(steps, { clock, retry: options.retry, log })
  return outcomes.map((outcome, i) => ({ ...outcome, batch: batches[i] }))
}
