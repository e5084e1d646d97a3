import { Quota, quotaKinds } from '../plan/budget.js'
import { Pacer } from '../plan/pacing.js'
import { Plan } from '../plan/plan.js'
import { Log } from '../runner/log.js'
import { FINISHED_STATUSES, RefreshService } from '../services/service.js'
import { Clock } from '../util/clock.js'
import { messageOf } from '../util/errors.js'
import { formatCount, plural } from '../util/text.js'
import { BatchOutcome, submitBatches } from './batches.js'
import { preloadUrls } from './preload.js'
import { fetchQuota } from './quota.js'
import { CallOutcome } from './send.js'
import { WaitResult, waitForTasks } from './wait.js'

export interface SubmitSettings {
  force: boolean
  quotaCheck: boolean
  /** Wait for the tasks (`wait`, or `verify`, which needs them complete). */
  wait: boolean
  waitTimeoutSeconds: number
  preload: boolean
  preloadArea: '' | 'domestic' | 'overseas'
}

export interface SubmitConnections {
  service: RefreshService
  pacer: Pacer
  clock: Clock
  log: Log
}

/** What the submit stage did; `error` ends the run after what came before is kept. */
export interface Submitted {
  outcomes: BatchOutcome[]
  quotaAfter?: Quota
  wait?: WaitResult
  preload?: CallOutcome[]
  /** Why the prefetch was not sent. */
  preloadSkipped?: string
  error?: unknown
}

/** Waits for the tasks of these outcomes, in a log group, and warns on a timeout. */
export async function waitForOutcomes(
  outcomes: readonly BatchOutcome[],
  timeoutSeconds: number,
  { service, clock, log }: SubmitConnections
): Promise<WaitResult | undefined> {
  const taskIds = outcomes.flatMap((o) => o.taskIds)
  if (taskIds.length === 0) return undefined
  const result = await log.group(
    `Waiting up to ${timeoutSeconds} s for ${plural(taskIds.length, 'task')}`,
    () =>
      waitForTasks(taskIds, {
        service,
        clock,
        timeoutMs: timeoutSeconds * 1000,
        log: (m) => log.info(m)
      })
  )
  if (result.status === 'timeout') {
    const open = new Set(
      result.tasks.filter((t) => !FINISHED_STATUSES.has(t.status)).map((t) => t.taskId)
    )
    log.warning(
      `${open.size} of ${plural(taskIds.length, 'refresh task')} had not finished after ${timeoutSeconds} s (wait-timeout); they go on in ${service.limits.name}.`
    )
  }
  return result
}

/** The refreshed File URLs prefetched, when the quota allows. */
async function prefetch(
  outcomes: readonly BatchOutcome[],
  settings: SubmitSettings,
  connections: SubmitConnections,
  done: Submitted
): Promise<void> {
  const { service, clock, log } = connections
  const urls = outcomes.filter((o) => o.ok && o.batch.type === 'File').flatMap((o) => o.objects)
  if (urls.length === 0) return
  // With quota-check the prefetch need was checked before the refresh; without it, check now.
  const remain = settings.quotaCheck
    ? Infinity
    : (await fetchQuota(service, ['Preload'], clock, (m) => log.info(m))).remain.Preload
  if (urls.length > remain) {
    done.preloadSkipped = `Prefetch skipped: it needs ${plural(urls.length, 'URL')} but only ${formatCount(remain)} remain of today's prefetch quota. The refresh itself was submitted.`
    return
  }
  done.preload = await log.group(`Prefetching ${plural(urls.length, 'URL')}`, () =>
    preloadUrls(urls, { service, clock, area: settings.preloadArea, log: (m) => log.info(m) })
  )
}

/** The submit stage (SPEC 4.3): the batches, the quota after, the wait and the prefetch. */
export async function submitPlan(
  plan: Plan,
  settings: SubmitSettings,
  connections: SubmitConnections
): Promise<Submitted> {
  const { service, pacer, clock, log } = connections
  const say = (m: string) => log.info(m)
  const outcomes = await log.group(
    `Submitting ${plural(plan.targets.length + plan.tags.length, 'object')} in ${plural(plan.batches.length, 'batch', 'batches')}`,
    () => submitBatches(plan.batches, { service, pacer, clock, force: settings.force, log: say })
  )
  const done: Submitted = { outcomes }
  try {
    if (settings.quotaCheck) {
      try {
        done.quotaAfter = await fetchQuota(
          service,
          quotaKinds(
            plan.batches.map((b) => b.type),
            settings.preload
          ),
          clock,
          say
        )
      } catch (error) {
        log.warning(`Could not read the quota after submitting: ${messageOf(error)}`)
      }
    }
    if (settings.wait)
      done.wait = await waitForOutcomes(outcomes, settings.waitTimeoutSeconds, connections)
    if (settings.preload) await prefetch(outcomes, settings, connections, done)
  } catch (error) {
    done.error = error
  }
  return done
}
