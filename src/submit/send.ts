import { ApiError } from '../api/errors.js'
import { Clock } from '../clock.js'
import { messageOf } from '../errors.js'
import { DEFAULT_RETRY, RetryPolicy } from '../retry.js'
import { callWithRetry } from '../api/retry.js'
import { SubmitResult } from '../services/service.js'

/** What became of one refresh or prefetch call. */
export interface CallOutcome {
  urls: string[]
  ok: boolean
  taskIds: string[]
  requestId: string
  attempts: number
  /** Why the call failed for good. */
  error?: Error
}

export interface SendStep {
  label: string
  urls: string[]
  /** Waits until the call may go (a host's minute, a per-second limit). */
  before?(): Promise<void>
  send(): Promise<SubmitResult>
  /** Records the call once its answer is here. */
  after?(): void
  /** A wait the failure itself demands, on top of the backoff. */
  minimumWait?(error: ApiError, now: number): number
}

export interface SendOptions {
  clock: Clock
  retry?: RetryPolicy
  log(message: string): void
}

/**
 * Sends the steps in order, each retried as SPEC 4.3 allows. A step that fails for good does
 * not stop the others; its outcome says why.
 */
export async function sendAll(
  steps: Iterable<SendStep>,
  options: SendOptions
): Promise<CallOutcome[]> {
  const { clock, log } = options
  const outcomes: CallOutcome[] = []
  for (const step of steps) {
    let attempts = 0
    try {
      const result = await callWithRetry(
        async () => {
          attempts++
          await step.before?.()
          const answer = await step.send()
          step.after?.()
          return answer
        },
        clock,
        options.retry ?? DEFAULT_RETRY,
        (message) => log(`${step.label}: ${message}`),
        step.minimumWait
      )
      log(
        `${step.label}: submitted, task ${result.taskIds.join(', ') || '(none)'}, RequestId ${result.requestId}.`
      )
      outcomes.push({
        urls: step.urls,
        ok: true,
        taskIds: result.taskIds,
        requestId: result.requestId,
        attempts
      })
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(messageOf(error))
      log(`${step.label}: failed: ${failure.message}`)
      outcomes.push({
        urls: step.urls,
        ok: false,
        taskIds: [],
        requestId: error instanceof ApiError ? error.requestId : '',
        attempts,
        error: failure
      })
    }
  }
  return outcomes
}
