import { Batch } from '../plan/batches.js'
import { RefreshTarget, canonicalUrl, hostOf } from '../targets/target.js'
import { Expectation } from './verdict.js'

// Which refreshed URLs to ask the edge about (SPEC 4.6): deterministic and spread, in this order
// until the limit: the first URL of each host in plan order, a changed URL under each directory
// target, removed files, then the rest in plan order. Pure.

export interface SampleInput {
  /** The plan's URL targets, in plan order, after collapsing. */
  targets: readonly RefreshTarget[]
  /** The changed URL targets before collapsing, in plan order: what directories stand for. */
  changed: readonly RefreshTarget[]
  /** The batches the service accepted, each with when. */
  accepted: readonly { batch: Batch; acceptedAt: number }[]
  /** The path each rendered URL (canonical) came from. */
  sources: ReadonlyMap<string, string>
  /** Paths the deploy removed. */
  removed: ReadonlySet<string>
  /** With `output-dir`: the deployed bytes' hash of each path, and the previous hash of the changed. */
  hashes?: { current: ReadonlyMap<string, string>; previous: ReadonlyMap<string, string> }
  max: number
}

const isCheckable = (type: string) => type === 'File' || type === 'IgnoreParams'

/** The directory targets that hold a URL: those whose URL it starts with. */
function under(url: string, directory: string): boolean {
  return canonicalUrl(url).startsWith(canonicalUrl(directory))
}

export function chooseChecks(input: SampleInput): Expectation[] {
  // When each accepted object was refreshed: a URL by its own batch, or by a directory above it.
  const refreshedAt = new Map<string, number>()
  const directories: { url: string; at: number }[] = []
  for (const { batch, acceptedAt } of input.accepted) {
    if (batch.type === 'Directory')
      for (const url of batch.objects) directories.push({ url, at: acceptedAt })
    else if (isCheckable(batch.type))
      for (const url of batch.objects) refreshedAt.set(canonicalUrl(url), acceptedAt)
  }
  const whenRefreshed = (url: string): number | undefined => {
    const own = refreshedAt.get(canonicalUrl(url))
    if (own !== undefined) return own
    const above = directories.filter((d) => under(url, d.url)).map((d) => d.at)
    return above.length > 0 ? Math.max(...above) : undefined
  }
  const chosen: Expectation[] = []
  const seen = new Set<string>()
  const take = (url: string) => {
    const key = canonicalUrl(url)
    if (chosen.length >= input.max || seen.has(key)) return
    const at = whenRefreshed(url)
    if (at === undefined) return
    seen.add(key)
    const path = input.sources.get(key)
    chosen.push({
      url,
      refreshedAt: at,
      removed: path !== undefined && input.removed.has(path),
      newHash: path !== undefined ? input.hashes?.current.get(path) : undefined,
      oldHash: path !== undefined ? input.hashes?.previous.get(path) : undefined
    })
  }
  const checkable = input.targets.filter((t) => isCheckable(t.type)).map((t) => t.url)
  const hosts = new Set<string>()
  for (const url of checkable) {
    const host = hostOf(url)
    if (hosts.has(host)) continue
    hosts.add(host)
    take(url)
  }
  const changedFiles = input.changed.filter((t) => t.type === 'File').map((t) => t.url)
  for (const directory of input.targets.filter((t) => t.type === 'Directory')) {
    const below = changedFiles.find(
      (url) => under(url, directory.url) && !seen.has(canonicalUrl(url))
    )
    if (below) take(below)
  }
  for (const url of [...checkable, ...changedFiles]) {
    const path = input.sources.get(canonicalUrl(url))
    if (path !== undefined && input.removed.has(path)) take(url)
  }
  for (const url of checkable) take(url)
  return chosen
}
