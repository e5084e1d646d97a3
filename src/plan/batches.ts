import { ObjectType, RefreshTarget, hostOf } from '../targets/target.js'
import { TYPE_ORDER } from './budget.js'

/** One refresh call: objects of one type, within every per-request limit. */
export interface Batch {
  type: ObjectType
  urls: string[]
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
}

/** File and IgnoreParams URLs count against a host's per-minute rate; directories and regexes do not. */
export function isRatedType(type: ObjectType): boolean {
  return type === 'File' || type === 'IgnoreParams'
}

export function objectsPerRequest(type: ObjectType, limits: PlanLimits): number {
  switch (type) {
    case 'File':
    case 'IgnoreParams':
      return limits.maxUrlsPerRequest
    case 'Directory':
      return limits.directoriesPerRequest
    case 'Regex':
      return limits.regexesPerRequest
  }
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
        batch.urls.length >= perRequest ||
        (!batch.hosts.has(host) && batch.hosts.size >= hostsPerRequest)
      ) {
        batch = { type, urls: [], hosts: new Map() }
        into.push(batch)
      }
      batch.urls.push(url)
      batch.hosts.set(host, (batch.hosts.get(host) ?? 0) + 1)
    }
  }
}

/**
 * Splits deduplicated targets into batches (SPEC 4.2): at most `maxUrlsPerRequest` File or
 * IgnoreParams URLs, 100 directories or 1 regex, and at most 10 hosts a batch.
 *
 * Rated URLs go in rounds: round r holds each host's URLs r·rate to (r+1)·rate, so that a batch
 * never holds more of a host than its minute allows, and every host moves on at the same time
 * instead of one host after another. Batches are ordered by round; unrated types go in round 0.
 */
export function planBatches(targets: readonly RefreshTarget[], limits: PlanLimits): Batch[] {
  const rounds: Batch[][] = []
  for (const type of TYPE_ORDER) {
    const hosts = byHost(targets, type)
    if (hosts.size === 0) continue
    const perRequest = objectsPerRequest(type, limits)
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
  return batches
}
