import { setTimeout as delay } from 'node:timers/promises'

/** Time as the stages see it; the dry run's schedule and the tests use one that jumps instead. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms) => {
    if (ms > 0) await delay(ms)
  }
}

/** A clock whose sleeps move time forward at once: for working out a schedule without waiting. */
export function virtualClock(start = 0): Clock {
  let time = start
  return {
    now: () => time,
    sleep: async (ms) => {
      if (ms > 0) time += ms
    }
  }
}
