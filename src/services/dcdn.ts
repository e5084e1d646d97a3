import { CallShape, RpcClient } from '../api/client.js'
import { Quota, QuotaKind } from '../plan/budget.js'
import { refreshLoad } from '../plan/pacing.js'
import { ObjectType } from '../targets/target.js'
import { SERVICE_LIMITS, TASK_IDS_PER_QUERY } from './limits.js'
import {
  RefreshService,
  RefreshTask,
  ServiceLimits,
  SubmitResult,
  quotaNumber,
  splitIds,
  text
} from './service.js'

// DCDN and classic CDN speak the same API under different names (SPEC 6.1, 6.7). Each call is
// sent where the SPEC says: DCDN documents POST with the parameters as a form, and its official
// SDK sends the same parameters in the query instead, which the service takes too; classic CDN
// and every tag operation take the query, as their official SDKs send them.

/** DCDN and classic CDN speak the same API under different names. */
interface Operations {
  refresh: string
  tags: string
  quota: string
  tasks: string
  preload: string
  /** The field of the prefetch answer that holds its task ID. */
  preloadTaskField: string
  refreshShape: CallShape
  tasksShape: CallShape
  preloadShape: CallShape
}

const FORM: CallShape = { method: 'POST', placement: 'body' }
const QUERY: CallShape = { method: 'POST', placement: 'query' }

const DCDN_OPERATIONS: Operations = {
  refresh: 'RefreshDcdnObjectCaches',
  tags: 'RefreshDcdnObjectCacheByCacheTag',
  quota: 'DescribeDcdnRefreshQuota',
  tasks: 'DescribeDcdnRefreshTaskById',
  preload: 'PreloadDcdnObjectCaches',
  preloadTaskField: 'PreloadTaskId',
  refreshShape: FORM,
  tasksShape: FORM,
  preloadShape: FORM
}

const CDN_OPERATIONS: Operations = {
  refresh: 'RefreshObjectCaches',
  tags: 'RefreshObjectCacheByCacheTag',
  quota: 'DescribeRefreshQuota',
  tasks: 'DescribeRefreshTaskById',
  preload: 'PushObjectCache',
  preloadTaskField: 'PushTaskId',
  refreshShape: FORM,
  tasksShape: QUERY,
  preloadShape: QUERY
}

/** The quota fields of each kind; tags have none (no tag quota is published). */
const QUOTA_FIELDS: Partial<Record<QuotaKind, string>> = {
  File: 'Url',
  Directory: 'Dir',
  Regex: 'Regex',
  IgnoreParams: 'IgnoreParams',
  Preload: 'Preload'
}

/** Reads `<Field>Quota` and `<Field>Remain` of every kind; the services send them as strings. */
function parseRefreshQuota(answer: Record<string, unknown>): Quota {
  const quota = { Tag: Infinity } as Quota['quota']
  const remain = { Tag: Infinity } as Quota['remain']
  for (const [kind, field] of Object.entries(QUOTA_FIELDS) as [QuotaKind, string][]) {
    quota[kind] = quotaNumber(answer[`${field}Quota`])
    remain[kind] = quotaNumber(answer[`${field}Remain`])
  }
  return { quota, remain }
}

/** The task list of DescribeDcdnRefreshTaskById and DescribeRefreshTaskById. */
function parseTasks(raw: unknown): RefreshTask[] {
  // The documented shape is a plain array; older answers wrap it as {Task: [...]}.
  const list: unknown[] = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object' && Array.isArray((raw as { Task?: unknown }).Task)
      ? (raw as { Task: unknown[] }).Task
      : []
  return list.map((item) => {
    const t = (item ?? {}) as Record<string, unknown>
    return {
      taskId: text(t.TaskId),
      objectPath: text(t.ObjectPath),
      objectType: text(t.ObjectType),
      status: text(t.Status),
      process: text(t.Process),
      creationTime: text(t.CreationTime),
      description: text(t.Description)
    }
  })
}

class RefreshApi implements RefreshService {
  constructor(
    private readonly client: RpcClient,
    private readonly ops: Operations,
    readonly limits: ServiceLimits
  ) {}

  async refresh(type: ObjectType, urls: readonly string[], force: boolean): Promise<SubmitResult> {
    const params: Record<string, string> = { ObjectPath: urls.join('\n'), ObjectType: type }
    // Force is documented for directory refreshes only.
    if (type === 'Directory') params.Force = force ? 'true' : 'false'
    const answer = await this.client.call<{ RefreshTaskId?: unknown }>(
      this.ops.refresh,
      params,
      this.ops.refreshShape,
      refreshLoad(type, urls)
    )
    return { requestId: text(answer.RequestId), taskIds: splitIds(answer.RefreshTaskId) }
  }

  async refreshTags(host: string, tags: readonly string[], force: boolean): Promise<SubmitResult> {
    const answer = await this.client.call<{ RefreshTaskId?: unknown }>(
      this.ops.tags,
      { DomainName: host, CacheTag: tags.join(','), Force: force ? 'true' : 'false' },
      QUERY
    )
    return { requestId: text(answer.RequestId), taskIds: splitIds(answer.RefreshTaskId) }
  }

  async readQuota(): Promise<Quota> {
    return parseRefreshQuota(await this.client.call<Record<string, unknown>>(this.ops.quota))
  }

  async describeTasks(taskIds: readonly string[]): Promise<RefreshTask[]> {
    const tasks: RefreshTask[] = []
    for (let i = 0; i < taskIds.length; i += TASK_IDS_PER_QUERY) {
      const chunk = taskIds.slice(i, i + TASK_IDS_PER_QUERY)
      const answer = await this.client.call<{ Tasks?: unknown }>(
        this.ops.tasks,
        { TaskId: chunk.join(',') },
        this.ops.tasksShape
      )
      for (const task of parseTasks(answer.Tasks)) tasks.push(task)
    }
    return tasks
  }

  async preload(
    urls: readonly string[],
    area: '' | 'domestic' | 'overseas'
  ): Promise<SubmitResult> {
    const params: Record<string, string> = { ObjectPath: urls.join('\n') }
    if (area) params.Area = area
    const answer = await this.client.call<Record<string, unknown>>(
      this.ops.preload,
      params,
      this.ops.preloadShape,
      { preload: true }
    )
    return {
      requestId: text(answer.RequestId),
      taskIds: splitIds(answer[this.ops.preloadTaskField])
    }
  }
}

/** DCDN (SPEC 6.1). */
export function dcdnService(client: RpcClient): RefreshService {
  return new RefreshApi(client, DCDN_OPERATIONS, SERVICE_LIMITS.dcdn)
}

/** Classic Alibaba Cloud CDN (SPEC 6.7). */
export function cdnService(client: RpcClient): RefreshService {
  return new RefreshApi(client, CDN_OPERATIONS, SERVICE_LIMITS.cdn)
}
