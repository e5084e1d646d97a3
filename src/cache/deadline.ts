import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'

// Deadlines for the GitHub Actions cache service (SPEC 4.1.4): @actions/cache waits minutes for a
// silent service and retries it, with no option to say otherwise. Every HTTP request it makes
// while an operation runs is seen here (node's http client announces each one), so a request
// that has gone 30 s without a byte in either direction is given up, and once the service has
// cost 90 s of silence in all, every further request fails at once.

export interface Deadlines {
  /** A request silent this long is given up. */
  callMs: number
  /** The silence one service may cost in all, retries included. */
  totalMs: number
}

export const GITHUB_DEADLINES: Deadlines = { callMs: 30_000, totalMs: 90_000 }

/** The silence spent so far on one service; shared by its operations (restore, then save). */
export interface SilenceBudget {
  readonly deadlines: Deadlines
  spentMs: number
}

export function silenceBudget(deadlines: Deadlines): SilenceBudget {
  return { deadlines, spentMs: 0 }
}

export class ServiceSilentError extends Error {
  constructor(deadlines: Deadlines) {
    super(
      `the service gave no answer for ${Math.round(deadlines.totalMs / 1000)} s in all (each request is given ${Math.round(deadlines.callMs / 1000)} s)`
    )
    this.name = 'ServiceSilentError'
  }
}

const CHANNEL = 'http.client.request.start'

/**
 * Runs one operation of the service within the budget: each HTTP request it starts is held to
 * the per-request deadline and charged what it stays silent; past the total, the operation is
 * abandoned with ServiceSilentError, whatever the library does meanwhile.
 */
export async function withinDeadlines<T>(
  budget: SilenceBudget,
  operation: () => Promise<T>
): Promise<T> {
  const { callMs, totalMs } = budget.deadlines
  const exhausted = () => budget.spentMs >= totalMs
  if (exhausted()) throw new ServiceSilentError(budget.deadlines)
  const onStart = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request
    if (exhausted()) {
      request.destroy(new ServiceSilentError(budget.deadlines))
      return
    }
    const limit = Math.min(callMs, totalMs - budget.spentMs)
    request.setTimeout(limit, () => {
      budget.spentMs += limit
      request.destroy(new Error(`no answer within ${Math.round(limit / 1000)} s`))
    })
  }
  subscribe(CHANNEL, onStart)
  let timer: NodeJS.Timeout | undefined
  try {
    const abandon = new Promise<never>((_, reject) => {
      // A backstop for what no request shows: the library's own waits between retries.
      timer = setTimeout(
        () => {
          budget.spentMs = totalMs
          reject(new ServiceSilentError(budget.deadlines))
        },
        totalMs - budget.spentMs + callMs
      )
      timer.unref()
    })
    return await Promise.race([operation(), abandon])
  } finally {
    clearTimeout(timer)
    unsubscribe(CHANNEL, onStart)
  }
}
