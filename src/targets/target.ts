import { UserError } from '../errors.js'

/** The longest URL the services accept. */
export const MAX_URL_LENGTH = 1024

/** The object types, by their DCDN and CDN names. */
export type ObjectType = 'File' | 'Directory' | 'IgnoreParams' | 'Regex'

/** One object to refresh: a URL (or a regex, for Regex) and its object type. */
export interface RefreshTarget {
  type: ObjectType
  url: string
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
 * Why a URL cannot be refreshed, or undefined when it can (SPEC 3.3): absolute http(s), no user
 * info, no fragment, no wildcard host, at most 1,024 characters.
 */
export function urlProblem(url: string): string | undefined {
  if (url.length > MAX_URL_LENGTH) {
    return `is ${url.length} characters long; at most ${MAX_URL_LENGTH} are accepted`
  }
  const authority = /^(https?):\/\/([^/?#]*)/i.exec(url)
  if (!authority) return 'is not an absolute http:// or https:// URL'
  const host = authority[2]
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
  const match = /^https?:\/\/([^/?#]*)/i.exec(url)
  const authority = match ? match[1] : ''
  return authority.replace(/:\d+$/, '').toLowerCase()
}

/**
 * One spelling for URLs that name the same object (SPEC 4.2 item 1): the scheme and host
 * lower-cased and a default port dropped; the path is kept as written.
 */
export function canonicalUrl(url: string): string {
  const match = /^(https?):\/\/([^/?#]*)(.*)$/is.exec(url)
  if (!match) return url
  const scheme = match[1].toLowerCase()
  let authority = match[2].toLowerCase()
  if (
    (scheme === 'https' && authority.endsWith(':443')) ||
    (scheme === 'http' && authority.endsWith(':80'))
  )
    authority = authority.replace(/:\d+$/, '')
  return `${scheme}://${authority}${match[3]}`
}

/**
 * Parses `urls` or `fallback` target lines: `[TYPE] URL`, with blank and `#` comment lines
 * ignored. Every problem names the input and the line.
 */
export function parseTargetLines(
  text: string,
  inputName: string,
  allowed: readonly ObjectType[] = ['File', 'Directory', 'IgnoreParams', 'Regex'],
  service = 'this service'
): RefreshTarget[] {
  const targets: RefreshTarget[] = []
  let index = -1
  for (const raw of text.split('\n')) {
    index++
    const line = raw.replace(/\r$/, '').trim()
    if (line === '' || line.startsWith('#')) continue
    const where = `${inputName} line ${index + 1} (${JSON.stringify(line)})`
    const words = line.split(/\s+/)
    let type: ObjectType = 'File'
    let url = line
    if (words.length > 1 && words[0].includes('://')) {
      throw new UserError(`${where}: the URL holds white space; percent-encode spaces as %20.`)
    }
    if (words.length === 2) {
      const named = typeFromWord(words[0].toLowerCase())
      if (!named) {
        throw new UserError(
          `${where}: unknown type '${words[0]}'. Use one of ${TARGET_TYPE_WORDS.join(', ')}, or give the URL alone for file.`
        )
      }
      type = named
      url = words[1]
    } else if (words.length > 2) {
      throw new UserError(
        `${where}: expected '[TYPE] URL'. Put one target on each line and percent-encode spaces in the URL as %20.`
      )
    }
    if (!allowed.includes(type)) {
      throw new UserError(
        `${where}: ${service} has no ${type === 'Regex' ? 'regex' : type} refresh; use one of ${allowed.join(', ')}.`
      )
    }
    const problem = urlProblem(url)
    if (problem) throw new UserError(`${where}: the URL ${problem}.`)
    targets.push({ type, url })
  }
  return targets
}
