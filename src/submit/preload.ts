import { RefreshService } from '../services/service.js'
import { Clock } from '../util/clock.js'
import { RetryPolicy } from '../util/backoff.js'
import { plural } from '../util/text.js'
import { CallOutcome, sendAll } from './send.js'

export interface PreloadOptions {
  service: RefreshService
  clock: Clock
  area: '' | 'domestic' | 'overseas'
  log(message: string): void
  retry?: RetryPolicy
}

/** Prefetches File URLs, the service's URLs per call; the call gate paces the prefetches. */
export async function preloadUrls(
  urls: readonly string[],
  options: PreloadOptions
): Promise<CallOutcome[]> {
  const { service } = options
  const size = service.limits.preloadUrlsPerRequest
  const steps = []
  for (let i = 0; i < urls.length; i += size) {
    const chunk = urls.slice(i, i + size)
    steps.push({
      label: `Prefetch of ${plural(chunk.length, 'URL')}`,
      objects: chunk,
      send: () => service.preload(chunk, options.area)
    })
  }
  return sendAll(steps, options)
}
