import { CallShape, RpcClient } from '../api/client.js'
import { isoSeconds } from '../api/sign.js'
import { Clock } from '../util/clock.js'
import { UserError } from '../util/errors.js'
import { Quota, QuotaKind } from '../plan/budget.js'
import { BatchType } from '../plan/batches.js'
import { refreshLoad } from '../plan/pacing.js'
import { ObjectType } from '../targets/target.js'
import { SERVICE_LIMITS } from './limits.js'
import { RefreshService, RefreshTask, SubmitResult, quotaNumber, text } from './service.js'

// ESA (Edge Security Acceleration), SPEC 6.7: every parameter in the query, as the official SDK
// sends it; purges and prefetches by POST, look-ups by GET.
const POST: CallShape = { method: 'POST', placement: 'query' }
const GET: CallShape = { method: 'GET', placement: 'query' }

/** ESA's purge types and the key of the Content JSON that holds the objects of each. */
const PURGE_TYPES: Partial<Record<BatchType, { type: string; content: string }>> = {
  File: { type: 'file', content: 'Files' },
  Directory: { type: 'directory', content: 'Directories' },
  IgnoreParams: { type: 'ignoreParams', content: 'IgnoreParams' },
  Tag: { type: 'cachetag', content: 'CacheTags' }
}

const TASKS_PER_PAGE = 50
/** Pages of DescribePurgeTasks read at most in one look-up: 10,000 entries. */
const MAX_TASK_PAGES = 200
/** Room on both sides of the task window for clocks that disagree. */
const WINDOW_MARGIN_MS = 5 * 60_000

/**
 * A numeric `site` is its ID, kept as its exact decimal text (IDs pass 2^53); a name is looked
 * up with ListSites (exact match).
 */
async function resolveSiteId(client: RpcClient, site: string): Promise<string> {
  if (/^\d+$/.test(site)) return site
  const answer = await client.call<{ Sites?: unknown }>(
    'ListSites',
    { SiteName: site, SiteSearchType: 'exact', PageNumber: '1', PageSize: '50' },
    GET
  )
  const sites = Array.isArray(answer.Sites) ? (answer.Sites as Record<string, unknown>[]) : []
  const match = sites.find((s) => text(s.SiteName).toLowerCase() === site.toLowerCase())
  const id = text(match?.SiteId)
  if (!match || !/^\d+$/.test(id)) {
    throw new UserError(
      `Input 'site': ESA has no site named '${site}' in this account (ListSites, RequestId ${text(answer.RequestId)}). ` +
        'Give the exact site name as the ESA console shows it, or its numeric site ID.'
    )
  }
  return id
}

class EsaService implements RefreshService {
  readonly limits = SERVICE_LIMITS.esa
  /** When the first purge of this run was sent: the task look-up window starts there. */
  private firstPurgeAt: number | undefined

  constructor(
    private readonly client: RpcClient,
    private readonly siteId: string,
    private readonly clock: Clock
  ) {}

  private async purge(
    type: BatchType,
    objects: readonly string[],
    force: boolean
  ): Promise<SubmitResult> {
    const purge = PURGE_TYPES[type]
    if (!purge) throw new UserError(`ESA cannot refresh objects of type ${type}.`)
    const params: Record<string, string> = {
      SiteId: this.siteId,
      Type: purge.type,
      Content: JSON.stringify({ [purge.content]: objects })
    }
    if (type !== 'File') params.Force = force ? 'true' : 'false'
    this.firstPurgeAt ??= this.clock.now()
    const answer = await this.client.call<{ TaskId?: unknown }>(
      'PurgeCaches',
      params,
      POST,
      refreshLoad(type, objects)
    )
    const taskId = text(answer.TaskId)
    return { requestId: text(answer.RequestId), taskIds: taskId ? [taskId] : [] }
  }

  refresh(type: ObjectType, urls: readonly string[], force: boolean): Promise<SubmitResult> {
    return this.purge(type, urls, force)
  }

  /** Tags are site-wide on ESA: the host is not sent. */
  refreshTags(_host: string, tags: readonly string[], force: boolean): Promise<SubmitResult> {
    return this.purge('Tag', tags, force)
  }

  /** GetPurgeQuota for each kind asked for; ESA has no regex purge and no prefetch quota. */
  async readQuota(kinds: readonly QuotaKind[]): Promise<Quota> {
    const quota = { Regex: 0, Preload: Infinity } as Quota['quota']
    const remain = { Regex: 0, Preload: Infinity } as Quota['remain']
    for (const [kind, purge] of Object.entries(PURGE_TYPES) as [BatchType, { type: string }][]) {
      if (!kinds.includes(kind)) {
        quota[kind] = NaN
        remain[kind] = NaN
        continue
      }
      const answer = await this.client.call<{ Quota?: unknown; Usage?: unknown }>(
        'GetPurgeQuota',
        { SiteId: this.siteId, Type: purge.type },
        GET
      )
      quota[kind] = quotaNumber(answer.Quota)
      remain[kind] = quota[kind] - quotaNumber(answer.Usage)
    }
    return { quota, remain }
  }

  async describeTasks(taskIds: readonly string[]): Promise<RefreshTask[]> {
    const wanted = new Set(taskIds)
    const now = this.clock.now()
    const start = (this.firstPurgeAt ?? now) - WINDOW_MARGIN_MS
    const tasks: RefreshTask[] = []
    for (let page = 1; page <= MAX_TASK_PAGES; page++) {
      const answer = await this.client.call<{ Tasks?: unknown; TotalCount?: unknown }>(
        'DescribePurgeTasks',
        {
          SiteId: this.siteId,
          StartTime: isoSeconds(start),
          EndTime: isoSeconds(now + WINDOW_MARGIN_MS),
          PageNumber: String(page),
          PageSize: String(TASKS_PER_PAGE)
        },
        GET
      )
      const entries = Array.isArray(answer.Tasks) ? (answer.Tasks as Record<string, unknown>[]) : []
      for (const t of entries) {
        if (!wanted.has(text(t.TaskId))) continue
        tasks.push({
          taskId: text(t.TaskId),
          objectPath: text(t.Content),
          objectType: text(t.Type),
          status: text(t.Status),
          process: text(t.Process),
          creationTime: text(t.CreateTime),
          description: text(t.Description)
        })
      }
      const total = Number(answer.TotalCount)
      if (
        entries.length < TASKS_PER_PAGE ||
        (Number.isFinite(total) && page * TASKS_PER_PAGE >= total)
      )
        break
    }
    return tasks
  }

  async preload(urls: readonly string[]): Promise<SubmitResult> {
    const answer = await this.client.call<{ TaskId?: unknown }>(
      'PreloadCaches',
      { SiteId: this.siteId, Content: JSON.stringify(urls) },
      POST
    )
    const taskId = text(answer.TaskId)
    return { requestId: text(answer.RequestId), taskIds: taskId ? [taskId] : [] }
  }
}

/** ESA for one site, its ID resolved first. */
export async function esaService(
  client: RpcClient,
  site: string,
  clock: Clock
): Promise<RefreshService> {
  return new EsaService(client, await resolveSiteId(client, site), clock)
}
