import { ApiError } from '../api/errors.js'
import { Batch } from '../plan/batches.js'
import { Pacer } from '../plan/pacing.js'
import { RefreshService } from '../services/service.js'
import { Clock } from '../util/clock.js'
import { RetryPolicy } from '../util/backoff.js'
import { CallOutcome, sendAll } from './send.js'

export interface BatchOutcome extends CallOutcome {
  batch: Batch
}

export interface SubmitOptions {
  service: RefreshService
  /** The account's pacer, shared with the call gate: it knows each host's minute. */
  pacer: Pacer
  clock: Clock
  force: boolean
  retry?: RetryPolicy
  log(message: string): void
}

/**
 * Submits the batches in plan order; the call gate holds each until its hosts' minute and the
 * account's second allow it. A batch that fails for good does not stop the others.
 */
export async function submitBatches(
  batches: readonly Batch[],
  options: SubmitOptions
): Promise<BatchOutcome[]> {
  const { service, pacer, force } = options
  const steps = batches.map((batch, index) => ({
    label: `Batch ${index + 1}/${batches.length} (${batch.objects.length} ${batch.type})`,
    objects: batch.objects,
    send: () =>
      batch.type === 'Tag'
        ? service.refreshTags([...batch.hosts.keys()][0], batch.objects, force)
        : service.refresh(batch.type, batch.objects, force),
    // The service says this host's minute is full: wait until our own record of it clears.
    minimumWait: (error: { code: string }, now: number) =>
      error.code === 'QuotaPerMinuteExceeded.Refresh'
        ? pacer.hostsFreeAt(batch.hosts.keys(), now) - now
        : 0
  }))
  const outcomes = await sendAll(steps, options)
  return outcomes.map((outcome, i) => ({
    ...outcome,
    error: batches[i].type === 'Tag' ? explainTagFailure(outcome.error, service) : outcome.error,
    batch: batches[i]
  }))
}

/**
 * A tag refresh refused for good, for a reason that is not the key, the clock or the quota: most
 * likely the account or the domain lacks cache tags, so say so, with the service's own code.
 */
function explainTagFailure(error: Error | undefined, service: RefreshService): Error | undefined {
  if (!(error instanceof ApiError) || error.retryable || error.general) return error
  return error.withAdvice(
    service.limits.tagsPerHost
      ? `Refreshing by cache tag needs the cache-tag feature of ${service.limits.name} for the domain: check that the domain sends the tags (its cache-tag setting) and that the RAM identity may call the tag operation (the README lists it).`
      : `Refreshing by cache tag needs an ESA plan that offers it (the Enterprise plan): check the site's plan, and that the RAM identity may call PurgeCaches.`
  )
}
