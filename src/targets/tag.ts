// Cache tags (SPEC 3.4): a tag refresh expires every cached object that carries one of the tags,
// whatever its URL. On DCDN and classic CDN a tag belongs to a domain; on ESA to the whole site.

/** One cache tag to refresh, with its host (lower case); empty on ESA, where tags are site-wide. */
export interface TagTarget {
  host: string
  tag: string
}

/** How a service takes tags: per host (`tag <host> <tags>`), or site-wide (`tag <tags>`). */
export interface TagForm {
  perHost: boolean
  /** The service's name, for messages. */
  service: string
}

const MAX_TAG_LENGTH = 128

/** The form of a tag line or rule on this service, for messages that say which form it takes. */
export function tagSyntax(form: TagForm, what: 'line' | 'rule'): string {
  const tags = what === 'line' ? '<tag>[,<tag>...]' : '<tag-template> [<tag-template>...]'
  return form.perHost
    ? `${form.service} refreshes tags per domain: 'tag <host> ${tags}'`
    : `${form.service} refreshes tags site-wide, with no host: 'tag ${tags}'`
}

/** Why a tag cannot be sent, or undefined: 1 to 128 printable ASCII characters, no space or comma. */
export function tagProblem(tag: string): string | undefined {
  if (tag.length === 0) return 'is empty'
  if (tag.length > MAX_TAG_LENGTH)
    return `is ${tag.length} characters long; at most ${MAX_TAG_LENGTH} are accepted`
  if (tag.includes(',')) return 'holds a comma, which separates tags'
  if (/\s/.test(tag)) return 'holds white space'
  if (!/^[\x21-\x7e]+$/.test(tag)) return 'holds a character that is not printable ASCII'
  return undefined
}

/** Why a tag line's or rule's host cannot be used, or undefined: a plain domain name. */
export function tagHostProblem(host: string): string | undefined {
  if (host.includes('://') || host.includes('/'))
    return 'is not a plain domain name: give the host alone, as in www.example.com'
  if (host.includes('*')) return 'is a wildcard domain, which cannot be refreshed by tag'
  if (
    !/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(
      host
    )
  )
    return 'is not a domain name'
  return undefined
}

/** Tags deduplicated per host, in the order first seen; hosts compare as in URLs. */
export function dedupeTags(tags: Iterable<TagTarget>): TagTarget[] {
  const seen = new Set<string>()
  const unique: TagTarget[] = []
  for (const { host, tag } of tags) {
    const lower = host.toLowerCase()
    const key = `${lower} ${tag}`
    if (seen.has(key)) continue
    seen.add(key)
    unique.push({ host: lower, tag })
  }
  return unique
}

/** The tags of each host, hosts in the order first seen: what the `tags` output holds. */
export function tagsByHost(tags: readonly TagTarget[]): Map<string, string[]> {
  const byHost = new Map<string, string[]>()
  for (const { host, tag } of tags) {
    const list = byHost.get(host)
    if (list) list.push(tag)
    else byHost.set(host, [tag])
  }
  return byHost
}
