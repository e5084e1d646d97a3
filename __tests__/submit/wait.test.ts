import { describe, expect, it } from '@jest/globals'
import { dcdnService } from '../../src/services/dcdn.js'
import { waitForTasks } from '../../src/submit/wait.js'
import { FakeClock } from '../fakes/clock.js'
import { clientAnswering } from '../fakes/client.js'

/** A DCDN that answers task queries from a script: the status of each task at each poll. */
function scriptedClient(clock: FakeClock, statusAt: (taskId: string, poll: number) => string) {
  const polls = new Map<string, number>()
  const queried: string[][] = []
  const post = async (_url: URL, _headers: Record<string, string>, body: string) => {
    const ids = (new URLSearchParams(body).get('TaskId') ?? '').split(',')
    queried.push(ids)
    const tasks = ids.map((id) => {
      const poll = (polls.get(id) ?? 0) + 1
      polls.set(id, poll)
      return {
        TaskId: id,
        ObjectPath: `https://a.example/${id}`,
        Status: statusAt(id, poll),
        Process: '50%',
        Description: ''
      }
    })
    return {
      status: 200,
      body: JSON.stringify({ RequestId: 'R', TotalCount: tasks.length, Tasks: tasks })
    }
  }
  return { service: dcdnService(clientAnswering(post, clock)), queried }
}

describe('waitForTasks', () => {
  it('starts at about 5 s and backs off to about 30 s', async () => {
    const clock = new FakeClock(0)
    const { service } = scriptedClient(clock, (_id, poll) =>
      poll >= 8 ? 'Complete' : 'Refreshing'
    )
    const result = await waitForTasks(['1'], { service, clock, timeoutMs: 600_000, log: () => {} })
    expect(result.status).toBe('complete')
    expect(clock.sleeps).toEqual([5000, 7500, 11250, 16875, 25313, 30000, 30000, 30000])
  })

  it('stops asking about finished tasks and queries 10 IDs at a time', async () => {
    const clock = new FakeClock(0)
    const ids = Array.from({ length: 12 }, (_, i) => String(i))
    const { service, queried } = scriptedClient(clock, (id, poll) =>
      Number(id) < 11 || poll >= 2 ? 'Complete' : 'Pending'
    )
    const result = await waitForTasks(ids, { service, clock, timeoutMs: 600_000, log: () => {} })
    expect(result.status).toBe('complete')
    expect(queried.map((q) => q.length)).toEqual([10, 2, 1])
  })

  it('ends at the timeout with the last state seen', async () => {
    const clock = new FakeClock(0)
    const { service } = scriptedClient(clock, () => 'Refreshing')
    const result = await waitForTasks(['1'], { service, clock, timeoutMs: 20_000, log: () => {} })
    expect(result.status).toBe('timeout')
    expect(clock.now()).toBe(20_000)
    expect(result.tasks[0].status).toBe('Refreshing')
  })

  it('reports failed when any object failed', async () => {
    const clock = new FakeClock(0)
    const { service } = scriptedClient(clock, (id) => (id === '2' ? 'Failed' : 'Complete'))
    const result = await waitForTasks(['1', '2'], {
      service,
      clock,
      timeoutMs: 60_000,
      log: () => {}
    })
    expect(result.status).toBe('failed')
  })
})
