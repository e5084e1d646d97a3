import { setTimeout as delay } from 'node:timers/promises'

/** Time as the submitter sees it; tests pass a fake one that jumps instead of sleeping. */
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
