import { describe, expect, it } from '@jest/globals'
import { Pacer, refreshLoad } from '../../src/plan/pacing.js'

const T0 = 1_000_000
const limits = { callsPerSecond: 30, urlRatePerDomain: 1000, preloadCallsPerSecond: 15 }
const hosts = (entries: [string, number][]) => ({ urlsPerHost: new Map(entries) })

describe('Pacer (SPEC 4.2 item 3)', () => {
  it('lets a call go at once while every window has room', () => {
    const pacer = new Pacer(limits)
    expect(pacer.earliest(hosts([['a.example', 1000]]), T0)).toEqual({ at: T0, reason: undefined })
  })

  it('holds a host until its rolling minute frees, and says why', () => {
    const pacer = new Pacer(limits)
    pacer.record(hosts([['a.example', 700]]), T0)
    pacer.record(hosts([['a.example', 300]]), T0 + 10_000)
    expect(pacer.earliest(hosts([['a.example', 1]]), T0 + 20_000)).toEqual({
      at: T0 + 60_000,
      reason: 'URLs per domain per minute'
    })
    // 300 more fit once the first 700 leave; 301 need the second entry gone too.
    expect(pacer.earliest(hosts([['a.example', 700]]), T0 + 20_000).at).toBe(T0 + 60_000)
    expect(pacer.earliest(hosts([['a.example', 701]]), T0 + 20_000).at).toBe(T0 + 70_000)
  })

  it('counts a window as rolling: an entry exactly 60 s old has left it', () => {
    const pacer = new Pacer(limits)
    pacer.record(hosts([['a.example', 1000]]), T0)
    expect(pacer.earliest(hosts([['a.example', 1]]), T0 + 59_999).at).toBe(T0 + 60_000)
    expect(pacer.earliest(hosts([['a.example', 1]]), T0 + 60_000).at).toBe(T0 + 60_000)
  })

  it('keeps hosts apart', () => {
    const pacer = new Pacer(limits)
    pacer.record(hosts([['a.example', 1000]]), T0)
    expect(pacer.earliest(hosts([['b.example', 1000]]), T0).at).toBe(T0)
    expect(
      pacer.earliest(
        hosts([
          ['a.example', 1],
          ['b.example', 1]
        ]),
        T0
      ).at
    ).toBe(T0 + 60_000)
  })

  it('allows the calls per second, and no more', () => {
    const pacer = new Pacer(limits)
    for (let i = 0; i < 29; i++) pacer.record({}, T0 + i)
    expect(pacer.earliest({}, T0 + 29).at).toBe(T0 + 29)
    pacer.record({}, T0 + 29)
    expect(pacer.earliest({}, T0 + 30)).toEqual({ at: T0 + 1000, reason: 'calls per second' })
  })

  it('holds prefetches to their own, lower rate, and counts them as calls too', () => {
    const pacer = new Pacer(limits)
    for (let i = 0; i < 15; i++) pacer.record({ preload: true }, T0)
    expect(pacer.earliest({ preload: true }, T0)).toEqual({
      at: T0 + 1000,
      reason: 'prefetches per second'
    })
    expect(pacer.earliest({}, T0).at).toBe(T0)
    for (let i = 0; i < 15; i++) pacer.record({}, T0)
    expect(pacer.earliest({}, T0).at).toBe(T0 + 1000)
  })

  it('sends a call larger than the limit once its window is empty, or at once when it is', () => {
    const pacer = new Pacer(limits)
    expect(pacer.earliest(hosts([['a.example', 1500]]), T0).at).toBe(T0)
    pacer.record(hosts([['a.example', 10]]), T0)
    pacer.record(hosts([['a.example', 10]]), T0 + 2000)
    expect(pacer.earliest(hosts([['a.example', 1500]]), T0 + 5000).at).toBe(T0 + 62_000)
  })

  it('keeps records in time order, whatever order they come in', () => {
    const pacer = new Pacer(limits)
    pacer.record(hosts([['a.example', 700]]), T0 + 5000)
    pacer.record(hosts([['a.example', 300]]), T0 + 1000)
    // The 300 recorded at T0 + 1 s leave first.
    expect(pacer.earliest(hosts([['a.example', 300]]), T0 + 10_000).at).toBe(T0 + 61_000)
    expect(pacer.earliest(hosts([['a.example', 301]]), T0 + 10_000).at).toBe(T0 + 65_000)
    expect(pacer.hostsFreeAt(['a.example'], T0 + 10_000)).toBe(T0 + 65_000)
  })

  it('settles a call that one window moves into another full one', () => {
    const pacer = new Pacer(limits)
    pacer.record(hosts([['a.example', 1000]]), T0)
    for (let i = 0; i < 30; i++) pacer.record({}, T0 + 59_800)
    // The host frees at T0 + 60 s, when that second's calls are used up until T0 + 60.8 s.
    expect(pacer.earliest(hosts([['a.example', 1]]), T0 + 100)).toEqual({
      at: T0 + 60_800,
      reason: 'calls per second'
    })
  })

  it('frees the latest of several hosts', () => {
    const pacer = new Pacer(limits)
    pacer.record(hosts([['a.example', 1]]), T0)
    pacer.record(hosts([['b.example', 1]]), T0 + 9000)
    expect(pacer.hostsFreeAt(['a.example', 'b.example'], T0 + 10_000)).toBe(T0 + 69_000)
    expect(pacer.hostsFreeAt(['a.example'], T0 + 70_000)).toBe(T0 + 130_000)
  })

  it('frees a host 60 s after its last record, or a minute from now when it has none', () => {
    const pacer = new Pacer(limits)
    expect(pacer.hostsFreeAt(['a.example'], T0)).toBe(T0 + 60_000)
    pacer.record(hosts([['a.example', 10]]), T0)
    pacer.record(hosts([['a.example', 10]]), T0 + 5000)
    expect(pacer.hostsFreeAt(['a.example'], T0 + 6000)).toBe(T0 + 65_000)
  })
})

describe('refreshLoad', () => {
  it('counts File and IgnoreParams URLs per host, lower-cased', () => {
    const urls = ['https://A.example/1', 'https://a.example/2', 'https://b.example:8443/3']
    expect(refreshLoad('File', urls).urlsPerHost).toEqual(
      new Map([
        ['a.example', 2],
        ['b.example', 1]
      ])
    )
    expect(refreshLoad('IgnoreParams', urls).urlsPerHost?.get('a.example')).toBe(2)
  })

  it('leaves directories, regexes and tags out of the URL rate', () => {
    for (const type of ['Directory', 'Regex', 'Tag'] as const)
      expect(refreshLoad(type, ['https://a.example/']).urlsPerHost).toBeUndefined()
  })
})
