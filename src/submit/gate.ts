import { CallGate } from '../api/client.js'
import { Clock } from '../clock.js'
import { CallWindow } from '../plan/pacing.js'

/**
 * The account's calls-per-second limit for every call the action makes: quota reads, refreshes,
 * task queries and prefetches. Calls go one at a time; each is recorded when its answer arrives,
 * since the service counted it somewhere in between, so the next window never opens early.
 */
export function createCallGate(perSecond: number, clock: Clock): CallGate {
  const window = new CallWindow(perSecond)
  let busy: Promise<void> = Promise.resolve()
  let done: () => void = () => {}
  return {
    async acquire() {
      const previous = busy
      busy = new Promise((resolve) => (done = resolve))
      await previous
      const now = clock.now()
      await clock.sleep(window.earliest(now) - now)
    },
    release() {
      window.record(clock.now())
      done()
    }
  }
}
