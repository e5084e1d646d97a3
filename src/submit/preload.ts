import { Clock } from '../clock.js'
import { CallWindow } from '../plan/pacing.js'
import { RetryPolicy } from '../retry.js'
import { EdgeService } from '../services/service.js'
import { CallOutcome, sendAll } from './send.js'

export type PreloadOutcome = CallOutcome

export interface PreloadOptions {
  service: EdgeService
  clock: Clock
  area: '' | 'domestic' | 'overseas'
  log(message: string): void
  retry?: RetryPolicy
}

/** Prefetches File URLs: the service's URLs per call, within its prefetch calls per second. */
export async function preloadUrls(
  urls: readonly string[],
  options: PreloadOptions
): Promise<PreloadOutcome[]> {
  const { service, clock, log } = options
  const { preloadUrlsPerRequest, preloadCallsPerSecond } = service.limits
  const window = new CallWindow(preloadCallsPerSecond)
  const steps = []
  for (let i = 0; i < urls.length; i += preloadUrlsPerRequest) {
    const chunk = urls.slice(i, i + preloadUrlsPerRequest)
    steps.push({
      label: `Prefetch of ${chunk.length} URL${chunk.length === 1 ? '' : 's'}`,
      urls: chunk,
      before: async () => {
        const now = clock.now()
        await clock.sleep(window.earliest(now) - now)
      },
      send: () => service.preload(chunk, options.area),
      after: () => window.record(clock.now())
    })
  }
  return sendAll(steps, { clock, retry: options.retry, log })
}
