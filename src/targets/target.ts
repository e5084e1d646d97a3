import { UserError } from '../util/errors.js'
import { TagForm, TagTarget, tagHostProblem, tagProblem, tagSyntax } from './tag.js'

/** The longest URL the services accept. */
const MAX_URL_LENGTH = 1024

/** The URL object types, by their DCDN and CDN names. Cache tags are kept apart (./tag.ts). */
export type ObjectType = 'File' | 'Directory' | 'IgnoreParams' | 'Regex'

/** One object to refresh: a URL (or a regex, for Regex) and its object type. */
export interface RefreshTarget {
  type: ObjectType
  url: string
}

/** The targets given as lines (`urls`, `fallback`, `urls-file`): URLs and cache tags. */
export interface GivenTargets {
  urls: RefreshTarget[]
  tags: TagTarget[]
}

/** The words a rule or target line may use for a type, and the type each one means. */
const TYPE_WORDS: Record<string, ObjectType> = {
  file: 'File',
  directory: 'Directory',
  'ignore-params': 'IgnoreParams',
  regex: 'Regex'
}

export function typeFromWord(word: string): ObjectType | undefined {
  return Object.prototype.hasOwnProperty.call(TYPE_WORDS, word) ? TYPE_WORDS[word] : undefined
}

export const TARGET_TYPE_WORDS = Object.keys(TYPE_WORDS)

/**
 * A URL split at its authority: the one reading of "scheme://host/rest" that every check, host
 * and canonical form is made from. Undefined when it is not an absolute http(s) URL.
 */
export function splitUrl(
  url: string
): { scheme: string; authority: string; rest: string } | undefined {
  const match = /^(https?):\/\/([^/?#]*)(.*)$/is.exec(url)
  return match ? { scheme: match[1], authority: match[2], rest: match[3] } : undefined
}

/**
 * Why a URL cannot be refreshed, or undefined when it can (SPEC 3.3): absolute http(s), no user
 * info, no fragment, no wildcard host, at most 1,024 characters.
 */
export function urlProblem(url: string): string | undefined {
  if (url.length > MAX_URL_LENGTH) {
    return `is ${url.length} characters long; at most ${MAX_URL_LENGTH} are accepted`
  }
  const parts = splitUrl(url)
  if (!parts) return 'is not an absolute http:// or https:// URL'
  const host = parts.authority
  if (host.includes('@')) return 'has user info before the host; remove it'
  if (host === '') return 'has no host'
  if (host.includes('*')) {
    return 'uses a wildcard host, which DCDN rejects (InvalidExtensiveDomain.ValueNotSupported)'
  }
  if (url.includes('#')) return 'has a fragment (#...), which never reaches the CDN'
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return 'holds white space or a control character'
  try {
    new URL(url)
  } catch {
    return 'is not a valid URL'
  }
  return undefined
}

/** The lower-cased host of a URL: the services count domains per request and per minute by it. */
export function hostOf(url: string): string {
  return (splitUrl(url)?.authority ?? '').replace(/:\d+$/, '').toLowerCase()
}

/**
 * One spelling for URLs that name the same object (SPEC 4.2 item 1): the scheme and host
 * lower-cased and a default port dropped; the path is kept as written.
 */
export function canonicalUrl(url: string): string {
  const parts = splitUrl(url)
  if (!parts) return url
  const scheme = parts.scheme.toLowerCase()
  let authority = parts.authority.toLowerCase()
  if (
    (scheme === 'https' && authority.endsWith(':443')) ||
    (scheme === 'http' && authority.endsWith(':80'))
  )
    authority = authority.replace(/:\d+$/, '')
  return `${scheme}://${authority}${parts.rest}`
}

/** What a service accepts in target lines: its URL types and the form of its tag lines. */
export interface TargetForm extends TagForm {
  types: readonly ObjectType[]
}

/** `tag <host> a,b` (per host) or `tag a,b` (site-wide), each tag checked. */
function parseTagLine(words: string[], where: string, form: TagForm): TagTarget[] {
  const expected = form.perHost ? 3 : 2
  if (words.length !== expected) throw new UserError(`${where}: ${tagSyntax(form, 'line')}.`)
  const host = form.perHost ? words[1] : ''
  if (form.perHost) {
    const problem = tagHostProblem(host)
    if (problem) throw new UserError(`${where}: the host '${host}' ${problem}.`)
  }
  return words[words.length - 1].split(',').map((tag) => {
    const problem = tagProblem(tag)
    if (problem) throw new UserError(`${where}: a tag ${problem} (${JSON.stringify(tag)}).`)
    return { host: host.toLowerCase(), tag }
  })
}

/**
 * Parses target lines (`urls`, `fallback`, `urls-file`): `[TYPE] URL`, or a `tag` line, with
 * blank and `#` comment lines ignored. Every problem names the source and the line.
 */
export function parseTargetLines(text: string, source: string, form: TargetForm): GivenTargets {
  const given: GivenTargets = { urls: [], tags: [] }
  let index = -1
  for (const raw of text.split('\n')) {
    index++
    const line = raw.replace(/\r$/, '').trim()
    if (line === '' || line.startsWith('#')) continue
    const where = `${source} line ${index + 1} (${JSON.stringify(line)})`
    const words = line.split(/\s+/)
    if (words[0].toLowerCase() === 'tag') {
      for (const tag of parseTagLine(words, where, form)) given.tags.push(tag)
      continue
    }
    let type: ObjectType = 'File'
    let url = line
    if (words.length > 1 && words[0].includes('://')) {
      throw new UserError(`${where}: the URL holds white space; percent-encode spaces as %20.`)
    }
    if (words.length === 2) {
      const named = typeFromWord(words[0].toLowerCase())
      if (!named) {
        throw new UserError(
          `${where}: unknown type '${words[0]}'. Use one of ${[...TARGET_TYPE_WORDS, 'tag'].join(', ')}, or give the URL alone for file.`
        )
      }
      type = named
      url = words[1]
    } else if (words.length > 2) {
      throw new UserError(
        `${where}: expected '[TYPE] URL'. Put one target on each line and percent-encode spaces in the URL as %20.`
      )
    }
    if (!form.types.includes(type)) {
      throw new UserError(
        `${where}: ${form.service} has no ${type === 'Regex' ? 'regex' : type} refresh; use one of ${form.types.join(', ')}.`
      )
    }
    const problem = urlProblem(url)
    if (problem) throw new UserError(`${where}: the URL ${problem}.`)
    given.urls.push({ type, url })
  }
  return given
}
