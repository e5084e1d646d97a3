// Whole summaries as a person reads them on GitHub (SPEC 4.5): the text of the rendered page,
// every fold open, for each outcome of one push. Each was read rendered before it was written
// down here; a change to any line of them is a change a user sees.
import { describe, expect, it } from '@jest/globals'
import { buildSummary } from '../../src/report/summary.js'
import {
  ApiError,
  check,
  completedPushRun,
  outcomesOf,
  pushRun,
  quotaOf,
  tasksOf
} from './pages.fixture.js'
import { recordOf } from './records.js'
import { render, textOf } from './render.js'

const page = (summary: string) => textOf(render(summary)).split('\n')

const CHANGES = 'Changes: 10 changed files from local git, 111111111111..abcdef012345.'
const COLLAPSE = [
  '2 directories in place of 4 URLs',
  "8 URLs did not fit today's quota or max-objects, so directory refreshes stand for 4 of them.",
  'Directory | URLs replaced | Unchanged known URLs below | ',
  'https://www.example.com/blog/s10/ | 3 | 1 | ',
  'https://www.example.com/css/ | 1 | 0 | '
]
const BATCHES = [
  'Batches: 4, all accepted',
  '# | Type | Objects | Hosts | Task IDs | Request ID | Status | ',
  '1 | File | 2 | www.example.com | 700000 | REQ-0 | accepted | ',
  '2 | File | 2 | www.example.com | 700001 | REQ-1 | accepted | ',
  '3 | Directory | 2 | www.example.com | 700002 | REQ-2 | accepted | ',
  '4 | Tag | 1 | www.example.com | 700003 | REQ-3 | accepted | '
]
const TASKS = ['Tasks: 4, all complete', 'Status | Tasks | Objects | ', 'Complete | 4 | 7 | ']
const RESETS =
  'The quota resets at midnight (UTC+8). Other refreshes of the account draw on it too.'
const RULES = [
  'Rules: 10 paths mapped',
  'Line | Rule | Paths matched | ',
  '1 | public/** => https://www.example.com/{path} | 7 | ',
  '2 | public/**/index.html => https://www.example.com/{dir} | 1 | ',
  '3 | data/menu.yml => tag www.example.com menu | 1 | ',
  '1 excluded by a ! rule, 1 matched no rule.'
]
const OBJECTS = [
  'https://www.example.com/index.html',
  'https://www.example.com/',
  'https://www.example.com/blog/s2/a.html',
  'https://www.example.com/blog/s2/b.html',
  'Directory https://www.example.com/blog/s10/',
  'Directory https://www.example.com/css/',
  'tag www.example.com menu'
]

describe('the summary of a push, page by page', () => {
  it('complete: the headline with every figure, then the facts, each folded', async () => {
    const record = await completedPushRun(0, { wait: 'true' })
    expect(page(buildSummary(record))).toEqual([
      '✅ DCDN refresh complete: 4 URLs, 2 directories and 1 cache tag on 1 host in 4 tasks, 6 min 12 s; 0 URLs left today',
      CHANGES,
      ...COLLAPSE,
      ...BATCHES,
      ...TASKS,
      'Quota: 0 URLs left today',
      'Kind | Daily quota | Remaining before | Needed | Accepted | Remaining after | ',
      'URLs | 10,000 | 4 | 4 | 4 | 0 | ',
      'directories | 100 | 100 | 2 | 2 | 98 | ',
      'cache tags | not published | not published | 1 | 1 | not published | ',
      RESETS,
      ...RULES,
      '4 URLs, 2 directories and 1 cache tag refreshed',
      ...OBJECTS
    ])
  })

  it('a dry run: what would be sent and when, and that nothing was', async () => {
    const base = await pushRun()
    const record = await pushRun(
      { planned: { plan: base.planned!.plan, schedule: [0, 0, 61_000, 61_000] } },
      { 'dry-run': 'true' }
    )
    expect(page(buildSummary(record))).toEqual([
      '📝 DCDN dry run: 4 URLs, 2 directories and 1 cache tag on 1 host in 4 batches; nothing was sent',
      'Pacing would spread the batches over 1 min 1 s.',
      CHANGES,
      ...COLLAPSE,
      'Batches: 4 planned',
      '# | Type | Objects | Hosts | Sent at | ',
      '1 | File | 2 | www.example.com | at once | ',
      '2 | File | 2 | www.example.com | at once | ',
      '3 | Directory | 2 | www.example.com | +1 min 1 s | ',
      '4 | Tag | 1 | www.example.com | +1 min 1 s | ',
      ...RULES,
      '4 URLs, 2 directories and 1 cache tag planned',
      ...OBJECTS
    ])
  })

  it('failed: every failure first, with its code, message, request ID and advice', async () => {
    const base = await pushRun()
    const outcomes = outcomesOf(base.planned!.plan!, [1])
    const record = await pushRun(
      {
        submitted: {
          outcomes,
          quotaAfter: quotaOf(2, 98),
          wait: {
            status: 'failed',
            tasks: tasksOf(outcomes, 'Complete', ['https://www.example.com/'])
          },
          preload: [
            {
              objects: ['https://www.example.com/index.html', 'https://www.example.com/'],
              ok: true,
              taskIds: ['900001'],
              requestId: 'PRE-1',
              attempts: 1
            },
            {
              objects: ['https://www.example.com/blog/s2/a.html'],
              ok: false,
              taskIds: [],
              requestId: 'PRE-2',
              attempts: 1,
              error: new ApiError({
                code: 'QuotaExceeded.Preload',
                message: 'Your <preload> quota is used up.',
                requestId: 'PRE-2-ID',
                httpStatus: 400
              })
            }
          ]
        },
        fatal: 'Waiting failed: Throttling.User: Request was denied.\nTry again later.'
      },
      { wait: 'true', preload: 'true' }
    )
    expect(page(buildSummary(record))).toEqual([
      '❌ DCDN refresh failed: 5 of 7 objects accepted; 1 batch of 2 failed; 1 object failed to refresh; the prefetch failed; Waiting failed: Throttling.User: Request was denied.',
      'Error: Waiting failed: Throttling.User: Request was denied.',
      'Try again later.',
      'Failed batch',
      'Batch | Type | Objects | Hosts | Code | Message | Request ID | ',
      '2 | File | 2 | www.example.com | QuotaExceeded.Refresh | Your refresh quota for today is used up. | REQ-1 | ',
      "Today's quota is used up; it resets at midnight (UTC+8). Refresh a directory instead, or ask for a larger quota.",
      '1 object failed to refresh',
      'Task | Object | Reason | ',
      '700000 | https://www.example.com/ | Origin Timeout | ',
      'Failed prefetch',
      'URLs | Code | Message | Request ID | ',
      '1 | QuotaExceeded.Preload | Your <preload> quota is used up. | PRE-2-ID | ',
      "Today's prefetch quota is used up; it resets at midnight (UTC+8). Prefetch fewer URLs, or turn 'preload' off: the refresh does not need it.",
      CHANGES,
      ...COLLAPSE,
      'Batches: 4, 3 accepted',
      '# | Type | Objects | Hosts | Task IDs | Request ID | Status | ',
      '1 | File | 2 | www.example.com | 700000 | REQ-0 | accepted | ',
      '2 | File | 2 | www.example.com |  | REQ-1 | failed (above) | ',
      '3 | Directory | 2 | www.example.com | 700002 | REQ-2 | accepted | ',
      '4 | Tag | 1 | www.example.com | 700003 | REQ-3 | accepted | ',
      'Tasks: 3; objects 4 complete, 1 failed',
      'Status | Tasks | Objects | ',
      'Complete | 3 | 4 | ',
      'Failed | 1 | 1 | ',
      'Quota: 2 URLs left today',
      'Kind | Daily quota | Remaining before | Needed | Accepted | Remaining after | ',
      'URLs | 10,000 | 4 | 4 | 2 | 2 | ',
      'directories | 100 | 100 | 2 | 2 | 98 | ',
      'cache tags | not published | not published | 1 | 1 | not published | ',
      RESETS,
      'Prefetch: 2 URLs in 2 requests, 1 accepted',
      '# | URLs | Task IDs | Request ID | Status | ',
      '1 | 2 | 900001 | PRE-1 | accepted | ',
      '2 | 1 |  | PRE-2 | failed (above) | ',
      ...RULES,
      '2 URLs, 2 directories and 1 cache tag refreshed; 2 not accepted',
      'https://www.example.com/index.html',
      'https://www.example.com/',
      'Directory https://www.example.com/blog/s10/',
      'Directory https://www.example.com/css/',
      'tag www.example.com menu',
      'https://www.example.com/blog/s2/a.html (not accepted)',
      'https://www.example.com/blog/s2/b.html (not accepted)'
    ])
  })

  it('timeout: how many tasks still run, and the objects of those only', async () => {
    const base = await pushRun()
    const outcomes = outcomesOf(base.planned!.plan!)
    const tasks = tasksOf(outcomes)
    tasks[0] = { ...tasks[0], status: 'Refreshing', process: '40%' }
    tasks[4] = { ...tasks[4], status: 'Pending', process: '0%' }
    const record = await pushRun(
      {
        submitted: { outcomes, wait: { status: 'timeout', tasks } },
        verification: {
          mode: 'warn',
          skipped: 'Nothing was verified: the tasks did not complete within wait-timeout (900 s).',
          rounds: [],
          final: []
        }
      },
      { wait: 'true', 'wait-timeout': '900', verify: 'warn' }
    )
    expect(page(buildSummary(record))).toEqual([
      '⏳ DCDN refresh submitted, not finished: 2 of 4 tasks still running after 900 s (wait-timeout)',
      '4 URLs, 2 directories and 1 cache tag on 1 host were accepted; the tasks go on at DCDN. Nothing was verified at the edge.',
      CHANGES,
      'Verification: Nothing was verified: the tasks did not complete within wait-timeout (900 s).',
      ...COLLAPSE,
      ...BATCHES,
      'Tasks: 4; objects 5 complete, 1 pending, 1 refreshing',
      'Status | Tasks | Objects | ',
      'Complete | 4 | 5 | ',
      'Pending | 1 | 1 | ',
      'Refreshing | 1 | 1 | ',
      'Objects of the tasks that had not finished:',
      'Task | Status | Progress | Object | ',
      '700000 | Refreshing | 40% | https://www.example.com/index.html | ',
      '700002 | Pending | 0% | https://www.example.com/blog/s10/ | ',
      'Quota: 4 URLs left today',
      'Kind | Daily quota | Remaining before | Needed | Accepted | ',
      'URLs | 10,000 | 4 | 4 | 4 | ',
      'directories | 100 | 100 | 2 | 2 | ',
      'cache tags | not published | not published | 1 | 1 | ',
      RESETS,
      ...RULES,
      '4 URLs, 2 directories and 1 cache tag refreshed',
      ...OBJECTS
    ])
  })
})

describe('the summary of a verified push (SPEC 4.6)', () => {
  const stale = check(
    'https://www.example.com/index.html',
    'stale',
    'the body is the file as it was before this deploy'
  )
  const unknown = {
    ...check('https://www.example.com/', 'unknown', 'no Age or Ali-Swift-Global-Savetime header'),
    headers: { via: 'proxy <b>' }
  }
  const error = {
    ...check('https://www.example.com/blog/s2/a.html', 'error', 'the edge answers 503'),
    status: 503,
    headers: {}
  }
  const fresh = check('https://www.example.com/blog/s2/b.html', 'fresh')
  const STALE_ROW =
    'https://www.example.com/index.html | the body is the file as it was before this deploy | 12 | HIT TCP_MEM_HIT dirn:-2:-2 | cache1.cn[0,200-0,H] | ab12cd34 | '
  const CHECK_ADVICE =
    'Check that the origin serves the new files (a cache in front of the origin, or a deploy that had not finished), then refresh again.'

  it('verify: fail, stale after the second refresh: the stale URL first, with its headers', async () => {
    const record = await completedPushRun(1, { wait: 'true', verify: 'fail' }, (outcomes) => {
      const again = { ...outcomes[0], objects: [stale.url], taskIds: ['800001'], acceptedAt: 2 }
      return {
        verification: {
          mode: 'fail',
          rounds: [
            { checks: [stale, unknown, error, fresh] },
            {
              checks: [stale],
              refresh: { outcomes: [again], wait: { status: 'complete', tasks: [] } }
            }
          ],
          final: [stale, unknown, error, fresh]
        }
      }
    })
    const lines = page(buildSummary(record))
    expect(lines.slice(0, 16)).toEqual([
      '❌ DCDN refresh: 1 of 4 checked URLs still stale at the edge after a second refresh',
      '1 URL still stale at the edge',
      `Refreshed twice, and the edge still serves the old content. ${CHECK_ADVICE}`,
      'URL | Why | Age | X-Cache | Via | EagleId | ',
      STALE_ROW,
      CHANGES,
      'Verification: 1 fresh, 1 stale, 1 unknown, 1 error of 4 checked URLs',
      'Round 1: 4 URLs checked: 1 fresh, 1 stale, 1 unknown, 1 error.',
      'Round 2: the stale URLs refreshed again (1 task, complete), then 1 URL checked: 0 fresh, 1 stale, 0 unknown, 0 errors.',
      'Unknown and error verdicts never fail the step; each says why:',
      'URL | Verdict | Why | Via | ',
      'https://www.example.com/ | unknown | no Age or Ali-Swift-Global-Savetime header | proxy <b> | ',
      'https://www.example.com/blog/s2/a.html | error | the edge answers 503 |  | ',
      ...COLLAPSE.slice(0, 3)
    ])
    // The quota read after submitting does not know of the second refresh: the page does.
    expect(lines).toContain('Quota: 0 URLs left today')
    expect(lines).toContain('URLs | 10,000 | 4 | 4 | 4 | 1 | ')
    expect(lines).toContain('Verification then refreshed 1 URL again: 0 left.')
  })

  it('verify: warn, not refreshed again: a warning, not a tick, and why', async () => {
    const record = await completedPushRun(3, { wait: 'true', verify: 'warn' }, () => ({
      verification: {
        mode: 'warn',
        rounds: [
          { checks: [stale, fresh] },
          {
            checks: [],
            refresh: {
              outcomes: [],
              skipped: "They were not refreshed again: 1 URL needed, 0 remain of today's quota."
            }
          }
        ],
        final: [stale, fresh]
      }
    }))
    expect(page(buildSummary(record)).slice(0, 9)).toEqual([
      '⚠️ DCDN refresh complete: 4 URLs, 2 directories and 1 cache tag on 1 host in 4 tasks, 6 min 12 s; 3 URLs left today; 1 of 2 checked URLs fresh at the edge, 1 still stale',
      '1 URL still stale at the edge',
      `The edge still serves the old content, and the URLs were not refreshed a second time (see Verification). ${CHECK_ADVICE}`,
      'URL | Why | Age | X-Cache | Via | EagleId | ',
      STALE_ROW,
      CHANGES,
      'Verification: 1 fresh, 1 stale of 2 checked URLs',
      'Round 1: 2 URLs checked: 1 fresh, 1 stale, 0 unknown, 0 errors.',
      "Round 2: nothing checked. They were not refreshed again: 1 URL needed, 0 remain of today's quota."
    ])
  })

  it('fixed by the second refresh: a tick, the quota less what was refreshed again', async () => {
    const record = await completedPushRun(3, { wait: 'true', verify: 'fail' }, (outcomes) => {
      const again = { ...outcomes[0], objects: [stale.url], taskIds: ['800001'], acceptedAt: 2 }
      const fixed = { ...stale, verdict: 'fresh' as const, reason: 'the body is the new file' }
      return {
        verification: {
          mode: 'fail',
          rounds: [{ checks: [stale, fresh] }, { checks: [fixed], refresh: { outcomes: [again] } }],
          final: [fixed, fresh]
        }
      }
    })
    const lines = page(buildSummary(record))
    expect(lines.slice(0, 5)).toEqual([
      '✅ DCDN refresh complete: 4 URLs, 2 directories and 1 cache tag on 1 host in 5 tasks, 6 min 12 s; 2 URLs left today; 2 of 2 checked URLs fresh at the edge',
      CHANGES,
      'Verification: 2 fresh of 2 checked URLs',
      'Round 1: 2 URLs checked: 1 fresh, 1 stale, 0 unknown, 0 errors.',
      'Round 2: the stale URLs refreshed again (1 task), then 1 URL checked: 1 fresh, 0 stale, 0 unknown, 0 errors.'
    ])
    expect(lines).toContain('Quota: 2 URLs left today')
    expect(lines).toContain('URLs | 10,000 | 4 | 4 | 4 | 3 | ')
    expect(lines).toContain('Verification then refreshed 1 URL again: 2 left.')
  })
})

describe('where the changes came from (SPEC 4.5)', () => {
  const listing = {
    paths: ['a.html', 'b.html'],
    removed: [],
    source: 'GitHub API' as const,
    base: '2'.repeat(40),
    head: 'main'
  }
  const changesOf = (
    source: NonNullable<NonNullable<Parameters<typeof recordOf>[0]>['changes']>['source'],
    more = {}
  ) => ({ paths: [], removed: [], useFallback: false, notes: [], source, ...more })
  /** A dry run of the push with these changes: its page from the line under the headline. */
  const from = async (parts: Parameters<typeof recordOf>[0]) =>
    page(buildSummary(await pushRun(parts, { 'dry-run': 'true' }))).slice(1)
  const first = async (parts: Parameters<typeof recordOf>[0]) => (await from(parts))[0]

  it('a diff: the listing, the range, the deploy it was for and the run it starts from', async () => {
    expect(await first({ changes: changesOf({ kind: 'git', listing }) })).toBe(
      'Changes: 2 changed files from GitHub API, 222222222222..main.'
    )
    expect(
      await first({
        changes: changesOf({
          kind: 'git',
          listing: { ...listing, paths: ['a.html'] },
          trigger: 'run #12 (ID 502) of workflow 77',
          baseRun: {
            id: 500,
            workflowId: 77,
            runNumber: 1010,
            headSha: '2'.repeat(40),
            headBranch: 'main',
            createdAt: '2026-11-20T08:00:00Z'
          }
        })
      })
    ).toBe(
      'Changes: 1 changed file from GitHub API, 222222222222..main, for the deploy of run #12 (ID 502) of workflow 77; the base is the last successful run, #1,010 (ID 500) of 2026-11-20.'
    )
  })

  it('a manifest: what changed of what was hashed, against which run', async () => {
    const manifest = { kind: 'manifest' as const, files: 12_000, added: 1, modified: 2, removed: 0 }
    expect(
      await first({
        changes: changesOf({
          ...manifest,
          baseline: { runId: '101', runNumber: '7', createdAt: '2026-12-01T10:00:00Z' }
        }),
        manifestSaved: true
      })
    ).toBe(
      'Changes: 3 deployed files changed of 12,000 hashed, compared with the manifest of run #7 (ID 101) of 2026-12-01: 1 added, 2 modified, 0 removed.'
    )
    const saved = await from({
      changes: changesOf({ ...manifest, removed: 2, baseline: { runId: '101' } }),
      manifestSaved: true
    })
    expect(saved.slice(0, 2)).toEqual([
      'Changes: 5 deployed files changed of 12,000 hashed, compared with the manifest of run (ID 101): 1 added, 2 modified, 2 removed.',
      "This run's manifest is now the baseline for the next run."
    ])
    const lines = await from({
      changes: changesOf(
        { ...manifest, added: 1, modified: 0, baseline: { runId: '101' } },
        { notes: ['The cache <was> slow.'] }
      ),
      manifestSaved: false
    })
    expect(lines.slice(0, 3)).toEqual([
      'Changes: 1 deployed file changed of 12,000 hashed, compared with the manifest of run (ID 101): 1 added, 0 modified, 0 removed.',
      'The cache <was> slow.',
      'The baseline manifest was kept as it was, so the next run refreshes these files again.'
    ])
    expect(await first({ changes: changesOf({ ...manifest, modified: 0, added: 0 }) })).toBe(
      'Changes: 0 deployed files changed of 12,000 hashed, compared with no previous manifest: 0 added, 0 modified, 0 removed.'
    )
  })

  it('the fallback targets, or only notes', async () => {
    expect(
      await first({
        changes: changesOf(undefined, { useFallback: true, notes: ['Why: a new branch.'] })
      })
    ).toBe('Changes: the fallback targets.')
    const lines = await from({
      changes: changesOf(undefined, { notes: ['First note.', 'Second note.'] })
    })
    expect(lines.slice(0, 3)).toEqual(['First note.', 'Second note.', COLLAPSE[0]])
  })

  it('nothing to do: the reason, or what was missing', async () => {
    const why = await recordOf({
      changes: changesOf(undefined, { nothingToDo: 'The deleted branch has nothing to refresh.' })
    })
    expect(page(buildSummary(why)).slice(0, 2)).toEqual([
      '➖ DCDN refresh: nothing to do',
      'The deleted branch has nothing to refresh.'
    ])
    const none = await recordOf({
      inputs: { rules: 'a/** => https://a.example/{path}' },
      changes: changesOf(undefined),
      targets: { targets: [], tags: [], sources: new Map() }
    })
    expect(page(buildSummary(none)).slice(0, 2)).toEqual([
      '➖ DCDN refresh: nothing to do',
      'No rule matched a changed path and no URLs or tags were given.'
    ])
  })
})
