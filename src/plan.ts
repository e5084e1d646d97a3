import { UserError } from './errors.js'
import { DCDN_LIMITS } from './limits.js'
import { ObjectType, RefreshTarget, hostOf } from './targets.js'

/** One RefreshDcdnObjectCaches call: objects of one type, within every per-request limit. */
export interface Batch {
  type: ObjectType
  urls: string[]
  /** Objects per host in this batch; DCDN limits both the hosts and the objects per host. */
  hosts: Map<string, number>
}

export interface PlanLimits {
  maxUrlsPerRequest: number
  urlRatePerDomain: number
}

export const TYPE_ORDER: readonly ObjectType[] = ['File', 'IgnoreParams', 'Directory', 'Regex']

/** Removes repeated targets of the same type, keeping the first of each in its place. */
export function dedupeTargets(targets: Iterable<RefreshTarget>): RefreshTarget[] {
  const seen = new Set<string>()
  const unique: RefreshTarget[] = []
  for (const target of targets) {
    const key = `${target.type} ${target.url}`
    if (seen.has(key)) continue
    seen.add(key)
    unique.push({ type: target.type, url: target.url })
  }
  return unique
}

export function objectsPerRequest(type: ObjectType, limits: PlanLimits): number {
  switch (type) {
    case 'File':
    case 'IgnoreParams':
      return limits.maxUrlsPerRequest
    case 'Directory':
      return DCDN_LIMITS.directoriesPerRequest
    case 'Regex':
      return DCDN_LIMITS.regexesPerRequest
  }
}

/** Orders URLs host by host (hosts in order of first appearance) so batches stay within 10 hosts. */
function groupByHost(urls: string[]): string[] {
  const byHost = new Map<string, string[]>()
  for (const url of urls) {
    const host = hostOf(url)
    const list = byHost.get(host)
    if (list) list.push(url)
    else byHost.set(host, [url])
  }
  return [...byHost.values()].flat()
}

/**
 * Splits deduplicated targets into batches (SPEC 4.2): at most `maxUrlsPerRequest` File or
 * IgnoreParams URLs, 100 directories or 1 regex, at most 10 hosts, and never more objects of one
 * host than it may take in a minute.
 */
export function planBatches(targets: readonly RefreshTarget[], limits: PlanLimits): Batch[] {
  const batches: Batch[] = []
  for (const type of TYPE_ORDER) {
    const urls = groupByHost(targets.filter((t) => t.type === type).map((t) => t.url))
    const perRequest = objectsPerRequest(type, limits)
    const perHost = Math.min(perRequest, limits.urlRatePerDomain)
    let batch: Batch | undefined
    for (const url of urls) {
      const host = hostOf(url)
      const hostCount = batch?.hosts.get(host) ?? 0
      const full =
        !batch ||
        batch.urls.length >= perRequest ||
        hostCount >= perHost ||
        (hostCount === 0 && batch.hosts.size >= DCDN_LIMITS.hostsPerRequest)
      if (full) {
        batch = { type, urls: [], hosts: new Map() }
        batches.push(batch)
      }
      batch!.urls.push(url)
      batch!.hosts.set(host, (batch!.hosts.get(host) ?? 0) + 1)
    }
  }
  return batches
}

export function countByType(targets: readonly { type: ObjectType }[]): Record<ObjectType, number> {
  const counts: Record<ObjectType, number> = { File: 0, IgnoreParams: 0, Directory: 0, Regex: 0 }
  for (const target of targets) counts[target.type]++
  return counts
}

/** The `max-objects` guard: refuse the whole plan before anything is submitted. */
export function checkPlanSize(targets: readonly RefreshTarget[], maxObjects: number): void {
  if (targets.length > maxObjects) {
    throw new UserError(
      `The plan holds ${targets.length} objects, more than max-objects (${maxObjects}). Nothing was submitted. ` +
        'Narrow the rules, refresh a directory instead, or raise max-objects.'
    )
  }
}

export interface PacingLimits {
  urlRatePerDomain: number
  callsPerSecond?: number
  windowMs?: number
}

/**
 * Tracks what was sent when, and says when the next batch may go: at most `urlRatePerDomain`
 * objects per host in any rolling window, and at most `callsPerSecond` calls in any second.
 */
export class RatePacer {
  private readonly hostLog = new Map<string, { at: number; count: number }[]>()
  private readonly calls: number[] = []
  private readonly rate: number
  private readonly callsPerSecond: number
  private readonly windowMs: number

  constructor(limits: PacingLimits) {
    this.rate = limits.urlRatePerDomain
    this.callsPerSecond = limits.callsPerSecond ?? DCDN_LIMITS.callsPerSecond
    this.windowMs = limits.windowMs ?? DCDN_LIMITS.rateWindowMs
  }

  /** The earliest time, not before `notBefore`, at which `batch` fits every window. */
  earliestStart(batch: Pick<Batch, 'hosts'>, notBefore: number): number {
    let at = notBefore
    // Each pass can only move `at` later, to a time at which some past entry has left its window;
    // there are finitely many entries, so this settles.
    const entries =
      this.calls.length + [...this.hostLog.values()].reduce((n, log) => n + log.length, 0)
    for (let pass = 0; pass <= entries + 1; pass++) {
      const next = Math.max(
        this.callSlot(at),
        ...[...batch.hosts].map(([h, n]) => this.hostSlot(h, n, at))
      )
      if (next === at) return at
      at = next
    }
    return at
  }

  record(batch: Pick<Batch, 'hosts'>, at: number): void {
    this.calls.push(at)
    for (const [host, count] of batch.hosts) {
      const log = this.hostLog.get(host)
      if (log) log.push({ at, count })
      else this.hostLog.set(host, [{ at, count }])
    }
  }

  /** When every object recorded for these hosts has left the window: the server said "full". */
  windowFreesAt(hosts: Iterable<string>, now: number): number {
    let frees = now
    for (const host of hosts) {
      for (const entry of this.hostLog.get(host) ?? [])
        frees = Math.max(frees, entry.at + this.windowMs)
    }
    return frees === now ? now + this.windowMs : frees
  }

  private callSlot(at: number): number {
    const recent = this.calls.filter((t) => t > at - 1000)
    if (recent.length < this.callsPerSecond) return at
    recent.sort((a, b) => a - b)
    return recent[recent.length - this.callsPerSecond] + 1000
  }

  private hostSlot(host: string, count: number, at: number): number {
    const log = (this.hostLog.get(host) ?? []).filter((e) => e.at > at - this.windowMs)
    let used = log.reduce((sum, e) => sum + e.count, 0)
    if (used + count <= this.rate) return at
    for (const entry of log) {
      used -= entry.count
      if (used + count <= this.rate) return entry.at + this.windowMs
    }
    return at
  }
}

/**
 * The pacing schedule as a pure function: the earliest send time of each batch, in order,
 * starting at `start`. The submitter follows the same RatePacer with the real clock.
 */
export function scheduleBatches(
  batches: readonly Batch[],
  start: number,
  limits: PacingLimits
): number[] {
  const pacer = new RatePacer(limits)
  const times: number[] = []
  let previous = start
  for (const batch of batches) {
    const at = pacer.earliestStart(batch, previous)
    pacer.record(batch, at)
    times.push(at)
    previous = at
  }
  return times
}
