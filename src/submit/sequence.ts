import { Clock } from '../clock.js'
import { messageOf } from '../errors.js'
import { Log, plural } from '../log.js'
import { Quota } from '../plan/budget.js'
import { Plan } from '../plan/plan.js'
import { EdgeService } from '../services/service.js'
import { BatchOutcome, submitBatches } from './batches.js'
import { PreloadOutcome, preloadUrls } from './preload.js'
import { fetchQuota } from './quota.js'
import { WaitResult, waitForTasks } from './wait.js'

export interface SubmitSettings {
  urlRatePerDomain: number
  force: boolean
  quotaCheck: boolean
  wait: boolean
  waitTimeoutSeconds: number
  preload: boolean
  preloadArea: '' | 'domestic' | 'overseas'
}

/** Receives each result as it arrives, so that a later failure keeps what came before. */
export interface SubmitRecorder {
  outcomes(outcomes: BatchOutcome[]): void
  quotaAfter(quota: Quota): void
  wait(result: WaitResult): void
  preload(outcomes: PreloadOutcome[]): void
  preloadSkipped(reason: string): void
}

/** The submit stage (SPEC 4.3): the batches, the quota after, the wait and the prefetch. */
export async function submitPlan(
  plan: Plan,
  settings: SubmitSettings,
  edges: { service: EdgeService; clock: Clock; log: Log },
  record: SubmitRecorder
): Promise<void> {
  const { service, clock, log } = edges
  const say = (m: string) => log.info(m)
  const outcomes = await log.group(
    `Submitting ${plural(plan.targets.length, 'object')} in ${plural(plan.batches.length, 'batch', 'batches')}`,
    () =>
      submitBatches(plan.batches, {
        service,
        clock,
        urlRatePerDomain: settings.urlRatePerDomain,
        force: settings.force,
        log: say
      })
  )
  record.outcomes(outcomes)
  if (settings.quotaCheck) {
    try {
      record.quotaAfter(await fetchQuota(service, clock, say))
    } catch (error) {
      log.warning(`Could not read the quota after submitting: ${messageOf(error)}`)
    }
  }
  const taskIds = outcomes.flatMap((o) => o.taskIds)
  if (settings.wait && taskIds.length > 0) {
    const result = await log.group(
      `Waiting up to ${settings.waitTimeoutSeconds} s for ${plural(taskIds.length, 'task')}`,
      () =>
        waitForTasks(taskIds, {
          service,
          clock,
          timeoutMs: settings.waitTimeoutSeconds * 1000,
          log: say
        })
    )
    record.wait(result)
    if (result.status === 'timeout') {
      const done = new Set(['Complete', 'Failed'])
      const open = new Set(result.tasks.filter((t) => !done.has(t.status)).map((t) => t.taskId))
      log.warning(
        `${open.size} of ${plural(taskIds.length, 'refresh task')} had not finished after ${settings.waitTimeoutSeconds} s (wait-timeout); they go on in ${service.limits.name}.`
      )
    }
  }
  if (!settings.preload) return
  const urls: string[] = []
  for (const o of outcomes)
    if (o.ok && o.batch.type === 'File') for (const url of o.urls) urls.push(url)
  if (urls.length === 0) return
  // With quota-check the prefetch need was checked before the refresh; without it, check now.
  const remain = settings.quotaCheck
    ? Infinity
    : (await fetchQuota(service, clock, say)).remain.Preload
  if (urls.length > remain) {
    record.preloadSkipped(
      `Prefetch skipped: it needs ${urls.length} URLs but only ${remain} remain of today's prefetch quota. The refresh itself was submitted.`
    )
    return
  }
  record.preload(
    await log.group(`Prefetching ${plural(urls.length, 'URL')}`, () =>
      preloadUrls(urls, { service, clock, area: settings.preloadArea, log: say })
    )
  )
}
