import type { CallGate } from '../api/client.js'
import { Pacer } from '../plan/pacing.js'
import { Clock } from '../util/clock.js'

/**
 * The account's one door for calls: quota reads, refreshes, task look-ups and prefetches, in the
 * real run and in the dry run's schedule alike. Calls go one at a time, each when the pacer lets
 * it. A call is recorded when its answer is here, since the service counted it somewhere before
 * then, so no window opens early; a refused call counts against the calls per second only.
 */
export function createCallGate(
  pacer: Pacer,
  clock: Clock,
  log: (message: string) => void = () => {}
): CallGate {
  let busy: Promise<unknown> = Promise.resolve()
  return {
    run(load, call) {
      const turn = busy.then(async () => {
        const now = clock.now()
        const { at, reason } = pacer.earliest(load, now)
        if (at - now >= 1000) log(`Waiting ${((at - now) / 1000).toFixed(1)} s for the ${reason}.`)
        await clock.sleep(at - now)
        try {
          const answer = await call()
          pacer.record(load, clock.now())
          return answer
        } catch (error) {
          pacer.record({}, clock.now())
          throw error
        }
      })
      busy = turn.catch(() => undefined)
      return turn
    }
  }
}
