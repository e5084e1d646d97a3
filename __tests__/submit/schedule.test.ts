import { describe, expect, it } from '@jest/globals'
import { SERVICE_LIMITS } from '../../src/services/limits.js'
import { scheduleBatches } from '../../src/submit/schedule.js'
import { ObjectType, RefreshTarget } from '../../src/targets/target.js'
import { planWith } from '../fixtures.js'

// The dry run's schedule: the real run's sender, gate and pacer on a virtual clock.

const LIMITS = { maxUrlsPerRequest: 1000, urlRatePerDomain: 100000 }
const pacing = (urlRatePerDomain: number) => ({
  callsPerSecond: 30,
  urlRatePerDomain,
  preloadCallsPerSecond: 15
})
const schedule = (targets: RefreshTarget[], rate: number, planRate = rate, maxUrls = 1000) =>
  scheduleBatches(
    planWith(targets, { maxUrlsPerRequest: maxUrls, urlRatePerDomain: planRate }),
    SERVICE_LIMITS.dcdn,
    pacing(rate)
  )

function files(count: number, host = 'a.example', type: ObjectType = 'File'): RefreshTarget[] {
  return Array.from({ length: count }, (_, i) => ({ type, url: `https://${host}/f${i}` }))
}

describe('scheduleBatches (the dry run)', () => {
  it('sends at once what fits in the first minute', async () => {
    expect(await schedule([...files(1000), ...files(1000, 'b.example')], 1000)).toEqual([0, 0])
  })

  it('waits exactly for the rolling minute of a host to free', async () => {
    expect(await schedule(files(2500), 1000)).toEqual([0, 60_000, 120_000])
  })

  it('waits only as long as needed when part of the window frees', async () => {
    // With a rate of 700, two batches of 300 fit together; a third waits for the first to leave.
    expect(await schedule(files(600), 700, 1000, 300)).toEqual([0, 0])
    expect(await schedule(files(900), 700, 1000, 300)).toEqual([0, 0, 60_000])
  })

  it('lets another host go at once while one host waits for its window', async () => {
    const targets = [
      ...files(1000),
      ...files(1000).map((t) => ({ ...t, url: t.url + 'x' })),
      ...files(10, 'b.example')
    ]
    expect(await schedule(targets, 1000)).toEqual([0, 0, 60_000])
  })

  it('keeps to 30 calls in any second, directories and regexes unpaced by the URL rate', async () => {
    const regexes = Array.from({ length: 65 }, (_, i) => ({
      type: 'Regex' as const,
      url: `https://h${i % 5}.example/${i}.*`
    }))
    const times = await scheduleBatches(planWith(regexes, LIMITS), SERVICE_LIMITS.dcdn, pacing(1))
    expect(times.slice(0, 30).every((t) => t === 0)).toBe(true)
    expect(times.slice(30, 60).every((t) => t === 1000)).toBe(true)
    expect(times.slice(60).every((t) => t === 2000)).toBe(true)
    const directories = files(300, 'a.example', 'Directory').map((t) => ({
      ...t,
      url: t.url + '/'
    }))
    expect(await schedule(directories, 1)).toEqual([0, 0, 0])
  })

  it('sends cache tags at once: they never count against the URL rate', async () => {
    const batches = planWith(files(1000), { maxUrlsPerRequest: 1000, urlRatePerDomain: 1000 }, [
      { host: 'a.example', tag: 'menu' }
    ])
    expect(await scheduleBatches(batches, SERVICE_LIMITS.dcdn, pacing(1000))).toEqual([0, 0])
  })
})
