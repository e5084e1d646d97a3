import { Clock } from './clock.js'
import { RpcClient } from './dcdn/client.js'
import { DcdnError } from './dcdn/errors.js'
import { preloadObjectCaches } from './dcdn/operations.js'
import { messageOf } from './errors.js'
import { DCDN_LIMITS } from './limits.js'
import { RatePacer } from './plan.js'
import { DEFAULT_RETRY, RetryPolicy, callWithRetry } from './retry.js'

export interface PreloadOutcome {
  urls: string[]
  ok: boolean
  taskIds: string[]
  requestId: string
  error?: Error
}

export interface PreloadOptions {
  client: RpcClient
  clock: Clock
  area: '' | 'domestic' | 'overseas'
  log(message: string): void
  retry?: RetryPolicy
}

/** Prefetches File URLs with PreloadDcdnObjectCaches: 100 URLs a call, at most 15 calls a second. */
export async function preloadUrls(
  urls: readonly string[],
  options: PreloadOptions
): Promise<PreloadOutcome[]> {
  const { client, clock, log } = options
  const pacer = new RatePacer({
    urlRatePerDomain: Number.MAX_SAFE_INTEGER,
    callsPerSecond: DCDN_LIMITS.preloadCallsPerSecond
  })
  const outcomes: PreloadOutcome[] = []
  const noHosts = { hosts: new Map<string, number>() }
  for (let i = 0; i < urls.length; i += DCDN_LIMITS.preloadUrlsPerRequest) {
    const chunk = urls.slice(i, i + DCDN_LIMITS.preloadUrlsPerRequest)
    try {
      const result = await callWithRetry(
        async () => {
          await clock.sleep(pacer.earliestStart(noHosts, clock.now()) - clock.now())
          const answer = await preloadObjectCaches(client, chunk, options.area)
          pacer.record(noHosts, clock.now())
          return answer
        },
        clock,
        options.retry ?? DEFAULT_RETRY,
        (m) => log(`Preload: ${m}`)
      )
      log(
        `Preload of ${chunk.length} URLs: task ${result.taskIds.join(', ')}, RequestId ${result.requestId}.`
      )
      outcomes.push({ urls: chunk, ok: true, taskIds: result.taskIds, requestId: result.requestId })
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(messageOf(error))
      log(`Preload of ${chunk.length} URLs failed: ${failure.message}`)
      outcomes.push({
        urls: chunk,
        ok: false,
        taskIds: [],
        requestId: error instanceof DcdnError ? error.requestId : '',
        error: failure
      })
    }
  }
  return outcomes
}
