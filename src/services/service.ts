import { Quota, QuotaKind } from '../plan/budget.js'
import { ObjectType } from '../targets/target.js'

/** What one Alibaba Cloud service allows; the planner and the submitter read it as data. */
export interface ServiceLimits {
  /** How the service is named to the user: DCDN, CDN or ESA. */
  name: string
  /** The object types it refreshes; a target of another type is an input error. */
  types: readonly ObjectType[]
  /** File or IgnoreParams URLs in one refresh call. */
  urlsPerRequest: number
  directoriesPerRequest: number
  regexesPerRequest: number
  hostsPerRequest: number
  /** Characters of comma-separated tags in one call; tags in one call. */
  tagCharsPerRequest: number
  tagsPerRequest: number
  /** Whether tags belong to a domain (DCDN, CDN) or to the whole site (ESA). */
  tagsPerHost: boolean
  /** URLs per host per rolling minute, the default of `url-rate-per-domain`. */
  defaultUrlRatePerDomain: number
  /** Every call of the account, of every kind, in any one second. */
  callsPerSecond: number
  /** Prefetch calls in any one second, when lower than `callsPerSecond`. */
  preloadCallsPerSecond: number
  preloadUrlsPerRequest: number
  /** Whether `preload-area` means anything to it. */
  preloadArea: boolean
}

/** The result of one refresh or prefetch call. */
export interface SubmitResult {
  requestId: string
  taskIds: string[]
}

/** One object of a refresh task, as the service last reported it. */
export interface RefreshTask {
  taskId: string
  objectPath: string
  objectType: string
  /** Complete, Pending, Refreshing or Failed. */
  status: string
  process: string
  creationTime: string
  description: string
}

/** The task states after which nothing changes. */
export const FINISHED_STATUSES: ReadonlySet<string> = new Set(['Complete', 'Failed'])

/**
 * The submit stage's one view of Alibaba Cloud: DCDN, classic CDN and ESA each implement it, and
 * nothing above it knows which one it talks to.
 */
export interface RefreshService {
  readonly limits: ServiceLimits
  refresh(type: ObjectType, urls: readonly string[], force: boolean): Promise<SubmitResult>
  /** Refreshes cache tags: one host's (empty on ESA, where tags are site-wide). */
  refreshTags(host: string, tags: readonly string[], force: boolean): Promise<SubmitResult>
  /** Today's quota of the kinds asked for; the others may be left out (NaN). */
  readQuota(kinds: readonly QuotaKind[]): Promise<Quota>
  /** Every object of the given tasks that the service lists; a task not listed is still pending. */
  describeTasks(taskIds: readonly string[]): Promise<RefreshTask[]>
  preload(urls: readonly string[], area: '' | 'domestic' | 'overseas'): Promise<SubmitResult>
}

export function splitIds(value: unknown): string[] {
  if (typeof value === 'number') return [String(value)]
  if (typeof value !== 'string') return []
  return value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
}

/** A quota figure: the services send them as strings. NaN when missing or unreadable. */
export function quotaNumber(value: unknown): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN
  return Number.isFinite(n) ? n : NaN
}

export const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v))
