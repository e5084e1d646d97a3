// Shared test data: the planner with DCDN's per-request limits and the two limits tests vary.
import { Batch, PlanLimits, planBatches } from '../src/plan/batches.js'
import { RefreshTarget } from '../src/targets/target.js'

export const DCDN_REQUEST_LIMITS = {
  directoriesPerRequest: 100,
  regexesPerRequest: 1,
  hostsPerRequest: 10
} as const

export function planWith(
  targets: readonly RefreshTarget[],
  limits: Omit<PlanLimits, keyof typeof DCDN_REQUEST_LIMITS>
): Batch[] {
  return planBatches(targets, { ...DCDN_REQUEST_LIMITS, ...limits })
}
