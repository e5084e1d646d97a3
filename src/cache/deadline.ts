import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'
import type { Deadlines } from '../runner/environment.js'

// Deadlines for the GitHub Actions cache service (SPEC 4.1.4): @actions/cache waits minutes for a
// silent service and retries it, with no option to say otherwise. Every HTTP request it makes
// while an operation runs is seen here (node's http client announces each one): a request that
// has gone 30 s without a byte either way is given up, and the service may cost 90 s of silence
// in all, its retries and the waits between them included. Time in which bytes move is never
// charged, so a large transfer that is still going takes what it takes.

/** The silence spent so far on one service; shared by its operations (restore, then save). */
export interface SilenceBudget {
  readonly deadlines: Deadlines
  spentMs: number
}

export function silenceBudget(deadlines: Deadlines): SilenceBudget {
  return { deadlines, spentMs: 0 }
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`)

class ServiceSilentError extends Error {
  constructor(deadlines: Deadlines) {
    super(
      `the service gave no answer within ${seconds(deadlines.totalMs)} in all (${seconds(deadlines.callMs)} a request, retries included)`
    )
    this.name = 'ServiceSilentError'
  }
}

const CHANNEL = 'http.client.request.start'
/** How often the silence is counted. */
const TICK_MS = 250

/**
 * Runs one operation of the service within the budget. Past it, the operation is given up with
 * ServiceSilentError, its requests are ended, and any it starts later fail at once; the watch on
 * them lasts until the library settles.
 */
export async function withinDeadlines<T>(
  budget: SilenceBudget,
  operation: () => Promise<T>
): Promise<T> {
  const { callMs, totalMs } = budget.deadlines
  const exhausted = () => budget.spentMs >= totalMs
  if (exhausted()) throw new ServiceSilentError(budget.deadlines)
  const open = new Set<ClientRequest>()
  let lastByte = Date.now()
  const touch = () => (lastByte = Date.now())
  const onStart = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request
    if (exhausted()) {
      request.destroy(new ServiceSilentError(budget.deadlines))
      return
    }
    open.add(request)
    request.on('close', () => open.delete(request))
    const watch = (socket: { on(event: 'data', listener: () => void): unknown }) =>
      socket.on('data', touch)
    if (request.socket) watch(request.socket)
    else request.on('socket', watch)
    request.setTimeout(callMs, () =>
      request.destroy(new Error(`no answer within ${seconds(callMs)}`))
    )
  }
  subscribe(CHANNEL, onStart)
  const settled = operation().finally(() => unsubscribe(CHANNEL, onStart))
  settled.catch(() => undefined)
  let ticker: NodeJS.Timeout | undefined
  const silent = new Promise<never>((_, reject) => {
    ticker = setInterval(() => {
      if (Date.now() - lastByte >= TICK_MS) budget.spentMs += TICK_MS
      if (!exhausted()) return
      for (const request of open) request.destroy(new ServiceSilentError(budget.deadlines))
      reject(new ServiceSilentError(budget.deadlines))
    }, TICK_MS)
    ticker.unref()
  })
  try {
    return await Promise.race([settled, silent])
  } finally {
    clearInterval(ticker)
  }
}
