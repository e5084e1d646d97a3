import { Batch, isRatedType } from './batches.js'

/** One minute: the window of the per-host URL rate. */
export const RATE_WINDOW_MS = 60_000

export interface PacingLimits {
  urlRatePerDomain: number
  callsPerSecond: number
  windowMs?: number
}

/**
 * The account's calls in any one second. Times only move forward, so entries that have left the
 * window are dropped as soon as they can no longer matter.
 */
export class CallWindow {
  private readonly times: number[] = []
  private head = 0

  constructor(private readonly perSecond: number) {}

  /** The earliest time, not before `at`, at which one more call fits. */
  earliest(at: number): number {
    while (this.head < this.times.length && this.times[this.head] <= at - 1000) this.head++
    const recent = this.times.length - this.head
    if (recent < this.perSecond) return at
    return this.times[this.times.length - this.perSecond] + 1000
  }

  record(at: number): void {
    // Keep the list sorted; calls are recorded in time order, so this is nearly always a push.
    let i = this.times.length
    while (i > this.head && this.times[i - 1] > at) i--
    this.times.splice(i, 0, at)
    if (this.head > 1024) {
      this.times.splice(0, this.head)
      this.head = 0
    }
  }
}

/** Each host's File and IgnoreParams URLs in any rolling window. */
export class HostWindows {
  private readonly log = new Map<string, { at: number; count: number }[]>()

  constructor(
    private readonly rate: number,
    private readonly windowMs: number = RATE_WINDOW_MS
  ) {}

  /** The earliest time, not before `at`, at which `count` more URLs of `host` fit its window. */
  earliest(host: string, count: number, at: number): number {
    const entries = this.prune(host, at)
    let used = 0
    for (const entry of entries) used += entry.count
    if (used + count <= this.rate) return at
    for (const entry of entries) {
      used -= entry.count
      if (used + count <= this.rate) return entry.at + this.windowMs
    }
    return at
  }

  record(host: string, count: number, at: number): void {
    const entries = this.log.get(host)
    if (entries) entries.push({ at, count })
    else this.log.set(host, [{ at, count }])
  }

  /** When every URL recorded for these hosts has left the window: the server said "full". */
  freesAt(hosts: Iterable<string>, now: number): number {
    let frees = now
    for (const host of hosts)
      for (const entry of this.log.get(host) ?? [])
        frees = Math.max(frees, entry.at + this.windowMs)
    return frees === now ? now + this.windowMs : frees
  }

  private prune(host: string, at: number): { at: number; count: number }[] {
    const entries = this.log.get(host) ?? []
    let drop = 0
    while (drop < entries.length && entries[drop].at <= at - this.windowMs) drop++
    if (drop > 0) entries.splice(0, drop)
    return entries
  }
}

/** The hosts of a batch that count against the per-minute rate, with their URL counts. */
export function ratedHosts(batch: Pick<Batch, 'type' | 'hosts'>): [string, number][] {
  return isRatedType(batch.type) ? [...batch.hosts] : []
}

/**
 * Says when the next batch may go: at most `urlRatePerDomain` rated URLs per host in any rolling
 * window, and at most `callsPerSecond` calls in any second.
 */
export class RatePacer {
  readonly calls: CallWindow
  readonly hosts: HostWindows

  constructor(limits: PacingLimits) {
    this.calls = new CallWindow(limits.callsPerSecond)
    this.hosts = new HostWindows(limits.urlRatePerDomain, limits.windowMs)
  }

  /** The earliest time, not before `notBefore`, at which `batch` fits every window. */
  earliestStart(batch: Pick<Batch, 'type' | 'hosts'>, notBefore: number): number {
    const hosts = ratedHosts(batch)
    let at = notBefore
    // Each pass can only move `at` later, to when some entry leaves its window; this settles.
    for (let pass = 0; pass < 10_000; pass++) {
      let next = this.calls.earliest(at)
      for (const [host, count] of hosts) next = Math.max(next, this.hosts.earliest(host, count, at))
      if (next === at) return at
      at = next
    }
    return at
  }

  record(batch: Pick<Batch, 'type' | 'hosts'>, at: number): void {
    this.calls.record(at)
    for (const [host, count] of ratedHosts(batch)) this.hosts.record(host, count, at)
  }
}

/**
 * The pacing schedule as a pure function: the earliest send time of each batch, in order,
 * starting at `start`. The submitter follows the same windows with the real clock.
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
