import { ObjectType } from '../targets.js'
import { RpcClient } from './client.js'

export interface RefreshResult {
  requestId: string
  /** RefreshTaskId split out of its comma list. */
  taskIds: string[]
}

export function splitIds(value: unknown): string[] {
  if (typeof value === 'number') return [String(value)]
  if (typeof value !== 'string') return []
  return value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
}

export async function refreshObjectCaches(
  client: RpcClient,
  type: ObjectType,
  urls: readonly string[],
  force: boolean
): Promise<RefreshResult> {
  const params: Record<string, string> = { ObjectPath: urls.join('\n'), ObjectType: type }
  // DCDN documents Force for directory refreshes only.
  if (type === 'Directory') params.Force = force ? 'true' : 'false'
  const answer = await client.call<{ RefreshTaskId?: string }>('RefreshDcdnObjectCaches', params)
  return { requestId: answer.RequestId ?? '', taskIds: splitIds(answer.RefreshTaskId) }
}

/** Today's quota and what remains, per kind; DCDN sends every figure as a string. */
export interface RefreshQuota {
  requestId: string
  quota: Record<ObjectType | 'Preload', number>
  remain: Record<ObjectType | 'Preload', number>
}

const QUOTA_FIELDS: Record<ObjectType | 'Preload', string> = {
  File: 'Url',
  Directory: 'Dir',
  Regex: 'Regex',
  IgnoreParams: 'IgnoreParams',
  Preload: 'Preload'
}

function quotaNumber(value: unknown): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN
  return Number.isFinite(n) ? n : NaN
}

export async function describeRefreshQuota(client: RpcClient): Promise<RefreshQuota> {
  const answer = await client.call<Record<string, unknown>>('DescribeDcdnRefreshQuota')
  const quota = {} as RefreshQuota['quota']
  const remain = {} as RefreshQuota['remain']
  for (const [kind, field] of Object.entries(QUOTA_FIELDS) as [ObjectType | 'Preload', string][]) {
    quota[kind] = quotaNumber(answer[`${field}Quota`])
    remain[kind] = quotaNumber(answer[`${field}Remain`])
  }
  return { requestId: answer.RequestId, quota, remain }
}

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

export async function describeRefreshTasks(
  client: RpcClient,
  taskIds: readonly string[]
): Promise<RefreshTask[]> {
  const answer = await client.call<{ Tasks?: unknown }>('DescribeDcdnRefreshTaskById', {
    TaskId: taskIds.join(',')
  })
  // The documented shape is a plain array; older answers wrap it as {Task: [...]}.
  const raw = answer.Tasks as unknown
  const list: unknown[] = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object' && Array.isArray((raw as { Task?: unknown }).Task)
      ? (raw as { Task: unknown[] }).Task
      : []
  return list.map((item) => {
    const t = (item ?? {}) as Record<string, unknown>
    const text = (v: unknown) => (v === undefined || v === null ? '' : String(v))
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

export async function preloadObjectCaches(
  client: RpcClient,
  urls: readonly string[],
  area: '' | 'domestic' | 'overseas'
): Promise<RefreshResult> {
  const params: Record<string, string> = { ObjectPath: urls.join('\n') }
  if (area) params.Area = area
  const answer = await client.call<{ PreloadTaskId?: string }>('PreloadDcdnObjectCaches', params)
  return { requestId: answer.RequestId ?? '', taskIds: splitIds(answer.PreloadTaskId) }
}
