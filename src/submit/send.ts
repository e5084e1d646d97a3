import { ApiError } from '../api/errors.js'
import { callWithRetry } from '../api/retry.js'
import { Clock } from '../util/clock.js'
import { messageOf } from '../util/errors.js'
import { DEFAULT_RETRY, RetryPolicy } from '../util/backoff.js'
import { SubmitResult } from '../services/service.js'

/** What became of one refresh or prefetch call. */
export interface CallOutcome {
  /** The objects the call carried: URLs, or tags. */
  objects: string[]
  ok: boolean
  taskIds: string[]
  requestId: string
  attempts: number
  /** When the service accepted the call. */
  acceptedAt?: number
  /** Why the call failed for good. */
  error?: Error
}

export interface SendStep {
  label: string
  objects: string[]
  send(): Promise<SubmitResult>
  /** A wait the failure itself demands, on top of the backoff. */
  minimumWait?(error: ApiError, now: number): number
}

export interface SendOptions {
  clock: Clock
  retry?: RetryPolicy
  log(message: string): void
}

/**
 * Sends the steps in order, each retried as SPEC 4.3 allows; the call gate paces them. A step
 * that fails for good does not stop the others; its outcome says why.
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
        () => {
          attempts++
          return step.send()
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
        objects: step.objects,
        ok: true,
        taskIds: result.taskIds,
        requestId: result.requestId,
        attempts,
        acceptedAt: clock.now()
      })
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(messageOf(error))
      log(`${step.label}: failed: ${failure.message}`)
      outcomes.push({
        objects: step.objects,
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
