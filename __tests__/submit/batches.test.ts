import { afterEach, describe, expect, it } from '@jest/globals'
import { Pacer } from '../../src/plan/pacing.js'
import { dcdnService } from '../../src/services/dcdn.js'
import { createCallGate } from '../../src/submit/gate.js'
import { submitBatches as submit } from '../../src/submit/batches.js'
import { FakeClock } from '../fakes/clock.js'
import { clientOfFake } from '../fakes/client.js'
import { startFakeDcdn } from '../fakes/dcdn-server.mjs'
import { planWith } from '../fixtures.js'

const planBatches = planWith

type Fake = Awaited<ReturnType<typeof startFakeDcdn>>
let fake: Fake | undefined
let closeClient: (() => Promise<void>) | undefined
afterEach(async () => {
  await closeClient?.()
  await fake?.close()
  closeClient = undefined
  fake = undefined
})

async function setup(rate: number) {
  const clock = new FakeClock()
  // The fake DCDN keeps its rate windows on the same virtual clock.
  fake = await startFakeDcdn({ urlRatePerDomain: rate, now: () => clock.now() })
  const pacer = new Pacer({ callsPerSecond: 30, urlRatePerDomain: rate, preloadCallsPerSecond: 15 })
  const { client, close } = clientOfFake(fake.url, {
    version: '2018-01-15',
    clock,
    gate: createCallGate(pacer, clock)
  })
  closeClient = close
  return { clock, client: dcdnService(client), fake, pacer }
}

type Options = {
  client: ReturnType<typeof dcdnService>
  clock: FakeClock
  pacer: Pacer
  force: boolean
  log: (m: string) => void
  retry?: { attempts: number; baseMs: number; capMs: number }
}
const submitBatches = (batches: Parameters<typeof submit>[0], o: Options) =>
  submit(batches, {
    service: o.client,
    clock: o.clock,
    pacer: o.pacer,
    force: o.force,
    log: o.log,
    retry: o.retry
  })

const urls = (n: number, host = 'a.example') =>
  Array.from({ length: n }, (_, i) => ({ type: 'File' as const, url: `https://${host}/${i}` }))
const logs: string[] = []
const log = (m: string) => logs.push(m)

describe('submitBatches pacing on a virtual clock', () => {
  it('waits exactly one minute between full batches of one host', async () => {
    const { clock, client, fake, pacer } = await setup(1000)
    const batches = planBatches(urls(2500), { maxUrlsPerRequest: 1000, urlRatePerDomain: 1000 })
    const outcomes = await submitBatches(batches, {
      client,
      clock,
      pacer,
      force: false,
      log
    })
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true])
    expect(clock.sleeps).toEqual([60_000, 60_000])
    expect(fake.state.accepted).toHaveLength(2500)
  })

  it('sends other hosts without waiting', async () => {
    const { clock, client, pacer } = await setup(1000)
    const batches = planBatches([...urls(1000, 'a.example'), ...urls(1000, 'b.example')], {
      maxUrlsPerRequest: 1000,
      urlRatePerDomain: 1000
    })
    await submitBatches(batches, {
      client,
      clock,
      pacer,
      force: false,
      log
    })
    expect(clock.sleeps).toEqual([])
  })

  it('on QuotaPerMinuteExceeded.Refresh waits for the host window to free, then succeeds once', async () => {
    const { clock, client, fake, pacer } = await setup(10000)
    const batches = planBatches(urls(1500), { maxUrlsPerRequest: 1000, urlRatePerDomain: 10000 })
    fake.inject({
      kind: 'QuotaPerMinuteExceeded.Refresh',
      action: 'RefreshDcdnObjectCaches',
      match: '/1000'
    })
    const start = clock.now()
    const outcomes = await submitBatches(batches, {
      client,
      clock,
      pacer,
      force: false,
      log
    })
    expect(outcomes.map((o) => [o.ok, o.attempts])).toEqual([
      [true, 1],
      [true, 2]
    ])
    // The first batch went at `start`: its window frees 60 s later, and no sooner.
    expect(clock.sleeps).toEqual([60_000])
    expect(clock.now() - start).toBe(60_000)
    expect(fake.state.accepted).toHaveLength(1500)
  })

  it('gives up after the retry budget and reports the last error', async () => {
    const { clock, client, fake, pacer } = await setup(10000)
    for (let i = 0; i < 3; i++) fake.inject({ kind: '503', action: 'RefreshDcdnObjectCaches' })
    const outcomes = await submitBatches(
      planBatches(urls(3), { maxUrlsPerRequest: 1000, urlRatePerDomain: 10000 }),
      {
        client,
        clock,
        pacer,
        force: false,
        log,
        retry: { attempts: 3, baseMs: 1000, capMs: 4000 }
      }
    )
    expect(outcomes[0].ok).toBe(false)
    expect(outcomes[0].attempts).toBe(3)
    expect(outcomes[0].error?.message).toMatch(/ServiceUnavailable/)
    expect(clock.sleeps.length).toBeLessThanOrEqual(2)
    for (const [i, wait] of clock.sleeps.entries()) expect(wait).toBeLessThanOrEqual(1000 * 2 ** i)
  })
})
