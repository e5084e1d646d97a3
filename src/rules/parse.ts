import { Minimatch } from 'minimatch'
import { UserError } from '../errors.js'
import { ObjectType, TARGET_TYPE_WORDS, typeFromWord, urlProblem } from '../targets/target.js'

export const PLACEHOLDERS = ['path', 'dir', 'name', 'stem', 'ext'] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

/** A `<glob> => [type] <url-template>` line, with its glob compiled once. */
export interface MappingRule {
  kind: 'map'
  line: number
  text: string
  glob: string
  matcher: Minimatch
  /** The glob's leading segments without magic, with a trailing `/`, or empty. */
  base: string
  type: ObjectType
  template: string
}

/** A `!<glob>` line: excludes matching paths from every rule. */
export interface ExclusionRule {
  kind: 'exclude'
  line: number
  text: string
  glob: string
  matcher: Minimatch
}

export interface RuleSet {
  mappings: MappingRule[]
  exclusions: ExclusionRule[]
}

const MATCH_OPTIONS = { dot: true, nonegate: true, nocomment: true } as const
/** Rule types; `regex` is a target type only, since a path cannot render into a regex. */
const RULE_TYPE_WORDS = TARGET_TYPE_WORDS.filter((word) => word !== 'regex')

function compileGlob(glob: string): Minimatch {
  return new Minimatch(glob, MATCH_OPTIONS)
}

/** A path split once into its segments, as minimatch splits it, for every rule to match. */
export function pathSegments(path: string): string[] {
  return path.split(/\/+/)
}

/**
 * Whether a compiled glob matches a path already split by pathSegments: what Minimatch.match
 * does for these options (no negation, no comments, no matchBase), without splitting the path
 * again for every rule.
 */
export function matchesSegments(matcher: Minimatch, segments: string[]): boolean {
  return matcher.set.some((pattern) => matcher.matchOne(segments, pattern, false))
}

/** The glob's leading path segments that hold no glob magic (SPEC 3.2). */
export function globBase(glob: string): string {
  const segments = glob.split('/')
  const base: string[] = []
  // The last segment names files, never the base, even when it is literal.
  for (const segment of segments.slice(0, -1)) {
    if (
      segment === '' ||
      new Minimatch(segment, { ...MATCH_OPTIONS, magicalBraces: true }).hasMagic()
    )
      break
    base.push(segment)
  }
  return base.length > 0 ? base.join('/') + '/' : ''
}

function normaliseGlob(glob: string): string {
  return glob.replace(/^(\.\/)+/, '').replace(/^\/+/, '')
}

function checkTemplate(template: string, where: string): void {
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(match[1])) {
      throw new UserError(
        `${where}: unknown placeholder '{${match[1]}}'. Use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`
      )
    }
  }
  const authority = /^https?:\/\/[^/?#]*/i.exec(template)
  if (authority && /[{}]/.test(authority[0])) {
    throw new UserError(
      `${where}: placeholders may not stand in the URL's host; a file name must never choose the domain.`
    )
  }
  const sample = template.replace(/\{[a-z]+\}/g, 'x')
  const problem = urlProblem(sample)
  if (problem) throw new UserError(`${where}: the URL template ${problem}.`)
}

/** Parses the `rules` input (SPEC 3.1). Errors quote the line and give its number. */
export function parseRules(text: string): RuleSet {
  const rules: RuleSet = { mappings: [], exclusions: [] }
  text.split('\n').forEach((raw, index) => {
    const line = index + 1
    const content = raw.replace(/\r$/, '').trim()
    if (content === '' || content.startsWith('#')) return
    const where = `rules line ${line} (${JSON.stringify(content)})`

    if (content.startsWith('!')) {
      const glob = normaliseGlob(content.slice(1).trim())
      if (glob === '') throw new UserError(`${where}: the exclusion has an empty glob.`)
      if (content.includes('=>')) {
        throw new UserError(`${where}: an exclusion takes a glob only, with no '=>' target.`)
      }
      rules.exclusions.push({
        kind: 'exclude',
        line,
        text: content,
        glob,
        matcher: compileGlob(glob)
      })
      return
    }

    const arrow = content.indexOf('=>')
    if (arrow < 0) {
      throw new UserError(
        `${where}: expected '<glob> => [type] <url-template>' or '!<glob>'; there is no '=>'.`
      )
    }
    const glob = normaliseGlob(content.slice(0, arrow).trim())
    if (glob === '') throw new UserError(`${where}: the glob before '=>' is empty.`)
    const words = content
      .slice(arrow + 2)
      .trim()
      .split(/\s+/)
      .filter(Boolean)
    if (words.length === 0) throw new UserError(`${where}: there is no URL template after '=>'.`)
    if (words.length > 2) {
      throw new UserError(
        `${where}: expected '[type] <url-template>' after '=>'; percent-encode spaces in the template as %20.`
      )
    }
    let type: ObjectType = 'File'
    if (words.length === 2) {
      const named = RULE_TYPE_WORDS.includes(words[0].toLowerCase())
        ? typeFromWord(words[0].toLowerCase())
        : undefined
      if (!named) {
        throw new UserError(
          `${where}: unknown type '${words[0]}'. Use one of ${RULE_TYPE_WORDS.join(', ')}.`
        )
      }
      type = named
    }
    const template = words[words.length - 1]
    checkTemplate(template, where)
    rules.mappings.push({
      kind: 'map',
      line,
      text: content,
      glob,
      matcher: compileGlob(glob),
      base: globBase(glob),
      type,
      template
    })
  })
  return rules
}
