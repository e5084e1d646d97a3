import { BatchOutcome } from '../submit/batches.js'
import { RefreshTask } from '../services/service.js'
import { formatCount, plural } from '../util/text.js'
import { Check } from '../verify/verdict.js'
import { RunRecord, RunStatus } from './model.js'

// What a run's record means: its status (SPEC 4.4), what failed, and whether it fully succeeded.

export const batchOutcomes = (record: RunRecord): BatchOutcome[] => record.submitted?.outcomes ?? []

/** The URLs verification refreshed once more (SPEC 4.6), after the quota was read. */
export const refreshedAgain = (record: RunRecord): number =>
  (record.verification?.rounds ?? [])
    .flatMap((r) => r.refresh?.outcomes ?? [])
    .filter((o) => o.ok)
    .reduce((n, o) => n + o.objects.length, 0)

/** Whether the stale URLs were refreshed a second time and then checked again (SPEC 4.6). */
export const refreshedTwice = (record: RunRecord): boolean =>
  (record.verification?.rounds ?? []).some((r) => r.refresh !== undefined && !r.refresh.skipped)

/** Every refresh task ID in submission order: the batches', then any verification round's. */
export const refreshTaskIds = (record: RunRecord): string[] =>
  [
    ...batchOutcomes(record),
    ...(record.verification?.rounds ?? []).flatMap((r) => r.refresh?.outcomes ?? [])
  ].flatMap((o) => o.taskIds)

export const failedBatches = (record: RunRecord): BatchOutcome[] =>
  batchOutcomes(record).filter((o) => !o.ok)

/** Every task object that ended Failed, each once, in task order. */
export function failedTasks(record: RunRecord): RefreshTask[] {
  const failed = (record.submitted?.wait?.tasks ?? []).filter((t) => t.status === 'Failed')
  const seen = new Set<string>()
  return failed.filter((t) => {
    const key = `${t.taskId} ${t.objectPath}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The URLs still stale after the last round of checks. */
export const staleChecks = (record: RunRecord): Check[] =>
  (record.verification?.final ?? []).filter((c) => c.verdict === 'stale')

const hasTargets = (record: RunRecord) =>
  (record.planned?.plan?.targets.length ?? record.targets?.targets.length ?? 0) +
    (record.planned?.plan?.tags.length ?? record.targets?.tags.length ?? 0) >
  0

const prefetchFailed = (record: RunRecord) =>
  record.submitted?.preloadSkipped !== undefined ||
  (record.submitted?.preload ?? []).some((p) => !p.ok)

/** The `status` output (SPEC 4.4), from what the run recorded. */
export function statusOf(record: RunRecord): RunStatus {
  if (record.fatal !== undefined) return 'failed'
  if (record.changes?.nothingToDo !== undefined || !hasTargets(record)) return 'nothing-to-do'
  if (record.settings?.dryRun) return 'dry-run'
  if (!record.submitted) return 'failed'
  if (failedBatches(record).length > 0 || failedTasks(record).length > 0 || prefetchFailed(record))
    return 'failed'
  if (record.verification?.mode === 'fail' && staleChecks(record).length > 0) return 'stale'
  const wait = record.submitted.wait
  if (wait) return wait.status
  return 'submitted'
}

/** The messages that fail the step, besides a fatal error: each says what failed and why. */
export function failuresOf(record: RunRecord): string[] {
  const failures: string[] = []
  const outcomes = batchOutcomes(record)
  const failed = failedBatches(record)
  if (failed.length > 0) {
    failures.push(
      `${formatCount(failed.length)} of ${plural(outcomes.length, 'batch', 'batches')} failed; the others were submitted:\n` +
        failed
          .map(
            (o) =>
              `- batch ${outcomes.indexOf(o) + 1} (${plural(o.objects.length, o.batch.type === 'Tag' ? 'tag' : 'object')}): ${o.error?.message}`
          )
          .join('\n')
    )
  }
  const tasks = failedTasks(record)
  if (tasks.length > 0) {
    failures.push(
      `${plural(tasks.length, 'object')} failed to refresh:\n` +
        tasks
          .map((t) => `- task ${t.taskId} ${t.objectPath}: ${t.description || 'no reason given'}`)
          .join('\n')
    )
  }
  const submitted = record.submitted
  if (submitted?.preloadSkipped !== undefined) failures.push(submitted.preloadSkipped)
  const preloads = (submitted?.preload ?? []).filter((p) => !p.ok)
  if (preloads.length > 0) {
    failures.push(
      `${plural(preloads.length, 'prefetch request')} failed:\n` +
        preloads.map((p) => `- ${plural(p.objects.length, 'URL')}: ${p.error?.message}`).join('\n')
    )
  }
  const stale = staleChecks(record)
  if (record.verification?.mode === 'fail' && stale.length > 0) {
    failures.push(
      `${plural(stale.length, 'URL')} still ${stale.length === 1 ? 'serves' : 'serve'} stale content at the edge${refreshedTwice(record) ? ' after a second refresh' : ''} (verify: fail):\n` +
        stale.map((c) => `- ${c.url}: ${c.reason}`).join('\n')
    )
  }
  return failures
}

/**
 * Whether the refresh fully succeeded, so that this run's manifest may become the baseline:
 * every batch accepted, with `wait` no task Failed (SPEC 4.1.3), and with `verify` no URL still
 * stale, so that the next run refreshes those files again. A dry run never qualifies.
 */
export function fullySucceeded(record: RunRecord): boolean {
  return (
    record.submitted !== undefined &&
    record.fatal === undefined &&
    failedBatches(record).length === 0 &&
    failedTasks(record).length === 0 &&
    staleChecks(record).length === 0
  )
}
