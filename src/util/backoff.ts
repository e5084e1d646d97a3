import { Clock } from './clock.js'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  baseMs: number
  capMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 1000, capMs: 20_000 }

export interface RetryHooks<E> {
  /** Whether this failure may be tried again. */
  retryable(error: unknown): error is E
  /** A wait the failure itself demands (a rate window to free), on top of the backoff. */
  minimumWait?(error: E, now: number): number
  onRetry?(error: E, attempt: number, waitMs: number): void
}

/**
 * Runs `attempt` until it succeeds, fails for good, or runs out of attempts, waiting between
 * tries with capped exponential backoff and full jitter. Each call of `attempt` must sign afresh.
 */
export async function withRetry<T, E>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  hooks: RetryHooks<E>,
  random: () => number = Math.random
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      if (n >= policy.attempts || !hooks.retryable(error)) throw error
      const backoff = Math.floor(random() * Math.min(policy.capMs, policy.baseMs * 2 ** (n - 1)))
      const wait = Math.max(backoff, hooks.minimumWait?.(error, clock.now()) ?? 0)
      hooks.onRetry?.(error, n, wait)
      await clock.sleep(wait)
    }
  }
}
