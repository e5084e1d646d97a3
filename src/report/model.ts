import { ChangeListing } from '../changes/list.js'
import { RefreshQuota } from '../dcdn/operations.js'
import { Batch } from '../plan.js'
import { PreloadOutcome } from '../preload.js'
import { RuleHit } from '../rules/map.js'
import { BatchOutcome, QuotaNeed } from '../submit.js'
import { RefreshTarget } from '../targets.js'
import { WaitResult } from '../wait.js'

export type RunStatus =
  'submitted' | 'complete' | 'timeout' | 'failed' | 'dry-run' | 'nothing-to-do'

/** Everything a run found and did, gathered for the outputs and the job summary. */
export interface RunReport {
  status: RunStatus
  /** Sentences for the top of the summary: where changes came from, fallbacks, skips. */
  notes: string[]
  changes?: ChangeListing
  mapping?: { paths: number; hits: RuleHit[]; excluded: number; unmatched: number }
  targets: RefreshTarget[]
  batches: Batch[]
  /** When each batch may go, in ms from the start, for a dry run. */
  schedule?: number[]
  outcomes?: BatchOutcome[]
  quotaNeeds?: QuotaNeed[]
  quotaBefore?: RefreshQuota
  quotaAfter?: RefreshQuota
  wait?: WaitResult
  preload?: PreloadOutcome[]
}
