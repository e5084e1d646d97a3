import { TagTarget, tagsByHost } from '../targets/tag.js'
import { ObjectType, RefreshTarget, hostOf } from '../targets/target.js'

/** What one refresh call refreshes: URLs of one object type, or cache tags. */
export type BatchType = ObjectType | 'Tag'

/** One refresh call: objects of one type, within every per-request limit. */
export interface Batch {
  type: BatchType
  /** URLs (a regex, for Regex); the tags, for Tag. */
  objects: string[]
  /** Objects per host in this batch; the services limit both the hosts and the URLs per host. */
  hosts: Map<string, number>
}

/** What the planner needs to know of the service and the inputs. */
export interface PlanLimits {
  maxUrlsPerRequest: number
  urlRatePerDomain: number
  directoriesPerRequest: number
  regexesPerRequest: number
  hostsPerRequest: number
  /** Characters of one call's comma-separated tags (DCDN and CDN). */
  tagCharsPerRequest: number
  /** Tags in one call (ESA). */
  tagsPerRequest: number
}

/** The order batches go in, and quotas are shown in. */
export const BATCH_ORDER: readonly BatchType[] = [
  'File',
  'IgnoreParams',
  'Directory',
  'Regex',
  'Tag'
]

/** File and IgnoreParams URLs count against a host's per-minute rate; the other types do not. */
export function isRatedType(type: BatchType): boolean {
  return type === 'File' || type === 'IgnoreParams'
}

function urlsPerRequest(type: ObjectType, limits: PlanLimits): number {
  if (type === 'Directory') return limits.directoriesPerRequest
  if (type === 'Regex') return limits.regexesPerRequest
  return limits.maxUrlsPerRequest
}

/** The URLs of one type per host, hosts in order of first appearance. */
function byHost(targets: readonly RefreshTarget[], type: ObjectType): Map<string, string[]> {
  const hosts = new Map<string, string[]>()
  for (const target of targets) {
    if (target.type !== type) continue
    const host = hostOf(target.url)
    const list = hosts.get(host)
    if (list) list.push(target.url)
    else hosts.set(host, [target.url])
  }
  return hosts
}

/** Packs the host chunks of one round into batches of at most `perRequest` objects and the host limit. */
function pack(
  type: ObjectType,
  chunks: [string, string[]][],
  perRequest: number,
  hostsPerRequest: number,
  into: Batch[]
): void {
  let batch: Batch | undefined
  for (const [host, urls] of chunks) {
    for (const url of urls) {
      if (
        !batch ||
        batch.objects.length >= perRequest ||
        (!batch.hosts.has(host) && batch.hosts.size >= hostsPerRequest)
      ) {
        batch = { type, objects: [], hosts: new Map() }
        into.push(batch)
      }
      batch.objects.push(url)
      batch.hosts.set(host, (batch.hosts.get(host) ?? 0) + 1)
    }
  }
}

/** One host's tags a call, each call within the characters and the tags a call may hold. */
function planTagBatches(tags: readonly TagTarget[], limits: PlanLimits): Batch[] {
  const batches: Batch[] = []
  for (const [host, list] of tagsByHost(tags)) {
    let batch: Batch | undefined
    let chars = 0
    for (const tag of list) {
      const add = (batch && batch.objects.length > 0 ? 1 : 0) + tag.length
      if (
        !batch ||
        batch.objects.length >= limits.tagsPerRequest ||
        chars + add > limits.tagCharsPerRequest
      ) {
        batch = { type: 'Tag', objects: [], hosts: new Map([[host, 0]]) }
        batches.push(batch)
        chars = 0
      }
      chars += (batch.objects.length > 0 ? 1 : 0) + tag.length
      batch.objects.push(tag)
      batch.hosts.set(host, batch.objects.length)
    }
  }
  return batches
}

/**
 * Splits deduplicated targets into batches (SPEC 4.2): at most `maxUrlsPerRequest` File or
 * IgnoreParams URLs, 100 directories or 1 regex, and at most 10 hosts a batch; then the tags.
 *
 * Rated URLs go in rounds: round r holds each host's URLs r·rate to (r+1)·rate, so that a batch
 * never holds more of a host than its minute allows, and every host moves on at the same time
 * instead of one host after another. Batches are ordered by round; unrated types go in round 0.
 */
export function planBatches(
  targets: readonly RefreshTarget[],
  tags: readonly TagTarget[],
  limits: PlanLimits
): Batch[] {
  const rounds: Batch[][] = []
  for (const type of BATCH_ORDER) {
    if (type === 'Tag') continue
    const hosts = byHost(targets, type)
    if (hosts.size === 0) continue
    const perRequest = urlsPerRequest(type, limits)
    const rate = isRatedType(type) ? limits.urlRatePerDomain : Infinity
    for (let round = 0; ; round++) {
      const chunks: [string, string[]][] = []
      for (const [host, urls] of hosts) {
        const start = rate === Infinity ? 0 : round * rate
        if (start < urls.length) chunks.push([host, urls.slice(start, start + rate)])
      }
      if (chunks.length === 0) break
      rounds[round] ??= []
      pack(type, chunks, perRequest, limits.hostsPerRequest, rounds[round])
      if (rate === Infinity) break
    }
  }
  const batches: Batch[] = []
  for (const round of rounds) for (const batch of round ?? []) batches.push(batch)
  for (const batch of planTagBatches(tags, limits)) batches.push(batch)
  return batches
}
