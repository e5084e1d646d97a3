import { callWithRetry } from '../api/retry.js'
import { FINISHED_STATUSES, RefreshService, RefreshTask } from '../services/service.js'
import { DEFAULT_RETRY, RetryPolicy } from '../util/backoff.js'
import { Clock } from '../util/clock.js'

export interface WaitResult {
  status: 'complete' | 'failed' | 'timeout'
  /** The last state seen of every object of every task, in task order. */
  tasks: RefreshTask[]
}

export interface WaitOptions {
  service: RefreshService
  clock: Clock
  timeoutMs: number
  log(message: string): void
  retry?: RetryPolicy
}

/** The first poll comes 5 s after the refresh; the gaps grow by half up to 30 s. */
const FIRST_POLL_MS = 5000
const MAX_POLL_MS = 30_000

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

/** A task is finished when the service lists it and every object in it is Complete or Failed. */
function finished(objects: RefreshTask[]): boolean {
  return objects.length > 0 && objects.every((o) => FINISHED_STATUSES.has(o.status))
}

/**
 * Polls the service's task look-up, from about 5 s apart backing off to about 30 s, until every
 * task is Complete or Failed or the timeout runs out.
 */
export async function waitForTasks(
  taskIds: readonly string[],
  options: WaitOptions
): Promise<WaitResult> {
  const { service, clock, log } = options
  const deadline = clock.now() + options.timeoutMs
  // One task may hold many objects; the services list each object as an entry with the task's ID.
  const latest = new Map<string, RefreshTask[]>(taskIds.map((id) => [id, []]))
  let interval = FIRST_POLL_MS
  let polls = 0
  const open = () => [...latest].filter(([, objects]) => !finished(objects)).map(([id]) => id)
  while (open().length > 0) {
    const remaining = deadline - clock.now()
    if (remaining <= 0) break
    await clock.sleep(Math.min(interval, remaining))
    interval = Math.min(MAX_POLL_MS, Math.round(interval * 1.5))
    const ids = open()
    const entries = await callWithRetry(
      () => service.describeTasks(ids),
      clock,
      options.retry ?? DEFAULT_RETRY,
      log
    )
    const byTask = new Map<string, RefreshTask[]>()
    for (const entry of entries) {
      const list = byTask.get(entry.taskId)
      if (list) list.push(entry)
      else byTask.set(entry.taskId, [entry])
    }
    for (const id of ids) {
      const objects = byTask.get(id)
      if (objects) latest.set(id, objects)
    }
    polls++
    log(`Poll ${polls}: ${latest.size - open().length} of ${latest.size} tasks finished.`)
  }
  const tasks = [...latest].flatMap(([id, objects]) =>
    objects.length > 0 ? objects : [pendingTask(id)]
  )
  const status =
    open().length > 0 ? 'timeout' : tasks.some((t) => t.status === 'Failed') ? 'failed' : 'complete'
  return { status, tasks }
}
