import { Clock } from './clock.js'
import { RpcClient } from './dcdn/client.js'
import { RefreshTask, describeRefreshTasks } from './dcdn/operations.js'
import { DCDN_LIMITS } from './limits.js'
import { DEFAULT_RETRY, RetryPolicy, callWithRetry } from './retry.js'

export interface WaitResult {
  status: 'complete' | 'failed' | 'timeout'
  /** The last state seen of every object of every task, in task order. */
  tasks: RefreshTask[]
  polls: number
}

export interface WaitOptions {
  client: RpcClient
  clock: Clock
  timeoutMs: number
  log(message: string): void
  firstPollMs?: number
  maxPollMs?: number
  retry?: RetryPolicy
}

const DONE = new Set(['Complete', 'Failed'])

function pendingTask(taskId: string): RefreshTask {
  return {
    taskId,
    objectPath: '',
    objectType: '',
    status: 'Pending',
    process: '',
    creationTime: '',
    description: ''
  }
}

/** A task is finished when DCDN lists it and every object in it is Complete or Failed. */
function finished(objects: RefreshTask[]): boolean {
  return objects.length > 0 && objects.every((o) => DONE.has(o.status))
}

/**
 * Polls DescribeDcdnRefreshTaskById, 10 IDs a call, from about 5 s apart backing off to about
 * 30 s, until every task is Complete or Failed or the timeout runs out.
 */
export async function waitForTasks(
  taskIds: readonly string[],
  options: WaitOptions
): Promise<WaitResult> {
  const { client, clock, log } = options
  const deadline = clock.now() + options.timeoutMs
  // One task may hold many objects; DCDN lists each object as an entry with the task's ID.
  const latest = new Map<string, RefreshTask[]>(taskIds.map((id) => [id, []]))
  let interval = options.firstPollMs ?? 5000
  const maxInterval = options.maxPollMs ?? 30_000
  let polls = 0
  const open = () => [...latest].filter(([, objects]) => !finished(objects)).map(([id]) => id)
  while (open().length > 0) {
    const remaining = deadline - clock.now()
    if (remaining <= 0) break
    await clock.sleep(Math.min(interval, remaining))
    interval = Math.min(maxInterval, Math.round(interval * 1.5))
    const ids = open()
    for (let i = 0; i < ids.length; i += DCDN_LIMITS.taskIdsPerQuery) {
      const chunk = ids.slice(i, i + DCDN_LIMITS.taskIdsPerQuery)
      const entries = await callWithRetry(
        () => describeRefreshTasks(client, chunk),
        clock,
        options.retry ?? DEFAULT_RETRY,
        log
      )
      for (const id of chunk) {
        const objects = entries.filter((e) => e.taskId === id)
        if (objects.length > 0) latest.set(id, objects)
      }
    }
    polls++
    log(`Poll ${polls}: ${latest.size - open().length} of ${latest.size} tasks finished.`)
  }
  const tasks = [...latest].flatMap(([id, objects]) =>
    objects.length > 0 ? objects : [pendingTask(id)]
  )
  const status =
    open().length > 0 ? 'timeout' : tasks.some((t) => t.status === 'Failed') ? 'failed' : 'complete'
  return { status, tasks, polls }
}
