import { UserError } from '../errors.js'
import { RefreshTarget } from '../targets/target.js'
import { Batch, PlanLimits, planBatches } from './batches.js'
import { Quota, QuotaNeed, checkPlanSize, checkQuota, countByType, quotaNeeds } from './budget.js'
import { CollapseBudgets, CollapsedDirectory, collapseFiles } from './collapse.js'

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

export interface Plan {
  targets: RefreshTarget[]
  batches: Batch[]
  /** The directories that now stand for File URLs, when the plan was collapsed. */
  collapsed?: CollapsedDirectory[]
  /** File URLs before collapsing. */
  fileUrlsBefore?: number
  /** Whether the URLs of the whole tree were known when collapsing (else collateral is unknown). */
  treeKnown?: boolean
  needs?: QuotaNeed[]
}

const remainOr = (quota: Quota | undefined, kind: 'File' | 'Directory') =>
  quota && !Number.isNaN(quota.remain[kind]) ? Math.max(0, quota.remain[kind]) : Infinity

/** The budgets of File URLs and directories (SPEC 4.2 item 5). */
export function collapseBudgets(
  targets: readonly RefreshTarget[],
  maxObjects: number,
  quota?: Quota
): CollapseBudgets {
  const counts = countByType(targets)
  const objects = maxObjects - counts.IgnoreParams - counts.Regex
  return {
    urls: Math.min(remainOr(quota, 'File'), objects),
    directories: Math.min(remainOr(quota, 'Directory'), objects),
    objects
  }
}

/**
 * Whether the File URLs do not fit their budget as they are. Only File URLs are collapsed: given
 * directories that exceed theirs are refused by the quota check, as any other kind.
 */
export function needsCollapse(
  targets: readonly RefreshTarget[],
  budgets: CollapseBudgets
): boolean {
  const counts = countByType(targets)
  return counts.File > budgets.urls || counts.File + counts.Directory > budgets.objects
}

function refuse(
  targets: readonly RefreshTarget[],
  budgets: CollapseBudgets,
  service: string
): never {
  const counts = countByType(targets)
  const show = (n: number) => (n === Infinity ? 'no limit' : String(Math.max(0, n)))
  throw new UserError(
    [
      `The plan cannot fit, even with directory refreshes in place of URLs, so nothing was submitted:`,
      `- File URLs: ${counts.File} needed, ${show(budgets.urls)} remain`,
      `- directories: ${counts.Directory} given, ${show(budgets.directories)} remain`,
      `- objects in all: ${show(budgets.objects)} allowed after the other objects (max-objects)`,
      `Wait for the ${service} quota to reset at midnight (UTC+8), raise max-objects, or narrow the rules.`
    ].join('\n')
  )
}

/**
 * Plans a run (SPEC 4.2): collapses File URLs into directories when they do not fit (and
 * `collapse` allows it), checks max-objects and the quota, and splits the rest into batches.
 * `known` gives the File URLs of the whole tree, asked for only when collapsing is needed.
 */
export function planRefresh(
  targets: readonly RefreshTarget[],
  options: PlanOptions,
  known?: Iterable<string>
): Plan {
  let final: RefreshTarget[] = [...targets]
  let collapsed: CollapsedDirectory[] | undefined
  let fileUrlsBefore: number | undefined
  const budgets = collapseBudgets(targets, options.maxObjects, options.quota)
  if (options.collapse === 'auto' && needsCollapse(targets, budgets)) {
    const files = targets.filter((t) => t.type === 'File').map((t) => t.url)
    const given = targets.filter((t) => t.type === 'Directory').map((t) => t.url)
    const result = collapseFiles({ files, givenDirectories: given, known, budgets })
    if (!result) refuse(targets, budgets, options.service)
    fileUrlsBefore = files.length
    collapsed = result.directories.filter((d) => !d.given || d.replaced > 0)
    final = [
      ...result.files.map((url) => ({ type: 'File' as const, url })),
      ...targets.filter((t) => t.type === 'IgnoreParams'),
      ...result.directories.map((d) => ({ type: 'Directory' as const, url: d.url })),
      ...targets.filter((t) => t.type === 'Regex')
    ]
  }
  checkPlanSize(final.length, options.maxObjects)
  let needs: QuotaNeed[] | undefined
  if (options.quota) {
    const preloadUrls = options.preload ? countByType(final).File : 0
    needs = quotaNeeds(final, options.quota, preloadUrls)
    checkQuota(needs, options.service)
  }
  return {
    targets: final,
    batches: planBatches(final, options.limits),
    collapsed,
    fileUrlsBefore,
    treeKnown: collapsed ? known !== undefined : undefined,
    needs
  }
}
