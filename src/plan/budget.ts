import { UserError } from '../errors.js'
import { ObjectType, RefreshTarget } from '../targets/target.js'

export type QuotaKind = ObjectType | 'Preload'

/** Today's quota and what remains, per kind, as the service reported it. NaN: unreadable. */
export interface Quota {
  requestId: string
  quota: Record<QuotaKind, number>
  remain: Record<QuotaKind, number>
}

export interface QuotaNeed {
  kind: QuotaKind
  need: number
  remain: number
}

export const TYPE_ORDER: readonly ObjectType[] = ['File', 'IgnoreParams', 'Directory', 'Regex']

export function countByType(targets: Iterable<{ type: ObjectType }>): Record<ObjectType, number> {
  const counts: Record<ObjectType, number> = { File: 0, IgnoreParams: 0, Directory: 0, Regex: 0 }
  for (const target of targets) counts[target.type]++
  return counts
}

/** What the plan needs of each kind against what remains today. */
export function quotaNeeds(
  targets: readonly RefreshTarget[],
  quota: Quota,
  preloadUrls = 0
): QuotaNeed[] {
  const counts = countByType(targets)
  const needs: QuotaNeed[] = TYPE_ORDER.filter((type) => counts[type] > 0).map((type) => ({
    kind: type,
    need: counts[type],
    remain: quota.remain[type]
  }))
  if (preloadUrls > 0)
    needs.push({ kind: 'Preload', need: preloadUrls, remain: quota.remain.Preload })
  return needs
}

const shown = (remain: number) =>
  Number.isNaN(remain) ? 'remaining quota unknown' : `${remain} remain`

/** Refuses the whole plan, before anything is sent, when any kind needs more than remains. */
export function checkQuota(needs: readonly QuotaNeed[], service = 'the'): void {
  const short = needs.filter((n) => Number.isNaN(n.remain) || n.need > n.remain)
  if (short.length === 0) return
  const lines = needs.map((n) => `- ${n.kind}: need ${n.need}, ${shown(n.remain)} today`)
  throw new UserError(
    [
      `Not enough ${service} refresh quota left today, so nothing was submitted:`,
      ...lines,
      "The quota resets at midnight (UTC+8). Refresh a directory instead of many URLs, or set 'quota-check: false' to submit what fits."
    ].join('\n')
  )
}

/** The `max-objects` guard: refuse the whole plan before anything is submitted. */
export function checkPlanSize(count: number, maxObjects: number): void {
  if (count > maxObjects) {
    throw new UserError(
      `The plan holds ${count} objects, more than max-objects (${maxObjects}). Nothing was submitted. ` +
        "Narrow the rules, refresh a directory instead, raise max-objects, or leave 'collapse' on auto."
    )
  }
}
