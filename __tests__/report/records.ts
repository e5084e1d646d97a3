// Run records as the stages leave them, for the report's tests: a plan made by the real planner,
// and outcomes, waits and checks as the services and the edge would answer.
import { ApiError } from '../../src/api/errors.js'
import { Plan } from '../../src/plan/plan.js'
import { RunRecord } from '../../src/report/model.js'
import { readSettings } from '../../src/runner/inputs.js'
import { RefreshTask } from '../../src/services/service.js'
import { BatchOutcome } from '../../src/submit/batches.js'
import { TagTarget } from '../../src/targets/tag.js'
import { RefreshTarget } from '../../src/targets/target.js'
import { Check, Verdict } from '../../src/verify/verdict.js'
import { planWith } from '../fixtures.js'

export const files = (n: number, host = 'www.example.com', prefix = 'page'): RefreshTarget[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'File' as const,
    url: `https://${host}/${prefix}-${i}.html`
  }))

export function planOf(
  targets: RefreshTarget[],
  tags: TagTarget[] = [],
  maxUrlsPerRequest = 1000
): Plan {
  return {
    targets,
    tags,
    batches: planWith(targets, { maxUrlsPerRequest, urlRatePerDomain: 100_000 }, tags)
  }
}

/** The service's answer to each batch: accepted with task IDs, or refused with an API error. */
export function outcomesOf(plan: Plan, refused: number[] = [], at = 1_000_000): BatchOutcome[] {
  return plan.batches.map((batch, i) =>
    refused.includes(i)
      ? {
          batch,
          objects: batch.objects,
          ok: false,
          taskIds: [],
          requestId: `REQ-${i}`,
          attempts: 1,
          error: new ApiError({
            code: 'QuotaExceeded.Refresh',
            message: 'Your refresh quota for today is used up.',
            requestId: `REQ-${i}`,
            httpStatus: 400
          })
        }
      : {
          batch,
          objects: batch.objects,
          ok: true,
          taskIds: [`${700000 + i}`],
          requestId: `REQ-${i}`,
          attempts: 1,
          acceptedAt: at
        }
  )
}

/** Every object of every accepted batch as the task look-up lists it, in one status. */
export function tasksOf(
  outcomes: BatchOutcome[],
  status = 'Complete',
  failed: string[] = []
): RefreshTask[] {
  return outcomes.flatMap((o) =>
    o.taskIds.flatMap((taskId) =>
      o.objects.map((objectPath) => ({
        taskId,
        objectPath,
        objectType: 'file',
        status: failed.includes(objectPath) ? 'Failed' : status,
        process: status === 'Complete' ? '100%' : '50%',
        creationTime: '2026-12-03T09:00:00Z',
        description: failed.includes(objectPath) ? 'Origin Timeout' : ''
      }))
    )
  )
}

export function check(url: string, verdict: Verdict, reason: string = verdict): Check {
  return {
    url,
    verdict,
    reason,
    status: 200,
    headers: {
      age: '12',
      xCache: 'HIT TCP_MEM_HIT dirn:-2:-2',
      via: 'cache1.cn[0,200-0,H]',
      eagleId: 'ab12cd34'
    }
  }
}

/** The settings of a step with these inputs (the action's defaults otherwise). */
export async function settingsOf(inputs: Record<string, string> = {}) {
  return readSettings((name) => ({ urls: 'https://a.example/', ...inputs })[name] ?? '')
}

export async function recordOf(
  parts: Partial<RunRecord> & { inputs?: Record<string, string> } = {}
): Promise<RunRecord> {
  const { inputs, ...rest } = parts
  return {
    startedAt: 1_000_000,
    finishedAt: 1_000_000 + 372_000,
    service: 'DCDN',
    settings: await settingsOf(inputs),
    ...rest
  }
}
