import { Clock } from './clock.js'
import { RpcClient } from './dcdn/client.js'
import { DcdnError } from './dcdn/errors.js'
import { RefreshQuota, describeRefreshQuota, refreshObjectCaches } from './dcdn/operations.js'
import { UserError, messageOf } from './errors.js'
import { Batch, PacingLimits, RatePacer, TYPE_ORDER, countByType } from './plan.js'
import { DEFAULT_RETRY, RetryPolicy, callWithRetry } from './retry.js'
import { ObjectType } from './targets.js'

export interface BatchOutcome {
  batch: Batch
  ok: boolean
  taskIds: string[]
  requestId: string
  attempts: number
  /** Why the batch failed for good. */
  error?: DcdnError | Error
}

export interface SubmitOptions {
  client: RpcClient
  clock: Clock
  pacing: PacingLimits
  force: boolean
  retry?: RetryPolicy
  log(message: string): void
}

/**
 * Submits the batches in order on the pacing schedule, waiting no longer than the limits need.
 * A batch that fails for good does not stop the others.
 */
export async function submitBatches(
  batches: readonly Batch[],
  options: SubmitOptions
): Promise<BatchOutcome[]> {
  const { client, clock, force, log } = options
  const pacer = new RatePacer(options.pacing)
  const outcomes: BatchOutcome[] = []
  for (const [index, batch] of batches.entries()) {
    let attempts = 0
    const label = `Batch ${index + 1}/${batches.length} (${batch.urls.length} ${batch.type})`
    try {
      const result = await callWithRetry(
        async () => {
          attempts++
          const at = pacer.earliestStart(batch, clock.now())
          const wait = at - clock.now()
          if (wait > 0) {
            log(
              `${label}: waiting ${(wait / 1000).toFixed(1)} s for the per-domain or per-second limit.`
            )
            await clock.sleep(wait)
          }
          const answer = await refreshObjectCaches(client, batch.type, batch.urls, force)
          // Recorded when the answer is here, not when the request left: DCDN counted the call
          // somewhere in between, so this never lets the next window open early.
          pacer.record(batch, clock.now())
          return answer
        },
        clock,
        options.retry ?? DEFAULT_RETRY,
        (message) => log(`${label}: ${message}`),
        // DCDN says this host's minute is full: wait until our own record of it has cleared.
        (error, now) =>
          error.code === 'QuotaPerMinuteExceeded.Refresh'
            ? pacer.windowFreesAt(batch.hosts.keys(), now) - now
            : 0
      )
      log(
        `${label}: submitted, task ${result.taskIds.join(', ') || '(none)'}, RequestId ${result.requestId}.`
      )
      outcomes.push({
        batch,
        ok: true,
        taskIds: result.taskIds,
        requestId: result.requestId,
        attempts
      })
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(messageOf(error))
      log(`${label}: failed: ${failure.message}`)
      outcomes.push({
        batch,
        ok: false,
        taskIds: [],
        requestId: error instanceof DcdnError ? error.requestId : '',
        attempts,
        error: failure
      })
    }
  }
  return outcomes
}

export interface QuotaNeed {
  kind: ObjectType | 'Preload'
  need: number
  remain: number
}

/** What the plan needs of each kind against what remains today. */
export function quotaNeeds(
  batches: readonly Batch[],
  quota: RefreshQuota,
  preloadUrls = 0
): QuotaNeed[] {
  const counts = countByType(batches.flatMap((b) => b.urls.map(() => ({ type: b.type }))))
  const needs: QuotaNeed[] = TYPE_ORDER.filter((type) => counts[type] > 0).map((type) => ({
    kind: type,
    need: counts[type],
    remain: quota.remain[type]
  }))
  if (preloadUrls > 0)
    needs.push({ kind: 'Preload', need: preloadUrls, remain: quota.remain.Preload })
  return needs
}

/** Refuses the whole plan, before anything is sent, when any kind needs more than remains. */
export function checkQuota(needs: readonly QuotaNeed[]): void {
  const short = needs.filter((n) => !Number.isFinite(n.remain) || n.need > n.remain)
  if (short.length === 0) return
  const lines = needs.map(
    (n) =>
      `- ${n.kind}: need ${n.need}, ${Number.isFinite(n.remain) ? `${n.remain} remain` : 'remaining quota unknown'} today`
  )
  throw new UserError(
    [
      'Not enough DCDN refresh quota left today, so nothing was submitted:',
      ...lines,
      "The quota resets at midnight (UTC+8). Refresh a directory instead of many URLs, or set 'quota-check: false' to submit what fits."
    ].join('\n')
  )
}

export async function fetchQuota(
  client: RpcClient,
  clock: Clock,
  log: (m: string) => void,
  retry = DEFAULT_RETRY
): Promise<RefreshQuota> {
  return callWithRetry(
    () => describeRefreshQuota(client),
    clock,
    retry,
    (m) => log(`DescribeDcdnRefreshQuota: ${m}`)
  )
}
