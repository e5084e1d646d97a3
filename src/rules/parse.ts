import { UserError } from '../util/errors.js'
import { TagForm, tagHostProblem, tagProblem, tagSyntax } from '../targets/tag.js'
import {
  ObjectType,
  TARGET_TYPE_WORDS,
  splitUrl,
  typeFromWord,
  urlProblem
} from '../targets/target.js'

const PLACEHOLDERS = ['path', 'dir', 'name', 'stem', 'ext'] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

/** A glob compiled once; `matches` takes a path split by the compiler's `split`. */
export interface Glob {
  matches(segments: string[]): boolean
}

/** Compiles globs (./glob.ts, loaded only when there are rules). */
export interface GlobCompiler {
  compile(glob: string): Glob
  split(path: string): string[]
  /** Whether one path segment holds glob magic. */
  hasMagic(segment: string): boolean
}

interface RuleLine {
  line: number
  text: string
  glob: string
  matcher: Glob
}

interface MappingLine extends RuleLine {
  /** The glob's leading segments without magic, with a trailing `/`, or empty. */
  base: string
}

/** `<glob> => [type] <url-template>`. */
export interface UrlRule extends MappingLine {
  kind: 'map'
  type: ObjectType
  template: string
}

/** `<glob> => tag [<host>] <tag-template> ...` (SPEC 3.4); `host` is empty on ESA. */
export interface TagRule extends MappingLine {
  kind: 'tag'
  host: string
  templates: string[]
}

export type MappingRule = UrlRule | TagRule

/** A `!<glob>` line: excludes matching paths from every rule. */
export type ExclusionRule = RuleLine

export interface RuleSet {
  mappings: MappingRule[]
  exclusions: ExclusionRule[]
  /** Splits a path as the globs were compiled to match it. */
  split(path: string): string[]
}

export const NO_RULES: RuleSet = { mappings: [], exclusions: [], split: (path) => path.split('/') }

/** Rule types; `regex` is a target type only, since a path cannot render into a regex. */
const RULE_TYPE_WORDS = TARGET_TYPE_WORDS.filter((word) => word !== 'regex')

/** The glob's leading path segments that hold no glob magic (SPEC 3.2). */
export function globBase(glob: string, globs: GlobCompiler): string {
  const segments = glob.split('/')
  const base: string[] = []
  // The last segment names files, never the base, even when it is literal.
  for (const segment of segments.slice(0, -1)) {
    if (segment === '' || globs.hasMagic(segment)) break
    base.push(segment)
  }
  return base.length > 0 ? base.join('/') + '/' : ''
}

function normaliseGlob(glob: string): string {
  return glob.replace(/^(\.\/)+/, '').replace(/^\/+/, '')
}

/** Unknown placeholders are errors; a placeholder's sample value is 'x'. */
function checkPlaceholders(template: string, where: string): string {
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(match[1])) {
      throw new UserError(
        `${where}: unknown placeholder '{${match[1]}}'. Use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`
      )
    }
  }
  return template.replace(/\{[a-z]+\}/g, 'x')
}

function checkUrlTemplate(template: string, where: string): void {
  const sample = checkPlaceholders(template, where)
  const parts = splitUrl(template)
  if (parts && /[{}]/.test(parts.authority)) {
    throw new UserError(
      `${where}: placeholders may not stand in the URL's host; a file name must never choose the domain.`
    )
  }
  const problem = urlProblem(sample)
  if (problem) throw new UserError(`${where}: the URL template ${problem}.`)
}

/** `tag [<host>] <template> ...`: the host on DCDN and CDN, every word a template on ESA. */
function tagRule(
  words: string[],
  where: string,
  form: TagForm
): { host: string; templates: string[] } {
  const host = form.perHost ? (words[1] ?? '') : ''
  const templates = words.slice(form.perHost ? 2 : 1)
  if (templates.length === 0) throw new UserError(`${where}: ${tagSyntax(form, 'rule')}.`)
  if (form.perHost) {
    if (/[{}]/.test(host))
      throw new UserError(
        `${where}: placeholders may not stand in the host; a file name must never choose the domain.`
      )
    const problem = tagHostProblem(host)
    if (problem)
      throw new UserError(`${where}: the host '${host}' ${problem}. ${tagSyntax(form, 'rule')}.`)
  }
  for (const template of templates) {
    const problem = tagProblem(checkPlaceholders(template, where))
    if (problem)
      throw new UserError(`${where}: the tag template ${JSON.stringify(template)} ${problem}.`)
  }
  return { host: host.toLowerCase(), templates }
}

export interface RuleOptions {
  globs: GlobCompiler
  /** How the service takes cache tags. */
  tags: TagForm
}

/** Parses the `rules` input (SPEC 3.1, 3.4). Errors quote the line and give its number. */
export function parseRules(text: string, options: RuleOptions): RuleSet {
  const { globs } = options
  const rules: RuleSet = { mappings: [], exclusions: [], split: globs.split }
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
        line,
        text: content,
        glob,
        matcher: globs.compile(glob)
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
    const common = {
      line,
      text: content,
      glob,
      matcher: globs.compile(glob),
      base: globBase(glob, globs)
    }
    if (words[0].toLowerCase() === 'tag') {
      rules.mappings.push({ kind: 'tag', ...common, ...tagRule(words, where, options.tags) })
      return
    }
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
          `${where}: unknown type '${words[0]}'. Use one of ${[...RULE_TYPE_WORDS, 'tag'].join(', ')}.`
        )
      }
      type = named
    }
    const template = words[words.length - 1]
    checkUrlTemplate(template, where)
    rules.mappings.push({ kind: 'map', ...common, type, template })
  })
  return rules
}
