// The submit stage against the fake DCDN on a virtual clock: the batches, the quota after, the
// wait and the prefetch, each paced through the account's gate.
import { afterEach, describe, expect, it } from '@jest/globals'
import { Pacer } from '../../src/plan/pacing.js'
import { Log } from '../../src/runner/log.js'
import { dcdnService } from '../../src/services/dcdn.js'
import { createCallGate } from '../../src/submit/gate.js'
import { preloadUrls } from '../../src/submit/preload.js'
import { SubmitSettings, submitPlan } from '../../src/submit/stage.js'
import { FakeClock } from '../fakes/clock.js'
import { clientOfFake } from '../fakes/client.js'
import { startFakeDcdn } from '../fakes/dcdn-server.mjs'
import { planOf } from '../report/records.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function connect(options: Record<string, unknown> = {}) {
  const clock = new FakeClock()
  const fake = await startFakeDcdn({ now: () => clock.now(), ...options })
  const pacer = new Pacer({ callsPerSecond: 30, urlRatePerDomain: 1000, preloadCallsPerSecond: 15 })
  const { client, close } = clientOfFake(fake.url, {
    version: '2018-01-15',
    clock,
    gate: createCallGate(pacer, clock)
  })
  closers.push(close, () => fake.close())
  const lines: string[] = []
  const warnings: string[] = []
  const log: Log = {
    info: (m) => lines.push(m),
    warning: (m) => warnings.push(m),
    untrusted: (l) => lines.push(...l),
    group: (_t, phase) => phase()
  }
  return { clock, fake, pacer, service: dcdnService(client), log, lines, warnings }
}

const settings = (fields: Partial<SubmitSettings> = {}): SubmitSettings => ({
  force: false,
  quotaCheck: true,
  wait: false,
  waitTimeoutSeconds: 600,
  preload: false,
  preloadArea: '',
  ...fields
})
const urls = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ type: 'File' as const, url: `https://a.example/${i}` }))

describe('submitPlan', () => {
  it('submits, reads the quota after, waits and prefetches', async () => {
    const c = await connect()
    const plan = planOf(urls(150))
    const done = await submitPlan(plan, settings({ wait: true, preload: true }), c)
    expect(done.error).toBeUndefined()
    expect(done.outcomes.map((o) => o.ok)).toEqual([true])
    expect(done.quotaAfter?.remain.File).toBe(9850)
    expect(done.wait?.status).toBe('complete')
    expect(done.preload?.map((p) => p.objects.length)).toEqual([100, 50])
  })

  it('skips the prefetch when what remains is too little, reading it only without quota-check', async () => {
    const c = await connect({ quota: { Preload: 10 } })
    const done = await submitPlan(
      planOf(urls(20)),
      settings({ quotaCheck: false, preload: true }),
      c
    )
    expect(done.preloadSkipped).toBe(
      "Prefetch skipped: it needs 20 URLs but only 10 remain of today's prefetch quota. The refresh itself was submitted."
    )
    expect(done.quotaAfter).toBeUndefined()
  })

  it('warns when the quota after cannot be read, and keeps what it did', async () => {
    const c = await connect()
    c.fake.inject(
      ...Array.from({ length: 6 }, () => ({
        kind: 'Forbidden.RAM',
        action: 'DescribeDcdnRefreshQuota',
        status: 403
      }))
    )
    const done = await submitPlan(planOf(urls(2)), settings(), c)
    expect(done.outcomes[0].ok).toBe(true)
    expect(c.warnings[0]).toMatch(/^Could not read the quota after submitting: Forbidden\.RAM/)
  })

  it('keeps the batches when the wait fails, with the error for the run to report', async () => {
    const c = await connect()
    c.fake.inject({ kind: 'Forbidden.RAM', action: 'DescribeDcdnRefreshTaskById', status: 403 })
    const done = await submitPlan(planOf(urls(2)), settings({ wait: true, quotaCheck: false }), c)
    expect(done.outcomes[0].ok).toBe(true)
    expect(String(done.error)).toMatch(/Forbidden\.RAM/)
  })

  it('warns when the wait runs out, naming the tasks still open', async () => {
    const c = await connect({ pollsToComplete: 1000 })
    const done = await submitPlan(
      planOf(urls(2)),
      settings({ wait: true, waitTimeoutSeconds: 20 }),
      c
    )
    expect(done.wait?.status).toBe('timeout')
    expect(c.warnings).toEqual([
      '1 of 1 refresh task had not finished after 20 s (wait-timeout); they go on in DCDN.'
    ])
  })
})

describe('preloadUrls', () => {
  it('sends 100 URLs a call and holds prefetches to their own rate through the gate', async () => {
    const c = await connect({ quota: { Preload: 5000 } })
    const start = c.clock.now()
    const outcomes = await preloadUrls(
      Array.from({ length: 1700 }, (_, i) => `https://a.example/${i}`),
      { service: c.service, clock: c.clock, area: 'domestic', log: () => {} }
    )
    expect(outcomes).toHaveLength(17)
    expect(outcomes.every((o) => o.ok)).toBe(true)
    // 15 prefetches a second on DCDN: the 16th and 17th wait for the next second.
    expect(c.clock.now() - start).toBe(1000)
    expect(c.fake.busiestSecond()).toBeLessThanOrEqual(15)
  })
})
