import { describe, expect, it } from '@jest/globals'
import { Batch, planBatches as planAll } from '../../src/plan/batches.js'
import { planWith } from '../fixtures.js'
import { dedupeTargets } from '../../src/targets/build.js'
import { ObjectType, RefreshTarget, hostOf } from '../../src/targets/target.js'

const LIMITS = { maxUrlsPerRequest: 1000, urlRatePerDomain: 100000 }
const planBatches = planWith

function files(count: number, host = 'a.example', type: ObjectType = 'File'): RefreshTarget[] {
  return Array.from({ length: count }, (_, i) => ({ type, url: `https://${host}/f${i}` }))
}

const sizes = (batches: Batch[]) => batches.map((b) => b.objects.length)

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
      expect(new Set(batch.objects.map(hostOf)).size).toBe(batch.hosts.size)
    }
    expect(batches.flatMap((b) => b.objects).sort()).toEqual(targets.map((t) => t.url).sort())
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

describe('tag batches (SPEC 3.4, 4.2 item 2)', () => {
  const limits = (tagCharsPerRequest: number, tagsPerRequest: number) => ({
    maxUrlsPerRequest: 1000,
    urlRatePerDomain: 1000,
    directoriesPerRequest: 100,
    regexesPerRequest: 1,
    hostsPerRequest: 10,
    tagCharsPerRequest,
    tagsPerRequest
  })
  const tags = (host: string, ...names: string[]) => names.map((tag) => ({ host, tag }))
  const shape = (batches: Batch[]) =>
    batches.map(
      (b) =>
        `${b.type} ${[...b.hosts].map(([h, n]) => `${h}=${n}`).join(' ')}: ${b.objects.join(',')}`
    )

  it('fills a call up to its characters exactly, commas counted', () => {
    // 'aaaa,bbbb' is 9 characters; a third tag needs 5 more.
    const list = tags('a.example', 'aaaa', 'bbbb', 'cccc')
    expect(shape(planAll([], list, limits(9, 100)))).toEqual([
      'Tag a.example=2: aaaa,bbbb',
      'Tag a.example=1: cccc'
    ])
    expect(shape(planAll([], list, limits(8, 100)))).toEqual([
      'Tag a.example=1: aaaa',
      'Tag a.example=1: bbbb',
      'Tag a.example=1: cccc'
    ])
    expect(shape(planAll([], list, limits(14, 100)))).toEqual(['Tag a.example=3: aaaa,bbbb,cccc'])
    // A new call starts counting from nothing.
    expect(shape(planAll([], tags('a.example', 'aaaaaaaa', 'b', 'c'), limits(8, 100)))).toEqual([
      'Tag a.example=1: aaaaaaaa',
      'Tag a.example=2: b,c'
    ])
  })

  it('holds at most the tags a call may carry, and one host a call', () => {
    const list = [...tags('a.example', 'x1', 'x2', 'x3'), ...tags('b.example', 'y1')]
    expect(shape(planAll([], list, limits(16_384, 2)))).toEqual([
      'Tag a.example=2: x1,x2',
      'Tag a.example=1: x3',
      'Tag b.example=1: y1'
    ])
  })

  it('comes after every URL batch, and counts no URL against a host', () => {
    const batches = planAll(files(3), tags('a.example', 'menu'), limits(16_384, 100))
    expect(shape(batches)).toEqual([
      'File a.example=3: https://a.example/f0,https://a.example/f1,https://a.example/f2',
      'Tag a.example=1: menu'
    ])
  })
})
