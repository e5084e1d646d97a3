import { plural } from '../log.js'
import { RunReport, RunStatus } from './model.js'

const failedTasks = (report: RunReport) =>
  (report.wait?.tasks ?? []).filter((t) => t.status === 'Failed')

/** The `status` output (SPEC 4.4), from what the run recorded. */
export function statusOf(report: RunReport): RunStatus {
  if (report.fatal !== undefined) return 'failed'
  if (report.nothingToDo !== undefined || report.targets.length === 0) return 'nothing-to-do'
  if (report.dryRun) return 'dry-run'
  if (!report.outcomes) return 'failed'
  if (report.outcomes.some((o) => !o.ok)) return 'failed'
  if (failedTasks(report).length > 0) return 'failed'
  if (report.preloadSkipped !== undefined || (report.preload ?? []).some((p) => !p.ok))
    return 'failed'
  if (report.wait) return report.wait.status === 'failed' ? 'failed' : report.wait.status
  return 'submitted'
}

/** The messages that fail the step, besides a fatal error: each says what failed and why. */
export function failuresOf(report: RunReport): string[] {
  const failures: string[] = []
  const outcomes = report.outcomes ?? []
  const failed = outcomes.filter((o) => !o.ok)
  if (failed.length > 0) {
    failures.push(
      `${failed.length} of ${plural(outcomes.length, 'batch', 'batches')} failed; the others were submitted:\n` +
        failed
          .map(
            (o) =>
              `- batch ${outcomes.indexOf(o) + 1} (${o.batch.urls.length} ${o.batch.type}): ${o.error?.message}`
          )
          .join('\n')
    )
  }
  const tasks = failedTasks(report)
  if (tasks.length > 0) {
    failures.push(
      `${plural(tasks.length, 'object')} failed to refresh:\n` +
        tasks
          .map((t) => `- task ${t.taskId} ${t.objectPath}: ${t.description || 'no reason given'}`)
          .join('\n')
    )
  }
  if (report.preloadSkipped !== undefined) failures.push(report.preloadSkipped)
  const preloads = (report.preload ?? []).filter((p) => !p.ok)
  if (preloads.length > 0) {
    failures.push(
      `${plural(preloads.length, 'prefetch request')} failed:\n` +
        preloads.map((p) => `- ${p.urls.length} URLs: ${p.error?.message}`).join('\n')
    )
  }
  return failures
}

/**
 * Whether the refresh fully succeeded, so that this run's manifest may become the baseline:
 * every batch accepted and, with `wait`, no task Failed (SPEC 4.1.3). A dry run never qualifies.
 */
export function fullySucceeded(report: RunReport): boolean {
  return (
    !report.dryRun &&
    report.fatal === undefined &&
    (report.outcomes ?? []).every((o) => o.ok) &&
    failedTasks(report).length === 0
  )
}
