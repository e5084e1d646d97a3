import { UserError } from '../errors.js'
import { RefreshTarget, urlProblem } from '../targets.js'
import { encodePath, encodePathSegment } from './encode.js'
import { MappingRule, Placeholder, RuleSet } from './parse.js'

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

function placeholderValues(relative: string): Record<Placeholder, string> {
  const slash = relative.lastIndexOf('/')
  const dir = slash >= 0 ? relative.slice(0, slash + 1) : ''
  const name = relative.slice(slash + 1)
  const dot = name.lastIndexOf('.')
  const hasExt = dot > 0
  return {
    path: encodePath(relative),
    dir: encodePath(dir),
    name: encodePathSegment(name),
    stem: encodePathSegment(hasExt ? name.slice(0, dot) : name),
    ext: hasExt ? encodePathSegment(name.slice(dot)) : ''
  }
}

export function renderTemplate(rule: MappingRule, path: string): string {
  const relative =
    rule.base !== '' && path.startsWith(rule.base) ? path.slice(rule.base.length) : path
  const values = placeholderValues(relative)
  return rule.template.replace(
    /\{(path|dir|name|stem|ext)\}/g,
    (_, key: Placeholder) => values[key]
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
    if (rules.exclusions.some((rule) => rule.matcher.match(path))) {
      excluded++
      continue
    }
    let matched = false
    rules.mappings.forEach((rule, index) => {
      if (!rule.matcher.match(path)) return
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
