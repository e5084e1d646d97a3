import { describe, expect, it } from '@jest/globals'
import { withRetry } from '../../src/util/backoff.js'
import { FakeClock } from '../fakes/clock.js'

class Transient extends Error {}

describe('withRetry', () => {
  const hooks = { retryable: (e: unknown): e is Transient => e instanceof Transient }

  it('backs off exponentially with full jitter, capped', async () => {
    const clock = new FakeClock(0)
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          throw new Transient('x')
        },
        { attempts: 6, baseMs: 1000, capMs: 5000 },
        clock,
        hooks,
        () => 0.999
      )
    ).rejects.toThrow('x')
    expect(calls).toBe(6)
    expect(clock.sleeps).toEqual([999, 1998, 3996, 4995, 4995])
  })

  it('stops at once on an error that is not retryable', async () => {
    const clock = new FakeClock(0)
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          throw new Error('permanent')
        },
        { attempts: 6, baseMs: 10, capMs: 10 },
        clock,
        hooks
      )
    ).rejects.toThrow('permanent')
    expect(calls).toBe(1)
  })

  it('waits at least what the failure demands', async () => {
    const clock = new FakeClock(0)
    let calls = 0
    const result = await withRetry(
      async () => {
        if (++calls < 2) throw new Transient('full')
        return 'ok'
      },
      { attempts: 3, baseMs: 1000, capMs: 1000 },
      clock,
      { ...hooks, minimumWait: () => 42_000 },
      () => 0.5
    )
    expect(result).toBe('ok')
    expect(clock.sleeps).toEqual([42_000])
  })
})
