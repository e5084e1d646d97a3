import { createHash } from 'node:crypto'
import { request } from 'undici'
import { createDispatchers } from '../api/dispatchers.js'
import { ProxyEnv } from '../api/proxy.js'
import { Clock } from '../util/clock.js'
import { messageOf } from '../util/errors.js'
import { CacheHeaders, EdgeAnswer } from './verdict.js'

// Asking the edge (SPEC 4.6): a plain GET as a browser would send it, with no cache-busting query
// and no Cache-Control or Pragma; Accept-Encoding: identity, so the bytes are the file's. No
// credential or token is ever sent. Redirects are not followed; the body is read only when there
// is a hash to compare it with, streamed into the hash and never kept, up to 100 MiB.

export interface EdgeLimits {
  /** Requests in flight at once. */
  concurrency: number
  /** One request, from connecting to the last byte. */
  timeoutMs: number
  /** Bytes of a body read at most. */
  maxBodyBytes: number
}

const EDGE_LIMITS: EdgeLimits = {
  concurrency: 8,
  timeoutMs: 10_000,
  maxBodyBytes: 100 * 1024 * 1024
}

export interface EdgeClient {
  /** GETs each URL, at most `concurrency` at a time; reads a body only where `readBody` says. */
  fetchAll(requests: readonly { url: string; readBody: boolean }[]): Promise<EdgeAnswer[]>
  close(): Promise<void>
}

const HEADER_NAMES: Record<keyof CacheHeaders, string> = {
  age: 'age',
  savetime: 'ali-swift-global-savetime',
  xCache: 'x-cache',
  via: 'via',
  eagleId: 'eagleid'
}

function cacheHeaders(headers: Record<string, string | string[] | undefined>): CacheHeaders {
  const out: CacheHeaders = {}
  for (const [key, name] of Object.entries(HEADER_NAMES) as [keyof CacheHeaders, string][]) {
    const value = headers[name]
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

export function createEdgeClient(
  proxy: ProxyEnv,
  clock: Clock,
  limits: EdgeLimits = EDGE_LIMITS
): EdgeClient {
  const options = {
    connect: { timeout: limits.timeoutMs },
    headersTimeout: limits.timeoutMs,
    bodyTimeout: limits.timeoutMs
  }
  const dispatchers = createDispatchers(proxy, options)

  async function fetchOne(url: string, readBody: boolean): Promise<EdgeAnswer> {
    // One deadline for the whole request, cleared once it is over, so nothing fires afterwards.
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), limits.timeoutMs)
    const signal = controller.signal
    try {
      const target = new URL(url)
      const answer = await request(target, {
        method: 'GET',
        headers: {
          'accept-encoding': 'identity',
          'user-agent': 'alibaba-cloud-refresh-action (verify)'
        },
        dispatcher: dispatchers.for(target),
        signal,
        maxRedirections: 0
      })
      const headers = cacheHeaders(answer.headers)
      const status = answer.statusCode
      answer.body.on('error', () => {})
      if (!readBody || status < 200 || status >= 300) {
        answer.body.destroy()
        return { status, headers, at: clock.now() }
      }
      const hash = createHash('sha256')
      let bytes = 0
      for await (const chunk of answer.body) {
        bytes += (chunk as Buffer).length
        if (bytes > limits.maxBodyBytes) {
          answer.body.destroy()
          return { status, headers, bodyTooLarge: true, at: clock.now() }
        }
        hash.update(chunk as Buffer)
      }
      return { status, headers, bodyHash: hash.digest('hex'), at: clock.now() }
    } catch (error) {
      const timedOut =
        signal.aborted ||
        /timeout/i.test(`${(error as { code?: string }).code ?? ''} ${messageOf(error)}`)
      return {
        headers: {},
        error: timedOut
          ? `no answer within ${Math.round(limits.timeoutMs / 1000)} s`
          : `could not reach the edge: ${(error as { code?: string }).code ?? messageOf(error)}`,
        at: clock.now()
      }
    } finally {
      clearTimeout(timer)
    }
  }

  return {
    async fetchAll(requests) {
      const answers: EdgeAnswer[] = new Array(requests.length)
      let next = 0
      const worker = async () => {
        while (next < requests.length) {
          const i = next++
          answers[i] = await fetchOne(requests[i].url, requests[i].readBody)
        }
      }
      await Promise.all(
        Array.from({ length: Math.min(limits.concurrency, requests.length) }, worker)
      )
      return answers
    },
    async close() {
      await dispatchers.close('destroy')
    }
  }
}
