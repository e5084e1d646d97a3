import { Clock } from '../util/clock.js'
import { RetryPolicy, withRetry } from '../util/backoff.js'
import { ApiError } from './errors.js'

const retryableApi = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.retryable

/** Runs one API call with the retry policy of SPEC 4.3. */
export function callWithRetry<T>(
  call: () => Promise<T>,
  clock: Clock,
  policy: RetryPolicy,
  log: (message: string) => void,
  minimumWait?: (error: ApiError, now: number) => number
): Promise<T> {
  return withRetry(call, policy, clock, {
    retryable: retryableApi,
    minimumWait,
    onRetry: (error, attempt, wait) =>
      log(
        `Attempt ${attempt} failed (${error.code}); trying again in ${(wait / 1000).toFixed(1)} s.`
      )
  })
}
