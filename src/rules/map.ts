import { UserError } from '../util/errors.js'
import { TagTarget, tagProblem } from '../targets/tag.js'
import { RefreshTarget, urlProblem } from '../targets/target.js'
import { encodePath, encodePathSegment } from './encode.js'
import { MappingRule, Placeholder, RuleSet } from './parse.js'

/** A URL rendered from a path by a rule, kept with the path: its bytes are the path's. */
export interface MappedTarget extends RefreshTarget {
  path: string
}

export interface RuleHit {
  line: number
  text: string
  paths: number
}

export interface MappingResult {
  targets: MappedTarget[]
  tags: TagTarget[]
  /** Paths matched by each mapping rule, in rule order. */
  hits: RuleHit[]
  /** Paths removed by `!` lines. */
  excluded: number
  /** Paths that no rule matched. */
  unmatched: number
}

/** The value of one placeholder for a path relative to the rule's base (SPEC 3.2). */
function placeholderValue(key: Placeholder, relative: string, encode: boolean): string {
  const path = encode ? encodePath : (p: string) => p
  const segment = encode ? encodePathSegment : (s: string) => s
  const slash = relative.lastIndexOf('/')
  if (key === 'path') return path(relative)
  if (key === 'dir') return path(slash >= 0 ? relative.slice(0, slash + 1) : '')
  const name = relative.slice(slash + 1)
  const dot = name.lastIndexOf('.')
  const hasExt = dot > 0
  if (key === 'name') return segment(name)
  if (key === 'stem') return segment(hasExt ? name.slice(0, dot) : name)
  return hasExt ? segment(name.slice(dot)) : ''
}

/**
 * Renders a template for a path matched by a rule: URL templates percent-encode the values as a
 * browser does, tag templates take them as they are (SPEC 3.4).
 */
function renderTemplate(
  rule: MappingRule,
  template: string,
  path: string,
  encode: boolean
): string {
  const relative =
    rule.base !== '' && path.startsWith(rule.base) ? path.slice(rule.base.length) : path
  return template.replace(/\{(path|dir|name|stem|ext)\}/g, (_, key: Placeholder) =>
    placeholderValue(key, relative, encode)
  )
}

const quoted = (rule: MappingRule) => `rules line ${rule.line} (${JSON.stringify(rule.text)})`

function render(rule: MappingRule, path: string, result: MappingResult, urlsOnly: boolean): void {
  if (rule.kind === 'tag') {
    if (urlsOnly) return
    for (const template of rule.templates) {
      const tag = renderTemplate(rule, template, path, false)
      const problem = tagProblem(tag)
      if (problem)
        throw new UserError(
          `${quoted(rule)} renders ${JSON.stringify(path)} as a tag that ${problem} (${JSON.stringify(tag)}).`
        )
      result.tags.push({ host: rule.host, tag })
    }
    return
  }
  const url = renderTemplate(rule, rule.template, path, true)
  const problem = urlProblem(url)
  if (problem && urlsOnly) return
  if (problem)
    throw new UserError(`${quoted(rule)} renders ${JSON.stringify(path)} as a URL that ${problem}.`)
  result.targets.push({ type: rule.type, url, path })
}

/**
 * Maps repository paths to targets (SPEC 3.1): every matching rule contributes its targets, and a
 * path matched by any `!` line is dropped from all of them. `urlsOnly` weighs a whole tree for
 * collapsing: tags are left out, and a path that renders no valid URL is passed over.
 */
export function mapPaths(paths: Iterable<string>, rules: RuleSet, urlsOnly = false): MappingResult {
  const result: MappingResult = {
    targets: [],
    tags: [],
    hits: rules.mappings.map((rule) => ({ line: rule.line, text: rule.text, paths: 0 })),
    excluded: 0,
    unmatched: 0
  }
  for (const path of paths) {
    const segments = rules.split(path)
    if (rules.exclusions.some((rule) => rule.matcher.matches(segments))) {
      result.excluded++
      continue
    }
    let matched = false
    rules.mappings.forEach((rule, index) => {
      if (!rule.matcher.matches(segments)) return
      matched = true
      result.hits[index].paths++
      render(rule, path, result, urlsOnly)
    })
    if (!matched) result.unmatched++
  }
  return result
}
