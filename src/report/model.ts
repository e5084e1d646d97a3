import type { Changes } from '../changes/collect.js'
import type { Quota, QuotaNeed } from '../plan/budget.js'
import type { Plan } from '../plan/plan.js'
import type { Settings } from '../runner/inputs.js'
import type { Submitted } from '../submit/stage.js'
import type { BuiltTargets } from '../targets/build.js'
import type { Verification } from '../verify/model.js'

export type RunStatus =
  'submitted' | 'complete' | 'timeout' | 'failed' | 'stale' | 'dry-run' | 'nothing-to-do'

/**
 * The plan stage's result: the plan (none when it was refused), the quota it was made within,
 * what it needed of each kind, and a dry run's schedule.
 */
export interface Planned {
  plan?: Plan
  quotaBefore?: Quota
  needs?: QuotaNeed[]
  /** Why the plan was refused whole, before anything was sent. */
  refused?: Error
  /** When each batch would go, in ms from the start, for a dry run. */
  schedule?: number[]
}

/**
 * What each stage of a run returned, kept by main.ts as it comes, so that a later failure keeps
 * what came before. The status, the failures, the outputs and the summary are derived from it.
 */
export interface RunRecord {
  startedAt: number
  finishedAt?: number
  /** DCDN, CDN or ESA, as early as the inputs tell it. */
  service: string
  settings?: Settings
  changes?: Changes
  targets?: BuiltTargets
  planned?: Planned
  submitted?: Submitted
  verification?: Verification
  /** Whether this run's manifest became the next baseline. */
  manifestSaved?: boolean
  /** The error that ended the run early, as the user reads it. */
  fatal?: string
}
