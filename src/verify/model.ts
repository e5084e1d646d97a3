import type { BatchOutcome } from '../submit/batches.js'
import type { WaitResult } from '../submit/wait.js'
import { formatCount, plural } from '../util/text.js'
import { Check, Verdict } from './verdict.js'

/** One round of checks; the second comes after the stale URLs were refreshed once more. */
export interface VerifyRound {
  checks: Check[]
  /** Before the second round: the stale URLs refreshed again, or why they were not. */
  refresh?: { outcomes: BatchOutcome[]; wait?: WaitResult; skipped?: string }
}

/** What verifying at the edge found (SPEC 4.6). */
export interface Verification {
  mode: 'warn' | 'fail'
  /** Why nothing was checked: a dry run, tasks that did not complete in time, nothing to check. */
  skipped?: string
  rounds: VerifyRound[]
  /** Each checked URL's last verdict, in the order checked. */
  final: Check[]
}

/** The verdicts by count, as the `verified` output gives them. */
export function countVerdicts(checks: readonly Check[]): Record<Verdict | 'checked', number> {
  const counts = { checked: checks.length, fresh: 0, stale: 0, unknown: 0, error: 0 }
  for (const check of checks) counts[check.verdict]++
  return counts
}

/** "8 URLs checked: 7 fresh, 1 stale, 0 unknown, 0 errors", for the log and the summary. */
export function describeVerdicts(counts: Record<Verdict | 'checked', number>): string {
  const { checked, fresh, stale, unknown, error } = counts
  return `${plural(checked, 'URL')} checked: ${formatCount(fresh)} fresh, ${formatCount(stale)} stale, ${formatCount(unknown)} unknown, ${plural(error, 'error')}`
}
