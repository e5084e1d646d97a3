import { UserError } from '../util/errors.js'
import { formatCount } from '../util/text.js'
import { ObjectType, RefreshTarget } from '../targets/target.js'
import { BATCH_ORDER, BatchType } from './batches.js'

export type QuotaKind = BatchType | 'Preload'

/**
 * Today's quota and what remains, per kind, as the service reported it. NaN: unreadable.
 * Infinity: the service publishes no such quota (tags on DCDN and CDN, prefetches on ESA).
 */
export interface Quota {
  quota: Record<QuotaKind, number>
  remain: Record<QuotaKind, number>
}

export interface QuotaNeed {
  kind: QuotaKind
  need: number
  remain: number
}

/** The objects of each kind in a plan: URL targets by type, and the cache tags. */
export type Counts = Record<BatchType, number>

export function countByType(targets: Iterable<{ type: ObjectType }>, tags = 0): Counts {
  const counts: Counts = { File: 0, IgnoreParams: 0, Directory: 0, Regex: 0, Tag: tags }
  for (const target of targets) counts[target.type]++
  return counts
}

/** The kinds of quota a run draws on, for the quota reads before and after: URLs and directories always. */
export function quotaKinds(types: Iterable<QuotaKind>, preload: boolean): QuotaKind[] {
  const kinds = new Set<QuotaKind>(['File', 'Directory', ...types])
  if (preload) kinds.add('Preload')
  return [...kinds]
}

/** What the plan needs of each kind against what remains today. */
export function quotaNeeds(
  targets: readonly RefreshTarget[],
  tags: number,
  quota: Quota,
  preloadUrls = 0
): QuotaNeed[] {
  const counts = countByType(targets, tags)
  const needs: QuotaNeed[] = BATCH_ORDER.filter((type) => counts[type] > 0).map((type) => ({
    kind: type,
    need: counts[type],
    remain: quota.remain[type]
  }))
  if (preloadUrls > 0)
    needs.push({ kind: 'Preload', need: preloadUrls, remain: quota.remain.Preload })
  return needs
}

const KIND_NAMES: Record<QuotaKind, [string, string]> = {
  File: ['URL', 'URLs'],
  IgnoreParams: ['ignore-params URL', 'ignore-params URLs'],
  Directory: ['directory', 'directories'],
  Regex: ['regex', 'regexes'],
  Tag: ['cache tag', 'cache tags'],
  Preload: ['prefetch', 'prefetches']
}

/** "2,500 URLs", "1 directory": a count of one kind as a person says it. */
export function countOf(kind: QuotaKind, n: number): string {
  return `${formatCount(n)} ${KIND_NAMES[kind][n === 1 ? 0 : 1]}`
}

/** A plan refused whole, before anything is sent; `needs` says what it needed of what remained. */
export class PlanRefused extends UserError {
  constructor(
    message: string,
    readonly needs: QuotaNeed[]
  ) {
    super(message)
  }
}

const shown = (remain: number) =>
  Number.isNaN(remain) ? 'what remains is unknown' : `${formatCount(remain)} remain`

/**
 * Refuses the whole plan, before anything is sent, when any kind needs more than remains. A kind
 * whose quota the service does not publish (Infinity) is not checked.
 */
export function checkQuota(needs: readonly QuotaNeed[], service: string): void {
  const short = needs.filter((n) => Number.isNaN(n.remain) || n.need > n.remain)
  if (short.length === 0) return
  // A kind the service publishes no quota for cannot be short: it says nothing a user can act on.
  const lines = needs
    .filter((n) => n.remain !== Infinity)
    .map(
      (n) =>
        `- ${countOf(n.kind, n.need)} needed, ${shown(n.remain)} today${short.includes(n) && !Number.isNaN(n.remain) ? ` (${formatCount(n.need - n.remain)} short)` : ''}`
    )
  throw new PlanRefused(
    [
      `Not enough ${service} refresh quota left today, so nothing was submitted:`,
      ...lines,
      "The quota resets at midnight (UTC+8). Refresh a directory instead of many URLs, or set 'quota-check: false' to submit what fits."
    ].join('\n'),
    [...needs]
  )
}

/** The `max-objects` guard: refuse the whole plan before anything is submitted. */
export function checkPlanSize(count: number, maxObjects: number): void {
  if (count > maxObjects) {
    throw new PlanRefused(
      `The plan holds ${formatCount(count)} objects, more than max-objects (${formatCount(maxObjects)}), so nothing was submitted. ` +
        "Narrow the rules, refresh a directory instead, raise max-objects, or leave 'collapse' on auto.",
      []
    )
  }
}
