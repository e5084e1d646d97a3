import { callWithRetry } from '../api/retry.js'
import { Quota, QuotaKind } from '../plan/budget.js'
import { RefreshService } from '../services/service.js'
import { DEFAULT_RETRY, RetryPolicy } from '../util/backoff.js'
import { Clock } from '../util/clock.js'

/** Reads what remains of today's quota of these kinds, retried as any call. */
export function fetchQuota(
  service: RefreshService,
  kinds: readonly QuotaKind[],
  clock: Clock,
  log: (m: string) => void,
  retry: RetryPolicy = DEFAULT_RETRY
): Promise<Quota> {
  return callWithRetry(
    () => service.readQuota(kinds),
    clock,
    retry,
    (m) => log(`${service.limits.name} quota: ${m}`)
  )
}
