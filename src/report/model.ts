import { ChangeSource } from '../changes/collect.js'
import { Quota } from '../plan/budget.js'
import { Plan } from '../plan/plan.js'
import { BatchOutcome } from '../submit/batches.js'
import { PreloadOutcome } from '../submit/preload.js'
import { WaitResult } from '../submit/wait.js'
import { MappingSummary } from '../targets/build.js'
import { RefreshTarget } from '../targets/target.js'

export type RunStatus =
  'submitted' | 'complete' | 'timeout' | 'failed' | 'dry-run' | 'nothing-to-do'

/**
 * Everything a run found and did, recorded by main.ts as each stage returns, so that a later
 * failure keeps what came before. The status and the failures are derived from it (status.ts).
 */
export interface RunReport {
  /** DCDN, CDN or ESA. */
  service: string
  dryRun: boolean
  /** Sentences for the top of the summary: where changes came from, fallbacks, skips. */
  notes: string[]
  /** Why there is nothing to do at all, when that is so. */
  nothingToDo?: string
  changes?: ChangeSource
  mapping?: MappingSummary
  /** The targets as planned: after collapsing, before batching. */
  targets: RefreshTarget[]
  plan?: Plan
  /** When each batch may go, in ms from the start, for a dry run. */
  schedule?: number[]
  quotaBefore?: Quota
  quotaAfter?: Quota
  outcomes?: BatchOutcome[]
  wait?: WaitResult
  waitTimeoutSeconds?: number
  preload?: PreloadOutcome[]
  /** Why the prefetch was not sent. */
  preloadSkipped?: string
  /** Whether this run's manifest became the next baseline. */
  manifestSaved?: boolean
  /** The error that ended the run early. */
  fatal?: string
}

export function newReport(service: string, dryRun: boolean): RunReport {
  return { service, dryRun, notes: [], targets: [] }
}
