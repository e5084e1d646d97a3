import { RuleHit, mapPaths } from '../rules/map.js'
import { RuleSet } from '../rules/parse.js'
import { RefreshTarget, canonicalUrl } from './target.js'

export interface MappingSummary {
  paths: number
  hits: RuleHit[]
  excluded: number
  unmatched: number
}

export interface BuiltTargets {
  targets: RefreshTarget[]
  /** How the rules treated the paths; absent when there were no paths or rules to apply. */
  mapping?: MappingSummary
}

/**
 * Removes repeated targets of the same type, keeping the first of each in its place. URLs that
 * differ only in the case of scheme or host, or in a written-out default port, are one target.
 */
export function dedupeTargets(targets: Iterable<RefreshTarget>): RefreshTarget[] {
  const seen = new Set<string>()
  const unique: RefreshTarget[] = []
  for (const target of targets) {
    const url = target.type === 'Regex' ? target.url : canonicalUrl(target.url)
    const key = `${target.type} ${url}`
    if (seen.has(key)) continue
    seen.add(key)
    unique.push({ type: target.type, url })
  }
  return unique
}

/**
 * The targets of a run (SPEC 3): the paths mapped through the rules, then the given targets,
 * deduplicated in a stable order.
 */
export function buildTargets(
  paths: Iterable<string>,
  rules: RuleSet,
  given: readonly RefreshTarget[]
): BuiltTargets {
  const unique = new Set(paths)
  let mapping: MappingSummary | undefined
  const all: RefreshTarget[] = []
  if (unique.size > 0 || rules.mappings.length > 0) {
    const mapped = mapPaths(unique, rules)
    mapping = {
      paths: unique.size,
      hits: mapped.hits,
      excluded: mapped.excluded,
      unmatched: mapped.unmatched
    }
    for (const target of mapped.targets) all.push(target)
  }
  for (const target of given) all.push(target)
  return { targets: dedupeTargets(all), mapping }
}

/** The File URLs that the rules give for every path of a tree: what collapsing weighs against. */
export function knownFileUrls(paths: Iterable<string>, rules: RuleSet): string[] {
  const urls: string[] = []
  for (const target of mapPaths(paths, rules).targets)
    if (target.type === 'File') urls.push(canonicalUrl(target.url))
  return urls
}
