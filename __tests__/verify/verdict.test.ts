import { describe, expect, it } from '@jest/globals'
import { EdgeAnswer, Expectation, judge } from '../../src/verify/verdict.js'

const T = 1_800_000_000_000
const OLD = 'a'.repeat(64)
const NEW = 'b'.repeat(64)
const url = 'https://www.example.com/a.html'
const expect0 = (fields: Partial<Expectation> = {}): Expectation => ({
  url,
  removed: false,
  refreshedAt: T,
  ...fields
})
const answer = (fields: Partial<EdgeAnswer> = {}): EdgeAnswer => ({
  status: 200,
  headers: {},
  at: T + 30_000,
  ...fields
})

describe('judge (SPEC 4.6)', () => {
  it.each<[string, Partial<Expectation>, Partial<EdgeAnswer>, string, RegExp]>([
    [
      'the deployed bytes',
      { newHash: NEW, oldHash: OLD },
      { bodyHash: NEW },
      'fresh',
      /deployed file, byte for byte/
    ],
    [
      'the old bytes',
      { newHash: NEW, oldHash: OLD },
      { bodyHash: OLD },
      'stale',
      /as it was before this deploy/
    ],
    [
      'other bytes, no header',
      { newHash: NEW, oldHash: OLD },
      { bodyHash: 'c'.repeat(64) },
      'unknown',
      /matches neither.*transform.*no header/
    ],
    [
      'other bytes, a fresh Age',
      { newHash: NEW },
      { bodyHash: 'c'.repeat(64), headers: { age: '10' } },
      'fresh',
      /stored it 10 s ago, after the refresh \(30 s ago\); the body matches neither/
    ],
    [
      'a removed file, 404',
      { removed: true },
      { status: 404 },
      'fresh',
      /removed, and the edge answers 404/
    ],
    ['a removed file, 410', { removed: true }, { status: 410 }, 'fresh', /answers 410/],
    [
      'a removed file, 200',
      { removed: true },
      { status: 200, headers: { age: '0' } },
      'stale',
      /removed, but the edge still serves it \(200\)/
    ],
    ['a redirect', {}, { status: 301 }, 'unknown', /301, a redirect, which is not followed/],
    ['a removed file redirected', { removed: true }, { status: 302 }, 'unknown', /redirect/],
    ['a server error', {}, { status: 500 }, 'error', /the edge answers 500/],
    ['a 404 for a file that exists', {}, { status: 404 }, 'error', /answers 404/],
    [
      'no answer',
      {},
      { status: undefined, error: 'no answer within 10 s' },
      'error',
      /no answer within 10 s/
    ],
    [
      'a body too large',
      { newHash: NEW },
      { bodyTooLarge: true },
      'unknown',
      /larger than 100 MiB/
    ],
    ['Age at the seconds since', {}, { headers: { age: '30' } }, 'fresh', /30 s ago, after/],
    ['Age one over', {}, { headers: { age: '31' } }, 'stale', /31 s ago, before/],
    ['Age with spaces', {}, { headers: { age: ' 5 ' } }, 'fresh', /5 s ago/],
    [
      'Age not a number, nothing else',
      {},
      { headers: { age: 'soon' } },
      'unknown',
      /no hash .* no header/
    ],
    [
      'a miss on this request',
      {},
      { headers: { xCache: 'MISS TCP_MISS dirn:-2:-2', age: '999' } },
      'fresh',
      /X-Cache: MISS/
    ],
    [
      'a hit, and nothing else',
      {},
      { headers: { xCache: 'HIT TCP_MEM_HIT' } },
      'unknown',
      /no header tells/
    ],
    [
      'savetime at the refresh',
      {},
      { headers: { savetime: String(T / 1000) } },
      'fresh',
      /at or after the refresh/
    ],
    [
      'savetime a second before',
      {},
      { headers: { savetime: String(T / 1000 - 1) } },
      'stale',
      /1 s before the refresh/
    ],
    [
      'no hash and no header',
      {},
      {},
      'unknown',
      /no hash of the deployed file is known, and no header/
    ]
  ])('%s', (_, expectation, edge, verdict, reason) => {
    const check = judge(expect0(expectation), answer(edge))
    expect(check.verdict).toBe(verdict)
    expect(check.reason).toMatch(reason)
    expect(check.url).toBe(url)
  })

  it('lets Age decide before Ali-Swift-Global-Savetime', () => {
    expect(
      judge(expect0(), answer({ headers: { age: '100', savetime: String(T / 1000 + 5) } })).verdict
    ).toBe('stale')
  })

  it.each<[string, Partial<EdgeAnswer>, string]>([
    // X-Cache names a miss only in its first word: a later TCP_..._MISS is the edge's own detail.
    [
      'X-Cache MISS first',
      { headers: { xCache: ' miss TCP_MISS dirn:-2:-2', age: '900' } },
      'fresh'
    ],
    [
      'X-Cache HIT with a miss later',
      { headers: { xCache: 'HIT TCP_REFRESH_MISS', age: '900' } },
      'stale'
    ],
    ['X-Cache MISSING is no miss', { headers: { xCache: 'MISSING', age: '900' } }, 'stale'],
    // Age and Savetime count only when they are whole numbers.
    ['Age with spaces', { headers: { age: ' 30 ' } }, 'fresh'],
    ['Age 31 s against a refresh 30 s ago', { headers: { age: '31' } }, 'stale'],
    ['Age not a number', { headers: { age: '12abc' } }, 'unknown'],
    ['Age after text', { headers: { age: 'x12' } }, 'unknown'],
    ['Savetime at the refresh', { headers: { savetime: ` ${T / 1000} ` } }, 'fresh'],
    ['Savetime not a number', { headers: { savetime: `${T / 1000}x` } }, 'unknown'],
    ['Savetime after text', { headers: { savetime: `x${T / 1000}` } }, 'unknown'],
    ['Savetime with an inner space', { headers: { savetime: `${T / 1000} 5` } }, 'unknown'],
    // Statuses at the edges of their classes.
    ['status 299', { status: 299, headers: { age: '1' } }, 'fresh'],
    ['status 300', { status: 300 }, 'unknown'],
    ['status 399', { status: 399 }, 'unknown'],
    ['status 400', { status: 400 }, 'error'],
    ['status 199', { status: 199 }, 'error']
  ])('%s', (_, edge, verdict) => {
    expect(judge(expect0(), answer(edge)).verdict).toBe(verdict)
  })

  it('compares bytes only when the deployed hash is known', () => {
    // A body hash with no deployed hash: the headers decide.
    expect(
      judge(expect0({ oldHash: OLD }), answer({ bodyHash: OLD, headers: { age: '1' } })).verdict
    ).toBe('fresh')
    // A deployed hash with no body read: the headers decide.
    expect(
      judge(expect0({ newHash: NEW, oldHash: OLD }), answer({ headers: { age: '100' } })).verdict
    ).toBe('stale')
  })

  it('keeps the headers and the status it judged by', () => {
    const headers = { age: '1', via: 'cache1[H]', eagleId: 'e1' }
    expect(judge(expect0(), answer({ headers, status: 200 }))).toMatchObject({
      status: 200,
      headers
    })
  })
})
