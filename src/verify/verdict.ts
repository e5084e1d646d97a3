// What the edge's answer says about a refreshed URL (SPEC 4.6, 6.8), as a pure decision: the
// body's hash where the deployed bytes are known, a removed file's status, or else the headers
// that say when the edge stored its copy, against when the URL's refresh was submitted.

export type Verdict = 'fresh' | 'stale' | 'unknown' | 'error'

/** What the action knows of a URL before it asks the edge. */
export interface Expectation {
  url: string
  /** SHA-256 of the deployed bytes, with `output-dir`. */
  newHash?: string
  /** SHA-256 of the bytes before this deploy, when the previous manifest had the path. */
  oldHash?: string
  /** The deploy removed the file: the URL should answer 404 or 410. */
  removed: boolean
  /** When the URL's last refresh was accepted, in ms. */
  refreshedAt: number
}

/** The headers that tell about the edge's copy, as the edge sent them (untrusted text). */
export interface CacheHeaders {
  age?: string
  savetime?: string
  xCache?: string
  via?: string
  eagleId?: string
}

/** What the edge answered, or why it did not. */
export interface EdgeAnswer {
  status?: number
  headers: CacheHeaders
  /** SHA-256 of the body, when a hash was known to compare it with and the body was read. */
  bodyHash?: string
  /** The body passed the size limit before it was read to the end. */
  bodyTooLarge?: boolean
  /** A network error or a timeout. */
  error?: string
  /** When the answer came, in ms. */
  at: number
}

export interface Check {
  url: string
  verdict: Verdict
  /** Why, in a few words a person can act on. */
  reason: string
  status?: number
  headers: CacheHeaders
}

const REMOVED_STATUSES = new Set([404, 410])

/** What the headers alone say about the copy's age against the refresh, or undefined. */
function byHeaders(
  answer: EdgeAnswer,
  refreshedAt: number
): { verdict: Verdict; reason: string } | undefined {
  const { age, savetime, xCache } = answer.headers
  const since = Math.floor((answer.at - refreshedAt) / 1000)
  if (xCache !== undefined && /^\s*MISS\b/i.test(xCache))
    return {
      verdict: 'fresh',
      reason: 'the edge fetched it from the origin for this request (X-Cache: MISS)'
    }
  if (age !== undefined && /^\s*\d+\s*$/.test(age)) {
    const seconds = Number(age)
    return seconds <= since
      ? {
          verdict: 'fresh',
          reason: `the edge stored it ${seconds} s ago, after the refresh (${since} s ago)`
        }
      : {
          verdict: 'stale',
          reason: `the edge stored it ${seconds} s ago, before the refresh (${since} s ago)`
        }
  }
  if (savetime !== undefined && /^\s*\d+\s*$/.test(savetime)) {
    const stored = Number(savetime)
    const refreshed = Math.floor(refreshedAt / 1000)
    return stored >= refreshed
      ? { verdict: 'fresh', reason: 'Ali-Swift-Global-Savetime is at or after the refresh' }
      : {
          verdict: 'stale',
          reason: `Ali-Swift-Global-Savetime is ${refreshed - stored} s before the refresh`
        }
  }
  return undefined
}

/** The verdict for one URL from the edge's answer. */
export function judge(expect: Expectation, answer: EdgeAnswer): Check {
  const base = { url: expect.url, status: answer.status, headers: answer.headers }
  const verdict = (v: Verdict, reason: string): Check => ({ ...base, verdict: v, reason })
  if (answer.error !== undefined) return verdict('error', answer.error)
  const status = answer.status ?? 0
  if (expect.removed) {
    if (REMOVED_STATUSES.has(status))
      return verdict('fresh', `removed, and the edge answers ${status}`)
    if (status >= 200 && status < 300)
      return verdict('stale', `removed, but the edge still serves it (${status})`)
  }
  if (status >= 300 && status < 400)
    return verdict('unknown', `the edge answers ${status}, a redirect, which is not followed`)
  if (status < 200 || status >= 300) return verdict('error', `the edge answers ${status}`)
  if (answer.bodyTooLarge)
    return verdict('unknown', 'the body is larger than 100 MiB, so it was not compared')
  if (answer.bodyHash !== undefined && expect.newHash !== undefined) {
    if (answer.bodyHash === expect.newHash)
      return verdict('fresh', 'the body is the deployed file, byte for byte')
    if (answer.bodyHash === expect.oldHash)
      return verdict('stale', 'the body is the file as it was before this deploy')
    const headers = byHeaders(answer, expect.refreshedAt)
    if (headers)
      return verdict(
        headers.verdict,
        `${headers.reason}; the body matches neither the old nor the new file (the edge may transform it)`
      )
    return verdict(
      'unknown',
      'the body matches neither the old nor the new file (the edge may transform it), and no header tells when it was stored'
    )
  }
  const headers = byHeaders(answer, expect.refreshedAt)
  if (headers) return verdict(headers.verdict, headers.reason)
  return verdict(
    'unknown',
    'no hash of the deployed file is known, and no header tells when the edge stored its copy'
  )
}
