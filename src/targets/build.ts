import { RuleHit, mapPaths } from '../rules/map.js'
import { RuleSet } from '../rules/parse.js'
import { TagTarget, dedupeTags } from './tag.js'
import { GivenTargets, RefreshTarget, canonicalUrl } from './target.js'

export interface MappingSummary {
  paths: number
  hits: RuleHit[]
  excluded: number
  unmatched: number
}

export interface BuiltTargets {
  targets: RefreshTarget[]
  tags: TagTarget[]
  /** The path each rendered URL (canonical) came from, first seen: its bytes are that path's. */
  sources: Map<string, string>
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
 * deduplicated in a stable order; cache tags likewise, per host.
 */
export function buildTargets(
  paths: Iterable<string>,
  rules: RuleSet,
  given: GivenTargets
): BuiltTargets {
  const unique = new Set(paths)
  let mapping: MappingSummary | undefined
  const urls: RefreshTarget[] = []
  const tags: TagTarget[] = []
  const sources = new Map<string, string>()
  if (unique.size > 0 || rules.mappings.length > 0) {
    const mapped = mapPaths(unique, rules)
    mapping = {
      paths: unique.size,
      hits: mapped.hits,
      excluded: mapped.excluded,
      unmatched: mapped.unmatched
    }
    for (const target of mapped.targets) {
      urls.push(target)
      const url = canonicalUrl(target.url)
      if (!sources.has(url)) sources.set(url, target.path)
    }
    for (const tag of mapped.tags) tags.push(tag)
  }
  for (const target of given.urls) urls.push(target)
  for (const tag of given.tags) tags.push(tag)
  return { targets: dedupeTargets(urls), tags: dedupeTags(tags), sources, mapping }
}

/** The File URLs that the rules give for every path of a tree: what collapsing weighs against. */
export function knownFileUrls(paths: Iterable<string>, rules: RuleSet): string[] {
  const urls: string[] = []
  for (const target of mapPaths(paths, rules, true).targets)
    if (target.type === 'File') urls.push(canonicalUrl(target.url))
  return urls
}
