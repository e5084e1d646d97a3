import { Batch } from '../plan/batches.js'
import { Pacer, PacingLimits, refreshLoad } from '../plan/pacing.js'
import { RefreshService, ServiceLimits } from '../services/service.js'
import { virtualClock } from '../util/clock.js'
import { submitBatches } from './batches.js'
import { createCallGate } from './gate.js'

/**
 * When each batch would go, in ms from the start, for a dry run: the real run's sender, call gate
 * and pacer, on a virtual clock, against a service that answers at once. One pacing model.
 */
export async function scheduleBatches(
  batches: readonly Batch[],
  limits: ServiceLimits,
  pacing: PacingLimits
): Promise<number[]> {
  const clock = virtualClock()
  const pacer = new Pacer(pacing)
  const gate = createCallGate(pacer, clock)
  const sentAt: number[] = []
  const answer = async () => {
    sentAt.push(clock.now())
    return { requestId: '', taskIds: [] }
  }
  const unused = () => Promise.reject(new Error('a dry run makes no such call'))
  const service: RefreshService = {
    limits,
    refresh: (type, urls) => gate.run(refreshLoad(type, urls), answer),
    refreshTags: () => gate.run({}, answer),
    readQuota: unused,
    describeTasks: unused,
    preload: unused
  }
  await submitBatches(batches, { service, pacer, clock, force: false, log: () => {} })
  return sentAt
}
