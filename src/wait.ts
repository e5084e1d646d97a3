import { Clock } from './clock.js'
import { RpcClient } from './dcdn/client.js'
import { RefreshTask, describeRefreshTasks } from './dcdn/operations.js'
import { DCDN_LIMITS } from './limits.js'
import { RetryPolicy, DEFAULT_RETRY } from './retry.js'
import { callWithRetry } from './submit.js'

export interface WaitResult {
  status: 'complete' | 'failed' | 'timeout'
  /** The last state seen of every task, in the order the IDs were given. */
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
  return { taskId, objectPath: '', objectType: '', status: 'Pending', process: '', creationTime: '', description: '' }
}

/**
 * Polls DescribeDcdnRefreshTaskById, 10 IDs a call, from about 5 s apart backing off to about
 * 30 s, until every task is Complete or Failed or the timeout runs out.
 */
export async function waitForTasks(taskIds: readonly string[], options: WaitOptions): Promise<WaitResult> {
  const { client, clock, log } = options
  const deadline = clock.now() + options.timeoutMs
  const latest = new Map(taskIds.map((id) => [id, pendingTask(id)]))
  let interval = options.firstPollMs ?? 5000
  const maxInterval = options.maxPollMs ?? 30_000
  let polls = 0
  const finished = () => [...latest.values()].every((t) => DONE.has(t.status))
  while (!finished()) {
    const remaining = deadline - clock.now()
    if (remaining <= 0) break
    await clock.sleep(Math.min(interval, remaining))
    interval = Math.min(maxInterval, Math.round(interval * 1.5))
    const open = [...latest.values()].filter((t) => !DONE.has(t.status)).map((t) => t.taskId)
    for (let i = 0; i < open.length; i += DCDN_LIMITS.taskIdsPerQuery) {
      const ids = open.slice(i, i + DCDN_LIMITS.taskIdsPerQuery)
      const tasks = await callWithRetry(() => describeRefreshTasks(client, ids), clock, options.retry ?? DEFAULT_RETRY, log)
      for (const task of tasks) if (latest.has(task.taskId)) latest.set(task.taskId, task)
    }
    polls++
    const done = [...latest.values()].filter((t) => DONE.has(t.status)).length
    log(`Poll ${polls}: ${done} of ${latest.size} tasks finished.`)
  }
  const tasks = [...latest.values()]
  const status = !finished() ? 'timeout' : tasks.some((t) => t.status === 'Failed') ? 'failed' : 'complete'
  return { status, tasks, polls }
}
