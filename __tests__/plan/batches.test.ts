import { describe, expect, it } from '@jest/globals'
import { UserError } from '../../src/errors.js'
import { Batch } from '../../src/plan/batches.js'
import { planWith } from '../fixtures.js'
import { checkPlanSize } from '../../src/plan/budget.js'
import { RatePacer, scheduleBatches as schedule } from '../../src/plan/pacing.js'
import { dedupeTargets } from '../../src/targets/build.js'
import { ObjectType, RefreshTarget, hostOf } from '../../src/targets/target.js'

const LIMITS = { maxUrlsPerRequest: 1000, urlRatePerDomain: 100000 }
const planBatches = planWith
const scheduleBatches = (
  batches: readonly Batch[],
  start: number,
  limits: { urlRatePerDomain: number }
) => schedule(batches, start, { callsPerSecond: 30, ...limits })

function files(count: number, host = 'a.example', type: ObjectType = 'File'): RefreshTarget[] {
  return Array.from({ length: count }, (_, i) => ({ type, url: `https://${host}/f${i}` }))
}

const sizes = (batches: Batch[]) => batches.map((b) => b.urls.length)

describe('dedupeTargets', () => {
  it('removes repeats per type and keeps first-seen order', () => {
    const targets: RefreshTarget[] = [
      { type: 'File', url: 'https://a.example/2' },
      { type: 'File', url: 'https://a.example/1' },
      { type: 'Directory', url: 'https://a.example/2' },
      { type: 'File', url: 'https://a.example/2' }
    ]
    expect(dedupeTargets(targets)).toEqual(targets.slice(0, 3))
  })
})

describe('planBatches (SPEC 4.2)', () => {
  it.each([
    [999, [999]],
    [1000, [1000]],
    [1001, [1000, 1]],
    [2500, [1000, 1000, 500]]
  ])('%i File URLs on one host', (count, expected) => {
    expect(sizes(planBatches(files(count), LIMITS))).toEqual(expected)
  })

  it('honours max-urls-per-request', () => {
    expect(sizes(planBatches(files(250), { ...LIMITS, maxUrlsPerRequest: 100 }))).toEqual([
      100, 100, 50
    ])
  })

  it.each([
    [100, [100]],
    [101, [100, 1]]
  ])('%i directories', (count, expected) => {
    expect(sizes(planBatches(files(count, 'a.example', 'Directory'), LIMITS))).toEqual(expected)
  })

  it('puts one regex in each batch', () => {
    expect(sizes(planBatches(files(3, 'a.example', 'Regex'), LIMITS))).toEqual([1, 1, 1])
  })

  it.each([
    [10, [10]],
    [11, [10, 1]],
    [12, [10, 2]]
  ])('%i hosts, one URL each', (hosts, expected) => {
    const targets = Array.from({ length: hosts }, (_, h) => ({
      type: 'File' as const,
      url: `https://h${h}.example/x`
    }))
    const batches = planBatches(targets, LIMITS)
    expect(sizes(batches)).toEqual(expected)
    for (const batch of batches) expect(batch.hosts.size).toBeLessThanOrEqual(10)
  })

  it('packs interleaved hosts into full batches of at most 10 hosts', () => {
    const targets: RefreshTarget[] = []
    for (let i = 0; i < 100; i++)
      for (let h = 0; h < 12; h++) targets.push({ type: 'File', url: `https://h${h}.example/${i}` })
    const batches = planBatches(targets, LIMITS)
    expect(sizes(batches)).toEqual([1000, 200])
    for (const batch of batches) {
      expect(batch.hosts.size).toBeLessThanOrEqual(10)
      expect(new Set(batch.urls.map(hostOf)).size).toBe(batch.hosts.size)
    }
    expect(batches.flatMap((b) => b.urls).sort()).toEqual(targets.map((t) => t.url).sort())
  })

  it('keeps types apart and orders them File, IgnoreParams, Directory, Regex', () => {
    const targets: RefreshTarget[] = [
      { type: 'Directory', url: 'https://a.example/d/' },
      { type: 'Regex', url: 'https://a.example/.*' },
      { type: 'File', url: 'https://a.example/f' },
      { type: 'IgnoreParams', url: 'https://a.example/i' }
    ]
    expect(planBatches(targets, LIMITS).map((b) => b.type)).toEqual([
      'File',
      'IgnoreParams',
      'Directory',
      'Regex'
    ])
  })

  it('never puts more of one host in a batch than it may take in a minute', () => {
    expect(
      sizes(planBatches(files(1200), { maxUrlsPerRequest: 1000, urlRatePerDomain: 500 }))
    ).toEqual([500, 500, 200])
  })
})

describe('checkPlanSize', () => {
  it('allows max-objects and refuses one more', () => {
    expect(() => checkPlanSize(files(10).length, 10)).not.toThrow()
    expect(() => checkPlanSize(files(11).length, 10)).toThrow(UserError)
    expect(() => checkPlanSize(files(11).length, 10)).toThrow(/11 objects.*max-objects \(10\)/)
  })
})

describe('scheduleBatches (pacing)', () => {
  const T0 = 1_000_000

  it('sends at once what fits in the first minute', () => {
    const batches = planBatches(files(1000, 'a.example').concat(files(1000, 'b.example')), LIMITS)
    expect(scheduleBatches(batches, T0, { urlRatePerDomain: 1000 })).toEqual([T0, T0])
  })

  it('waits exactly for the rolling minute of a host to free', () => {
    const batches = planBatches(files(2500), { ...LIMITS, urlRatePerDomain: 1000 })
    expect(scheduleBatches(batches, T0, { urlRatePerDomain: 1000 })).toEqual([
      T0,
      T0 + 60_000,
      T0 + 120_000
    ])
  })

  it('waits only as long as needed when part of the window frees', () => {
    const small = planBatches(files(600), { maxUrlsPerRequest: 300, urlRatePerDomain: 1000 })
    // With a rate of 700, two batches of 300 fit together; a third must wait for the first to leave.
    expect(scheduleBatches(small, T0, { urlRatePerDomain: 700 })).toEqual([T0, T0])
    const three = planBatches(files(900), { maxUrlsPerRequest: 300, urlRatePerDomain: 1000 })
    expect(scheduleBatches(three, T0, { urlRatePerDomain: 700 })).toEqual([T0, T0, T0 + 60_000])
  })

  it('lets another host go at once while one host waits for its window', () => {
    const batches = planBatches(
      [
        ...files(1000, 'a.example'),
        ...files(1000, 'a.example').map((t) => ({ ...t, url: t.url + 'x' })),
        ...files(10, 'b.example')
      ],
      { ...LIMITS, urlRatePerDomain: 1000 }
    )
    expect(batches.map((b) => [...b.hosts.keys()])).toEqual([
      ['a.example'],
      ['b.example'],
      ['a.example']
    ])
    expect(scheduleBatches(batches, T0, { urlRatePerDomain: 1000 })).toEqual([T0, T0, T0 + 60_000])
  })

  it('keeps to 30 calls in any second', () => {
    const targets = Array.from({ length: 65 }, (_, i) => ({
      type: 'Regex' as const,
      url: `https://h${i % 5}.example/${i}.*`
    }))
    const times = scheduleBatches(planBatches(targets, LIMITS), T0, { urlRatePerDomain: 1000 })
    expect(times.slice(0, 30).every((t) => t === T0)).toBe(true)
    expect(times.slice(30, 60).every((t) => t === T0 + 1000)).toBe(true)
    expect(times.slice(60).every((t) => t === T0 + 2000)).toBe(true)
    for (let i = 30; i < times.length; i++)
      expect(times[i] - times[i - 30]).toBeGreaterThanOrEqual(1000)
  })

  it('frees a host window 60 s after its last record', () => {
    const pacer = new RatePacer({ urlRatePerDomain: 1000, callsPerSecond: 30 })
    const batch = planBatches(files(10), LIMITS)[0]
    expect(pacer.hosts.freesAt(['a.example'], T0)).toBe(T0 + 60_000)
    pacer.record(batch, T0)
    pacer.record(batch, T0 + 5000)
    expect(pacer.hosts.freesAt(['a.example'], T0 + 6000)).toBe(T0 + 65_000)
  })
})
