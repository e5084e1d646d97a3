import { Clock } from '../clock.js'
import { Quota } from '../plan/budget.js'
import { DEFAULT_RETRY, RetryPolicy } from '../retry.js'
import { callWithRetry } from '../api/retry.js'
import { EdgeService } from '../services/service.js'

/** Reads what remains of today's quota, retried as any call. */
export function fetchQuota(
  service: EdgeService,
  clock: Clock,
  log: (m: string) => void,
  retry: RetryPolicy = DEFAULT_RETRY
): Promise<Quota> {
  return callWithRetry(
    () => service.readQuota(),
    clock,
    retry,
    (m) => log(`${service.limits.name} quota: ${m}`)
  )
}
