import { UserError } from '../errors.js'
import { RefreshTarget, urlProblem } from '../targets/target.js'
import { encodePath, encodePathSegment } from './encode.js'
import { MappingRule, Placeholder, RuleSet, matchesSegments, pathSegments } from './parse.js'

/** A target rendered from a path by a rule, kept with where it came from for the summary. */
export interface MappedTarget extends RefreshTarget {
  path: string
  ruleLine: number
}

export interface RuleHit {
  line: number
  text: string
  paths: number
}

export interface MappingResult {
  targets: MappedTarget[]
  /** Paths matched by each mapping rule, in rule order. */
  hits: RuleHit[]
  /** Paths removed by `!` lines. */
  excluded: number
  /** Paths that no rule matched. */
  unmatched: number
}

/** The value of one placeholder for a path relative to the rule's base (SPEC 3.2). */
function placeholderValue(key: Placeholder, relative: string): string {
  const slash = relative.lastIndexOf('/')
  if (key === 'path') return encodePath(relative)
  if (key === 'dir') return encodePath(slash >= 0 ? relative.slice(0, slash + 1) : '')
  const name = relative.slice(slash + 1)
  const dot = name.lastIndexOf('.')
  const hasExt = dot > 0
  if (key === 'name') return encodePathSegment(name)
  if (key === 'stem') return encodePathSegment(hasExt ? name.slice(0, dot) : name)
  return hasExt ? encodePathSegment(name.slice(dot)) : ''
}

/** Renders a rule's template for a path; only the placeholders the template uses are computed. */
export function renderTemplate(rule: MappingRule, path: string): string {
  const relative =
    rule.base !== '' && path.startsWith(rule.base) ? path.slice(rule.base.length) : path
  return rule.template.replace(/\{(path|dir|name|stem|ext)\}/g, (_, key: Placeholder) =>
    placeholderValue(key, relative)
  )
}

/**
 * Maps repository paths to targets (SPEC 3.1): every matching rule contributes its target, and a
 * path matched by any `!` line is dropped from all of them.
 */
export function mapPaths(paths: Iterable<string>, rules: RuleSet): MappingResult {
  const hits = rules.mappings.map((rule) => ({ line: rule.line, text: rule.text, paths: 0 }))
  const targets: MappedTarget[] = []
  let excluded = 0
  let unmatched = 0
  for (const path of paths) {
    const segments = pathSegments(path)
    if (rules.exclusions.some((rule) => matchesSegments(rule.matcher, segments))) {
      excluded++
      continue
    }
    let matched = false
    rules.mappings.forEach((rule, index) => {
      if (!matchesSegments(rule.matcher, segments)) return
      matched = true
      hits[index].paths++
      const url = renderTemplate(rule, path)
      const problem = urlProblem(url)
      if (problem) {
        throw new UserError(
          `rules line ${rule.line} (${JSON.stringify(rule.text)}) renders ${JSON.stringify(path)} as a URL that ${problem}.`
        )
      }
      targets.push({ type: rule.type, url, path, ruleLine: rule.line })
    })
    if (!matched) unmatched++
  }
  return { targets, hits, excluded, unmatched }
}
