// Shared test data: the planner with DCDN's per-request limits and the two limits tests vary;
// rules compiled with the real glob compiler.
import { Batch, PlanLimits, planBatches } from '../src/plan/batches.js'
import { Quota } from '../src/plan/budget.js'
import { globCompiler } from '../src/rules/glob.js'
import { RuleSet, parseRules } from '../src/rules/parse.js'
import { TagTarget } from '../src/targets/tag.js'
import { RefreshTarget } from '../src/targets/target.js'

/** DCDN's per-request limits, as SPEC 6.1 gives them. */
export const DCDN_REQUEST_LIMITS = {
  directoriesPerRequest: 100,
  regexesPerRequest: 1,
  hostsPerRequest: 10,
  tagCharsPerRequest: 16_384,
  tagsPerRequest: Infinity
} as const

export function planWith(
  targets: readonly RefreshTarget[],
  limits: Omit<PlanLimits, keyof typeof DCDN_REQUEST_LIMITS>,
  tags: readonly TagTarget[] = []
): Batch[] {
  return planBatches(targets, tags, { ...DCDN_REQUEST_LIMITS, ...limits })
}

/** Rules as DCDN and CDN read them (tags per host); `site` for ESA's site-wide tags. */
export function rulesOf(text: string, tags: 'host' | 'site' = 'host'): RuleSet {
  return parseRules(text, {
    globs: globCompiler,
    tags: { perHost: tags === 'host', service: tags === 'host' ? 'DCDN' : 'ESA' }
  })
}

/** Target lines as DCDN reads them, or as ESA does. */
export const DCDN_FORM = {
  types: ['File', 'IgnoreParams', 'Directory', 'Regex'],
  perHost: true,
  service: 'DCDN'
} as const
export const ESA_FORM = {
  types: ['File', 'IgnoreParams', 'Directory'],
  perHost: false,
  service: 'ESA'
} as const

/** A quota read: DCDN's daily quota per kind, with what remains as given (the full quota otherwise). */
export function quotaWith(
  remain: Partial<Quota['remain']> = {},
  quota: Partial<Quota['quota']> = {}
): Quota {
  const full = {
    File: 10_000,
    Directory: 100,
    Regex: 20,
    IgnoreParams: 10_000,
    Preload: 1000,
    Tag: Infinity,
    ...quota
  }
  return { quota: full, remain: { ...full, ...remain } }
}
