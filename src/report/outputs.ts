import { tagsByHost } from '../targets/tag.js'
import { RefreshTarget } from '../targets/target.js'
import { formatCount } from '../util/text.js'
import { countVerdicts } from '../verify/model.js'
import { RunRecord } from './model.js'
import { batchOutcomes, refreshTaskIds, statusOf } from './status.js'

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
  tags: string
  count: string
  verified: string
  'stale-urls': string
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

/** The objects that were submitted and accepted; in a dry run, the ones that would be. */
export function acceptedObjects(record: RunRecord): {
  targets: RefreshTarget[]
  tags: { host: string; tag: string }[]
} {
  const plan = record.planned?.plan
  if (statusOf(record) === 'dry-run' && plan) return { targets: plan.targets, tags: plan.tags }
  const targets: RefreshTarget[] = []
  const tags: { host: string; tag: string }[] = []
  for (const outcome of batchOutcomes(record)) {
    if (!outcome.ok) continue
    const { type, hosts } = outcome.batch
    if (type === 'Tag') {
      const host = [...hosts.keys()][0]
      for (const tag of outcome.objects) tags.push({ host, tag })
    } else for (const url of outcome.objects) targets.push({ type, url })
  }
  return { targets, tags }
}

/**
 * The step outputs (SPEC 4.4). The lists share what is left of GitHub's 1 MB per job; a list
 * that does not fit is cut, and `warnings` says so.
 */
export function buildOutputs(record: RunRecord): { outputs: Outputs; warnings: string[] } {
  const accepted = acceptedObjects(record)
  const urls = accepted.targets
    .filter((t) => t.type === 'File' || t.type === 'IgnoreParams')
    .map((t) => t.url)
  const directories = accepted.targets.filter((t) => t.type === 'Directory').map((t) => t.url)
  const site = record.settings?.site ?? ''
  const tags = JSON.stringify(
    Object.fromEntries([...tagsByHost(accepted.tags)].map(([host, list]) => [host || site, list]))
  )
  const taskIds = refreshTaskIds(record).join(',')
  const preloadTaskIds = (record.submitted?.preload ?? []).flatMap((p) => p.taskIds).join(',')
  const verification = record.verification
  const checked = verification && verification.final.length > 0
  const stale = (verification?.final ?? []).filter((c) => c.verdict === 'stale').map((c) => c.url)
  const fixed = [taskIds, preloadTaskIds, tags].reduce((n, s) => n + Buffer.byteLength(s), 0)
  const budget = GITHUB_LIMITS.outputBytes - 100_000 - fixed
  const staleList = jsonArrayWithin(stale, Math.floor(budget / 10))
  const dirs = jsonArrayWithin(directories, Math.floor(budget / 10))
  const files = jsonArrayWithin(
    urls,
    budget - Buffer.byteLength(dirs.json) - Buffer.byteLength(staleList.json)
  )
  const warnings: string[] = []
  const cut = files.cut + dirs.cut + staleList.cut
  if (cut > 0) {
    warnings.push(
      `The 'urls', 'directories' and 'stale-urls' outputs leave out ${formatCount(cut)} of ${formatCount(urls.length + directories.length + stale.length)} entries to stay under GitHub's 1 MB output limit; the step's log lists them all.`
    )
  }
  return {
    outputs: {
      'task-ids': taskIds,
      'preload-task-ids': preloadTaskIds,
      urls: files.json,
      directories: dirs.json,
      tags,
      count: String(accepted.targets.length + accepted.tags.length),
      verified: checked ? JSON.stringify(countVerdicts(verification.final)) : '',
      'stale-urls': checked ? staleList.json : '',
      status: statusOf(record)
    },
    warnings
  }
}
