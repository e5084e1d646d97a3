import { hostOf } from '../targets/target.js'
import { BatchType, isRatedType } from './batches.js'

// The one pacing model of a run (SPEC 4.2 item 3): every call of the account in any second, each
// host's File and IgnoreParams URLs in any rolling minute, and prefetch calls in any second where
// the service allows fewer of them. The real run and the dry run both ask it, through the same
// call gate (src/submit/gate.ts); times are given, never read, so it stays pure.

const SECOND_MS = 1000
const MINUTE_MS = 60_000

export interface PacingLimits {
  callsPerSecond: number
  urlRatePerDomain: number
  /** Prefetch calls in any second. */
  preloadCallsPerSecond: number
}

/** What one call counts against, besides the account's calls per second. */
export interface CallLoad {
  /** The rated URLs of each host that the call carries. */
  urlsPerHost?: ReadonlyMap<string, number>
  /** The call is a prefetch. */
  preload?: boolean
}

/** Why a call has to wait: the window that held it back. */
export type PaceReason = 'calls per second' | 'URLs per domain per minute' | 'prefetches per second'

/**
 * Counts in a rolling window: at most `limit` within any `spanMs`. Asking never changes it;
 * recording forgets what has left the window by then (records come in time order).
 */
class RollingWindow {
  private readonly entries: { at: number; count: number }[] = []

  constructor(
    private readonly limit: number,
    private readonly spanMs: number
  ) {}

  /** The earliest time, not before `at`, at which `count` more fit. */
  earliest(count: number, at: number): number {
    const live = this.entries.filter((entry) => entry.at > at - this.spanMs)
    let used = 0
    for (const entry of live) used += entry.count
    if (used + count <= this.limit) return at
    for (const entry of live) {
      used -= entry.count
      if (used + count <= this.limit) return entry.at + this.spanMs
    }
    // More than the limit in one call: it goes once the window is empty.
    return live.length > 0 ? live[live.length - 1].at + this.spanMs : at
  }

  record(count: number, at: number): void {
    this.prune(at)
    let i = this.entries.length
    while (i > 0 && this.entries[i - 1].at > at) i--
    this.entries.splice(i, 0, { at, count })
  }

  /** When everything recorded so far has left the window. */
  emptyAt(now: number): number {
    const last = this.entries[this.entries.length - 1]
    return last ? Math.max(now, last.at + this.spanMs) : now
  }

  private prune(at: number): void {
    let drop = 0
    while (drop < this.entries.length && this.entries[drop].at <= at - this.spanMs) drop++
    if (drop > 0) this.entries.splice(0, drop)
  }
}

/** The load of a refresh call: the rated URLs of each host, for File and IgnoreParams. */
export function refreshLoad(type: BatchType, objects: readonly string[]): CallLoad {
  if (!isRatedType(type)) return {}
  const urlsPerHost = new Map<string, number>()
  for (const url of objects) {
    const host = hostOf(url)
    urlsPerHost.set(host, (urlsPerHost.get(host) ?? 0) + 1)
  }
  return { urlsPerHost }
}

export class Pacer {
  private readonly calls: RollingWindow
  private readonly preloads: RollingWindow
  private readonly hosts = new Map<string, RollingWindow>()

  constructor(private readonly limits: PacingLimits) {
    this.calls = new RollingWindow(limits.callsPerSecond, SECOND_MS)
    this.preloads = new RollingWindow(limits.preloadCallsPerSecond, SECOND_MS)
  }

  /**
   * The earliest time, not before `at`, at which a call with this load fits every window it
   * counts against, and the window that held it back longest.
   */
  earliest(load: CallLoad, at: number): { at: number; reason?: PaceReason } {
    let time = at
    let reason: PaceReason | undefined
    // Each pass can only move the time later, to when some entry leaves its window: this settles.
    for (let pass = 0; pass < 10_000; pass++) {
      let next = time
      const hold = (until: number, why: PaceReason) => {
        if (until > next) {
          next = until
          reason = why
        }
      }
      hold(this.calls.earliest(1, time), 'calls per second')
      if (load.preload) hold(this.preloads.earliest(1, time), 'prefetches per second')
      for (const [host, count] of load.urlsPerHost ?? [])
        hold(this.host(host).earliest(count, time), 'URLs per domain per minute')
      if (next === time) break
      time = next
    }
    return { at: time, reason }
  }

  /** Records a call that the service has answered at `at`: it counted it somewhere before then. */
  record(load: CallLoad, at: number): void {
    this.calls.record(1, at)
    if (load.preload) this.preloads.record(1, at)
    for (const [host, count] of load.urlsPerHost ?? []) this.host(host).record(count, at)
  }

  /** When every URL recorded for these hosts has left its minute: for a service that says "full". */
  hostsFreeAt(hosts: Iterable<string>, now: number): number {
    let free = now
    for (const host of hosts) free = Math.max(free, this.host(host).emptyAt(now))
    return free === now ? now + MINUTE_MS : free
  }

  private host(name: string): RollingWindow {
    let window = this.hosts.get(name)
    if (!window) {
      window = new RollingWindow(this.limits.urlRatePerDomain, MINUTE_MS)
      this.hosts.set(name, window)
    }
    return window
  }
}
