import { describe, expect, it } from '@jest/globals'
import { RunRecord } from '../../src/report/model.js'
import { failuresOf, fullySucceeded, statusOf } from '../../src/report/status.js'
import { RefreshTask } from '../../src/services/service.js'
import { WaitResult } from '../../src/submit/wait.js'
import { Verification } from '../../src/verify/model.js'
import { check, files, outcomesOf, planOf, recordOf, tasksOf } from './records.js'

const plan = planOf(files(2))
const targets = { targets: plan.targets, tags: [], sources: new Map() }
const ok = outcomesOf(plan)
const bad = outcomesOf(planOf(files(2), [], 1), [1])
const badPlan = planOf(files(2), [], 1)
const waited = (status: WaitResult['status'], tasks: RefreshTask[]): WaitResult => ({
  status,
  tasks
})
const verified = (
  mode: 'warn' | 'fail',
  ...verdicts: ('fresh' | 'stale' | 'unknown')[]
): Verification => ({
  mode,
  rounds: [],
  final: verdicts.map((v, i) => check(`https://www.example.com/page-${i}.html`, v))
})

/** A record of a run that got this far; the fields given replace the stages' results. */
const after = (fields: Partial<RunRecord>, inputs: Record<string, string> = {}) =>
  recordOf({ targets, planned: { plan }, submitted: { outcomes: ok }, ...fields, inputs })

describe('statusOf (SPEC 4.4)', () => {
  it.each<[string, () => Promise<RunRecord>, string]>([
    [
      'an input error',
      () => recordOf({ fatal: "Input 'dry-run' must be true or false" }),
      'failed'
    ],
    ['a fatal error after submitting', () => after({ fatal: 'boom' }), 'failed'],
    [
      'a deleted branch',
      () =>
        after({
          changes: { paths: [], removed: [], useFallback: false, notes: [], nothingToDo: 'deleted' }
        }),
      'nothing-to-do'
    ],
    [
      'no targets',
      () =>
        after({
          targets: { targets: [], tags: [], sources: new Map() },
          planned: undefined,
          submitted: undefined
        }),
      'nothing-to-do'
    ],
    [
      'only tags',
      () =>
        after(
          {
            targets: { targets: [], tags: [{ host: 'a', tag: 'x' }], sources: new Map() },
            planned: undefined,
            submitted: undefined
          },
          { 'dry-run': 'true' }
        ),
      'dry-run'
    ],
    ['a dry run', () => after({ submitted: undefined }, { 'dry-run': 'true' }), 'dry-run'],
    ['every batch accepted', () => after({}), 'submitted'],
    [
      'a batch failed',
      () => after({ planned: { plan: badPlan }, submitted: { outcomes: bad } }),
      'failed'
    ],
    [
      'waited to the end',
      () => after({ submitted: { outcomes: ok, wait: waited('complete', tasksOf(ok)) } }),
      'complete'
    ],
    [
      'a task failed',
      () =>
        after({
          submitted: {
            outcomes: ok,
            wait: waited('failed', tasksOf(ok, 'Complete', [plan.targets[0].url]))
          }
        }),
      'failed'
    ],
    [
      'the wait timed out',
      () =>
        after({ submitted: { outcomes: ok, wait: waited('timeout', tasksOf(ok, 'Refreshing')) } }),
      'timeout'
    ],
    [
      'a batch failed and the wait timed out',
      () =>
        after({
          planned: { plan: badPlan },
          submitted: { outcomes: bad, wait: waited('timeout', tasksOf(bad, 'Refreshing')) }
        }),
      'failed'
    ],
    [
      'a prefetch failed after a complete wait',
      () =>
        after({
          submitted: {
            outcomes: ok,
            wait: waited('complete', tasksOf(ok)),
            preload: [{ ...ok[0], ok: false, error: new Error('x') }]
          }
        }),
      'failed'
    ],
    [
      'the prefetch was skipped',
      () => after({ submitted: { outcomes: ok, preloadSkipped: 'no quota' } }),
      'failed'
    ],
    ['nothing recorded after the plan', () => after({ submitted: undefined }), 'failed'],
    [
      'a URL still stale with verify: fail',
      () =>
        after({
          submitted: { outcomes: ok, wait: waited('complete', tasksOf(ok)) },
          verification: verified('fail', 'fresh', 'stale')
        }),
      'stale'
    ],
    [
      'a URL still stale with verify: warn',
      () =>
        after({
          submitted: { outcomes: ok, wait: waited('complete', tasksOf(ok)) },
          verification: verified('warn', 'fresh', 'stale')
        }),
      'complete'
    ],
    [
      'unknown verdicts with verify: fail',
      () =>
        after({
          submitted: { outcomes: ok, wait: waited('complete', tasksOf(ok)) },
          verification: verified('fail', 'unknown', 'fresh')
        }),
      'complete'
    ]
  ])('%s', async (_, record, status) => {
    expect(statusOf(await record())).toBe(status)
  })
})

describe('failuresOf', () => {
  it('names each failed batch, task, prefetch and stale URL', async () => {
    const record = await after({
      planned: { plan: badPlan },
      submitted: {
        outcomes: bad,
        wait: waited('failed', tasksOf(bad, 'Complete', [badPlan.targets[0].url])),
        preloadSkipped: 'Prefetch skipped: no quota.'
      },
      verification: verified('fail', 'stale')
    })
    expect(failuresOf(record)).toEqual([
      '1 of 2 batches failed; the others were submitted:\n- batch 2 (1 object): QuotaExceeded.Refresh: Your refresh quota for today is used up. (RequestId REQ-1) ' +
        "Today's quota is used up; it resets at midnight (UTC+8). Refresh a directory instead, or ask for a larger quota.",
      '1 object failed to refresh:\n- task 700000 https://www.example.com/page-0.html: Origin Timeout',
      'Prefetch skipped: no quota.',
      '1 URL still serves stale content at the edge (verify: fail):\n- https://www.example.com/page-0.html: stale'
    ])
    expect(failuresOf(await after({}))).toEqual([])
  })

  it('says the stale URLs were refreshed twice only when a second refresh was sent', async () => {
    const twice = (refresh: NonNullable<Verification['rounds'][number]['refresh']>) =>
      after({
        verification: {
          ...verified('fail', 'stale', 'stale'),
          rounds: [{ checks: [] }, { checks: [], refresh }]
        }
      })
    expect(failuresOf(await twice({ outcomes: ok }))).toEqual([
      '2 URLs still serve stale content at the edge after a second refresh (verify: fail):\n' +
        '- https://www.example.com/page-0.html: stale\n- https://www.example.com/page-1.html: stale'
    ])
    expect(failuresOf(await twice({ outcomes: [], skipped: 'No quota left.' }))[0]).toMatch(
      /^2 URLs still serve stale content at the edge \(verify: fail\):/
    )
  })

  it('counts a failed tag batch in tags, and each failed prefetch in URLs', async () => {
    const tagPlan = planOf(files(1), [
      { host: 'www.example.com', tag: 'menu' },
      { host: 'www.example.com', tag: 'nav' }
    ])
    const outcomes = outcomesOf(tagPlan, [1])
    const error = (message: string) => new Error(message)
    const record = await after({
      planned: { plan: tagPlan },
      submitted: {
        outcomes,
        preload: [
          {
            objects: ['u1', 'u2', 'u3'],
            ok: false,
            taskIds: [],
            requestId: 'P1',
            attempts: 1,
            error: error('first')
          },
          { objects: ['u4'], ok: true, taskIds: ['9'], requestId: 'P2', attempts: 1 },
          {
            objects: ['u5'],
            ok: false,
            taskIds: [],
            requestId: 'P3',
            attempts: 1,
            error: error('second')
          }
        ]
      }
    })
    const failures = failuresOf(record)
    expect(failures[0]).toMatch(
      /^1 of 2 batches failed; the others were submitted:\n- batch 2 \(2 tags\): QuotaExceeded/
    )
    expect(failures[1]).toBe('2 prefetch requests failed:\n- 3 URLs: first\n- 1 URL: second')
    expect(failures).toHaveLength(2)
  })

  it('lists each failed task object once, with its reason or the lack of one', async () => {
    const [a, b] = plan.targets.map((t) => t.url)
    const task = (objectPath: string, description: string): RefreshTask => ({
      taskId: '700000',
      objectPath,
      objectType: 'file',
      status: 'Failed',
      process: '0%',
      creationTime: '2026-12-03T09:00:00Z',
      description
    })
    const record = await after({
      submitted: {
        outcomes: ok,
        wait: waited('failed', [task(a, 'Origin Timeout'), task(a, 'Origin Timeout'), task(b, '')])
      }
    })
    expect(failuresOf(record)).toEqual([
      `2 objects failed to refresh:\n- task 700000 ${a}: Origin Timeout\n- task 700000 ${b}: no reason given`
    ])
  })

  it('does not fail the step for stale URLs with verify: warn', async () => {
    expect(failuresOf(await after({ verification: verified('warn', 'stale') }))).toEqual([])
  })

  it('fails nothing with verify: fail when every checked URL is fresh or undecided', async () => {
    expect(failuresOf(await after({ verification: verified('fail', 'fresh', 'unknown') }))).toEqual(
      []
    )
  })

  it('lists every failed batch, a line each', async () => {
    const three = planOf(files(3), [], 1)
    const failures = failuresOf(
      await after({ planned: { plan: three }, submitted: { outcomes: outcomesOf(three, [0, 2]) } })
    )
    expect(failures).toHaveLength(1)
    expect(failures[0].split('\n').map((l) => l.slice(0, 28))).toEqual([
      '2 of 3 batches failed; the o',
      '- batch 1 (1 object): QuotaE',
      '- batch 3 (1 object): QuotaE'
    ])
  })
})

describe('fullySucceeded: when the manifest may become the baseline', () => {
  it.each<[string, () => Promise<RunRecord>, boolean]>([
    ['every batch accepted', () => after({}), true],
    [
      'a batch failed',
      () => after({ planned: { plan: badPlan }, submitted: { outcomes: bad } }),
      false
    ],
    [
      'a task failed',
      () =>
        after({
          submitted: {
            outcomes: ok,
            wait: waited('failed', tasksOf(ok, 'Complete', [plan.targets[0].url]))
          }
        }),
      false
    ],
    [
      'the wait timed out with no failure',
      () => after({ submitted: { outcomes: ok, wait: waited('timeout', tasksOf(ok, 'Pending')) } }),
      true
    ],
    [
      'a URL still stale at the edge',
      () => after({ verification: verified('warn', 'stale') }),
      false
    ],
    ['a dry run', () => after({ submitted: undefined }, { 'dry-run': 'true' }), false],
    ['a fatal error', () => after({ fatal: 'x' }), false]
  ])('%s', async (_, record, expected) => {
    expect(fullySucceeded(await record())).toBe(expected)
  })
})
