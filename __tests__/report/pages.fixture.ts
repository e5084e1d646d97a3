// Whole runs as records, for the summary's page tests: each stage's result as main.ts keeps it.
import { ApiError } from '../../src/api/errors.js'
import { Quota } from '../../src/plan/budget.js'
import { planRefresh } from '../../src/plan/plan.js'
import { RunRecord } from '../../src/report/model.js'
import { BatchOutcome } from '../../src/submit/batches.js'
import { buildTargets } from '../../src/targets/build.js'
import { DCDN_REQUEST_LIMITS, quotaWith, rulesOf } from '../fixtures.js'
import { check, outcomesOf, recordOf, tasksOf } from './records.js'

export const RULES = [
  'public/** => https://www.example.com/{path}',
  'public/**/index.html => https://www.example.com/{dir}',
  'data/menu.yml => tag www.example.com menu',
  '!public/**/*.map'
].join('\n')

const PATHS = [
  'public/index.html',
  'public/blog/s2/a.html',
  'public/blog/s2/b.html',
  'public/blog/s10/a.html',
  'public/blog/s10/b.html',
  'public/blog/s10/c.html',
  'public/css/site.css',
  'public/css/site.css.map',
  'data/menu.yml',
  'README.md'
]

/** Today's quota with this many URLs and directories left, and a prefetch quota of 500. */
export const quotaOf = (file: number, directory = 100): Quota =>
  quotaWith({ File: file, Directory: directory }, { Preload: 500 })

/** A push of 10 paths through the rules: 8 URLs and a tag, collapsed within 4 URLs left. */
export async function pushRun(parts: Partial<RunRecord> = {}, inputs: Record<string, string> = {}) {
  const targets = buildTargets(PATHS, rulesOf(RULES), { urls: [], tags: [] })
  const plan = await planRefresh(
    targets.targets,
    targets.tags,
    {
      limits: { ...DCDN_REQUEST_LIMITS, maxUrlsPerRequest: 2, urlRatePerDomain: 100_000 },
      maxObjects: 10_000,
      collapse: 'auto',
      preload: false,
      service: 'DCDN',
      quota: quotaOf(4)
    },
    async () => [
      ...targets.targets.map((t) => t.url),
      'https://www.example.com/blog/s10/old.html',
      'https://www.example.com/blog/s2/old.html',
      'https://www.example.com/blog/s2/older.html'
    ]
  )
  return recordOf({
    changes: {
      paths: PATHS,
      removed: [],
      useFallback: false,
      notes: [],
      source: {
        kind: 'git',
        listing: {
          paths: PATHS,
          removed: [],
          source: 'local git',
          base: '1'.repeat(40),
          head: 'abcdef0123456789abcdef0123456789abcdef01'
        }
      }
    },
    targets,
    planned: { plan, quotaBefore: quotaOf(4), needs: plan.needs },
    inputs: { rules: RULES, ...inputs },
    ...parts
  })
}

/**
 * The push, every batch accepted and waited for to the end, `urlsLeft` URLs left today; `more`
 * adds to the record, given the batches' outcomes.
 */
export async function completedPushRun(
  urlsLeft: number,
  inputs: Record<string, string>,
  more: (outcomes: BatchOutcome[]) => Partial<RunRecord> = () => ({})
) {
  const outcomes = outcomesOf((await pushRun()).planned!.plan!)
  const submitted = {
    outcomes,
    quotaAfter: quotaOf(urlsLeft, 98),
    wait: { status: 'complete' as const, tasks: tasksOf(outcomes) }
  }
  return pushRun({ submitted, ...more(outcomes) }, inputs)
}

export { ApiError, check, outcomesOf, tasksOf }
