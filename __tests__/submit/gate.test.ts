import { describe, expect, it } from '@jest/globals'
import { Pacer } from '../../src/plan/pacing.js'
import { createCallGate } from '../../src/submit/gate.js'
import { FakeClock } from '../fakes/clock.js'

const limits = { callsPerSecond: 2, urlRatePerDomain: 10, preloadCallsPerSecond: 1 }
const hosts = (n: number) => ({ urlsPerHost: new Map([['a.example', n]]) })

describe('the call gate', () => {
  it('lets calls go one at a time, each when the pacer allows, and says why it waits', async () => {
    const clock = new FakeClock(0)
    const said: string[] = []
    const gate = createCallGate(new Pacer(limits), clock, (m) => said.push(m))
    const started: number[] = []
    const call = (ms: number) => async () => {
      started.push(clock.now())
      await clock.sleep(ms)
      return started.length
    }
    const answers = await Promise.all([
      gate.run({}, call(10)),
      gate.run({}, call(10)),
      gate.run({}, call(10))
    ])
    expect(answers).toEqual([1, 2, 3])
    // Two calls answered at 10 and 20 ms: the third waits until the first leaves the second.
    expect(started).toEqual([0, 10, 1010])
    expect(said).toEqual([])
    await gate.run(hosts(10), call(0))
    await gate.run(hosts(1), call(0))
    expect(said).toEqual(['Waiting 60.0 s for the URLs per domain per minute.'])
  })

  it('records a refused call against the calls per second, never against the host', async () => {
    const clock = new FakeClock(0)
    const pacer = new Pacer(limits)
    const gate = createCallGate(pacer, clock)
    await expect(
      gate.run(hosts(10), async () => Promise.reject(new Error('refused')))
    ).rejects.toThrow('refused')
    expect(pacer.earliest(hosts(10), clock.now()).at).toBe(0)
    await gate.run({}, async () => 1)
    expect(pacer.earliest({}, clock.now())).toEqual({ at: 1000, reason: 'calls per second' })
  })

  it('goes on after a refused call', async () => {
    const gate = createCallGate(new Pacer(limits), new FakeClock(0))
    const first = gate.run({}, async () => Promise.reject(new Error('no')))
    const second = gate.run({}, async () => 'yes')
    await expect(first).rejects.toThrow('no')
    await expect(second).resolves.toBe('yes')
  })
})
