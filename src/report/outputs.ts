import { RefreshTarget } from '../targets/target.js'
import { RunReport } from './model.js'
import { statusOf } from './status.js'

export const GITHUB_LIMITS = {
  /** A job summary may be at most 1 MiB per step. */
  summaryBytes: 1024 * 1024,
  /** Outputs may be at most 1 MB per job. */
  outputBytes: 1_000_000
} as const

export interface Outputs {
  'task-ids': string
  'preload-task-ids': string
  urls: string
  directories: string
  count: string
  status: string
}

/** A JSON array of as many of `items` as fit in `budget` bytes; `cut` says how many were left out. */
export function jsonArrayWithin(
  items: readonly string[],
  budget: number
): { json: string; cut: number } {
  let size = 2
  let kept = 0
  for (const item of items) {
    const add = Buffer.byteLength(JSON.stringify(item)) + (kept > 0 ? 1 : 0)
    if (size + add > budget) break
    size += add
    kept++
  }
  return { json: JSON.stringify(items.slice(0, kept)), cut: items.length - kept }
}

/** The objects that were submitted: in a dry run, the ones that would be. */
export function submittedTargets(report: RunReport): RefreshTarget[] {
  if (!report.outcomes) return statusOf(report) === 'dry-run' ? report.targets : []
  const submitted: RefreshTarget[] = []
  for (const outcome of report.outcomes)
    if (outcome.ok)
      for (const url of outcome.batch.urls) submitted.push({ type: outcome.batch.type, url })
  return submitted
}

/**
 * The step outputs (SPEC 4.4). The URL lists share what is left of GitHub's 1 MB per job; a list
 * that does not fit is cut, and `warnings` says so.
 */
export function buildOutputs(report: RunReport): { outputs: Outputs; warnings: string[] } {
  const submitted = submittedTargets(report)
  const urls = submitted
    .filter((t) => t.type === 'File' || t.type === 'IgnoreParams')
    .map((t) => t.url)
  const directories = submitted.filter((t) => t.type === 'Directory').map((t) => t.url)
  const taskIds = (report.outcomes ?? []).flatMap((o) => o.taskIds).join(',')
  const preloadTaskIds = (report.preload ?? []).flatMap((p) => p.taskIds).join(',')
  const budget =
    GITHUB_LIMITS.outputBytes -
    100_000 -
    Buffer.byteLength(taskIds) -
    Buffer.byteLength(preloadTaskIds)
  const dirs = jsonArrayWithin(directories, Math.floor(budget / 10))
  const files = jsonArrayWithin(urls, budget - Buffer.byteLength(dirs.json))
  const warnings: string[] = []
  if (files.cut > 0 || dirs.cut > 0) {
    warnings.push(
      `The 'urls' and 'directories' outputs leave out ${files.cut + dirs.cut} of ${urls.length + directories.length} entries to stay under GitHub's 1 MB output limit; the step's log lists them all.`
    )
  }
  return {
    outputs: {
      'task-ids': taskIds,
      'preload-task-ids': preloadTaskIds,
      urls: files.json,
      directories: dirs.json,
      count: String(submitted.length),
      status: statusOf(report)
    },
    warnings
  }
}
