import { formatCount } from '../util/text.js'
import { TagTarget } from '../targets/tag.js'
import { RefreshTarget, hostOf } from '../targets/target.js'
import { Batch, PlanLimits, planBatches } from './batches.js'
import {
  Counts,
  PlanRefused,
  Quota,
  QuotaNeed,
  checkPlanSize,
  checkQuota,
  countByType,
  quotaNeeds
} from './budget.js'
import type { CollapseBudgets, CollapsedDirectory } from './collapse.js'

export type CollapseMode = 'auto' | 'off'

export interface PlanOptions {
  limits: PlanLimits
  maxObjects: number
  collapse: CollapseMode
  /** What remains today, when the quota was read (never in a dry run). */
  quota?: Quota
  /** Whether the refreshed File URLs are prefetched afterwards, which needs prefetch quota. */
  preload: boolean
  /** The service's name for messages. */
  service: string
}

/** How File URLs were replaced by directories, when they did not fit. */
export interface Collapse {
  directories: CollapsedDirectory[]
  /** File URLs before collapsing. */
  fileUrlsBefore: number
  /** Whether the URLs of the whole tree were known (else the collateral is unknown). */
  treeKnown: boolean
}

export interface Plan {
  /** The URL targets to refresh: after collapsing, in plan order. */
  targets: RefreshTarget[]
  tags: TagTarget[]
  batches: Batch[]
  collapse?: Collapse
  /** What the plan needs of each kind against what remained, when the quota was read. */
  needs?: QuotaNeed[]
}

/** Every File URL of the deployed tree, when it can be known; asked only when collapsing. */
export type KnownUrls = () => Promise<Iterable<string> | undefined>

const remainOr = (quota: Quota | undefined, kind: 'File' | 'Directory') =>
  quota && !Number.isNaN(quota.remain[kind]) ? Math.max(0, quota.remain[kind]) : Infinity

/** The budgets of File URLs and directories (SPEC 4.2 item 5). */
function collapseBudgets(counts: Counts, maxObjects: number, quota?: Quota): CollapseBudgets {
  const objects = maxObjects - counts.IgnoreParams - counts.Regex - counts.Tag
  return {
    urls: Math.min(remainOr(quota, 'File'), objects),
    directories: Math.min(remainOr(quota, 'Directory'), objects),
    objects
  }
}

/**
 * The fewest directories that could leave at most `budget` of the File URLs: a directory covers
 * URLs of one host, all of them at most, so take the hosts with the most URLs first.
 */
function fewestDirectories(files: readonly RefreshTarget[], budget: number): number {
  const perHost = new Map<string, number>()
  for (const f of files) perHost.set(hostOf(f.url), (perHost.get(hostOf(f.url)) ?? 0) + 1)
  let left = files.length
  let directories = 0
  for (const n of [...perHost.values()].sort((a, b) => b - a)) {
    if (left <= budget) break
    left -= n
    directories++
  }
  return directories
}

function refuse(
  counts: Counts,
  files: readonly RefreshTarget[],
  budgets: CollapseBudgets,
  service: string
): never {
  // Every budget is finite here: max-objects bounds them all.
  const show = (n: number) => formatCount(Math.max(0, n))
  const urlBudget = Math.max(0, Math.min(budgets.urls, budgets.objects))
  const needed = fewestDirectories(files, urlBudget) + counts.Directory
  const remain = (n: number) => Math.max(0, n)
  throw new PlanRefused(
    [
      `The plan cannot fit, even with directory refreshes in place of URLs, so nothing was submitted:`,
      `- URLs: ${formatCount(counts.File)} changed, ${show(budgets.urls)} may be refreshed one by one`,
      `- directories: at least ${formatCount(needed)} needed (${formatCount(counts.Directory)} given), ${show(budgets.directories)} remain`,
      `- objects in all: ${show(budgets.objects)} allowed for URLs and directories (max-objects less the other objects)`,
      `Wait for the ${service} quota to reset at midnight (UTC+8), raise max-objects, or narrow the rules.`
    ].join('\n'),
    [
      { kind: 'File', need: counts.File, remain: remain(budgets.urls) },
      { kind: 'Directory', need: needed, remain: remain(budgets.directories) }
    ]
  )
}

/**
 * Plans a run (SPEC 4.2): collapses File URLs into directories when they do not fit (and
 * `collapse` allows it), checks max-objects and the quota, and splits the rest into batches.
 * `knownUrls` is asked for the whole tree only when collapsing is needed.
 */
export async function planRefresh(
  targets: readonly RefreshTarget[],
  tags: readonly TagTarget[],
  options: PlanOptions,
  knownUrls: KnownUrls = async () => undefined
): Promise<Plan> {
  let final: RefreshTarget[] = [...targets]
  let collapse: Collapse | undefined
  const counts = countByType(targets, tags.length)
  const budgets = collapseBudgets(counts, options.maxObjects, options.quota)
  const tooMany = counts.File > budgets.urls || counts.File + counts.Directory > budgets.objects
  if (options.collapse === 'auto' && tooMany) {
    const files = targets.filter((t) => t.type === 'File')
    const given = targets.filter((t) => t.type === 'Directory').map((t) => t.url)
    // Loaded only when a plan does not fit: most runs never collapse.
    const [{ collapseFiles }, known] = await Promise.all([import('./collapse.js'), knownUrls()])
    const result = collapseFiles({
      files: files.map((t) => t.url),
      givenDirectories: given,
      known,
      budgets
    })
    if (!result) refuse(counts, files, budgets, options.service)
    collapse = {
      directories: result.directories.filter((d) => !d.given || d.replaced > 0),
      fileUrlsBefore: files.length,
      treeKnown: known !== undefined
    }
    final = [
      ...result.files.map((url) => ({ type: 'File' as const, url })),
      ...targets.filter((t) => t.type === 'IgnoreParams'),
      ...result.directories.map((d) => ({ type: 'Directory' as const, url: d.url })),
      ...targets.filter((t) => t.type === 'Regex')
    ]
  }
  checkPlanSize(final.length + tags.length, options.maxObjects)
  let needs: QuotaNeed[] | undefined
  if (options.quota) {
    const preloadUrls = options.preload ? countByType(final).File : 0
    needs = quotaNeeds(final, tags.length, options.quota, preloadUrls)
    checkQuota(needs, options.service)
  }
  return {
    targets: final,
    tags: [...tags],
    batches: planBatches(final, tags, options.limits),
    collapse,
    needs
  }
}
