// The whole action in-process: run() with its own environment, the loopback fakes and a fake
// clock, so that minutes of pacing and polling take no real time.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { FakeClock } from './fakes/clock.js'
import { startFakeDcdn } from './fakes/dcdn-server.mjs'
import { startFakeService } from './fakes/service.mjs'
import { Repos } from './fakes/git-repos.js'
import { runInProcess } from './fakes/in-process.js'

type Fake = Awaited<ReturnType<typeof startFakeDcdn>>
const KEY = { id: 'LTAI5tInProcess', secret: 'in-process-Secret+/=' }

let fake: Fake | undefined
const repos: Repos[] = []
afterEach(async () => {
  await fake?.close()
  fake = undefined
})
afterAll(() => repos.forEach((r) => r.cleanup()))

async function start(clock: FakeClock, options: Parameters<typeof startFakeDcdn>[0] = {}) {
  fake = await startFakeDcdn({
    keys: { [KEY.id]: { secret: KEY.secret } },
    now: () => clock.now(),
    ...options
  })
  return fake
}

const keys = (server: Fake) => ({
  endpoint: server.url,
  'access-key-id': KEY.id,
  'access-key-secret': KEY.secret
})
const refreshCalls = (server: Fake) =>
  (server.state.calls as { action?: string; status?: number; time: number }[]).filter(
    (c) => c.action === 'RefreshDcdnObjectCaches'
  )

describe('run() in-process', () => {
  it('refreshes the URLs of a push from the checkout, and reports them', async () => {
    const repo = new Repos()
    repos.push(repo)
    const base = repo.commit('one', [{ write: 'public/a.html' }, { write: 'public/b.html' }])
    repo.push()
    const head = repo.commit('two', [
      { write: 'public/a.html', content: 'new' },
      { remove: 'public/b.html' }
    ])
    repo.push()
    const workspace = repo.checkout(head)
    const clock = new FakeClock()
    const server = await start(clock)
    const run = await runInProcess({
      clock,
      eventName: 'push',
      event: repo.pushEvent(base, head),
      env: { GITHUB_WORKSPACE: workspace },
      inputs: { ...keys(server), rules: 'public/** => https://www.example.com/{path}' }
    })
    expect(run.failed).toBe(false)
    expect(server.state.accepted).toEqual([
      { type: 'File', url: 'https://www.example.com/a.html' },
      { type: 'File', url: 'https://www.example.com/b.html' }
    ])
    expect(run.outputs.status).toBe('submitted')
    expect(JSON.parse(run.outputs.urls)).toEqual([
      'https://www.example.com/a.html',
      'https://www.example.com/b.html'
    ])
    expect(run.outputs['task-ids']).toMatch(/^\d+$/)
    expect(run.summary).toContain('<b>Changes:</b> 2 changed files from local git')
    const shown = run.log.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    expect(shown.join('\n')).not.toContain(KEY.secret)
  })

  it('paces 2,500 URLs of one host over two virtual minutes, waiting no longer', async () => {
    const clock = new FakeClock()
    const server = await start(clock, { urlRatePerDomain: 1000 })
    const urls = Array.from({ length: 2500 }, (_, i) => `https://www.example.com/p${i}.html`)
    const started = clock.now()
    const run = await runInProcess({
      clock,
      inputs: { ...keys(server), urls: urls.join('\n') }
    })
    expect(run.failed).toBe(false)
    const calls = refreshCalls(server)
    expect(calls.map((c) => c.status)).toEqual([200, 200, 200])
    expect(calls.map((c) => c.time - started)).toEqual([0, 60_000, 120_000])
    expect(clock.sleeps.filter((ms) => ms >= 1000)).toEqual([60_000, 60_000])
    expect(server.state.accepted).toHaveLength(2500)
  })

  it('keeps what was submitted when a later stage fails for good', async () => {
    const clock = new FakeClock()
    const server = await start(clock)
    server.inject({
      kind: 'Forbidden.RAM',
      status: 403,
      action: 'DescribeDcdnRefreshTaskById',
      message: 'User not authorized to operate on the specified resource.'
    })
    const run = await runInProcess({
      clock,
      inputs: { ...keys(server), urls: 'https://www.example.com/a.html', wait: 'true' }
    })
    expect(run.failed).toBe(true)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs['task-ids']).toMatch(/^\d+$/)
    expect(run.outputs.count).toBe('1')
    expect(run.summary).toContain('Forbidden.RAM')
    expect(run.summary).toMatch(/<td>accepted<\/td>/)
    expect(run.log).toMatch(/::error::Forbidden\.RAM: User not authorized/)
    // The wait's group is closed although the wait threw.
    expect(run.log).toMatch(/::group::Waiting up to 600 s for 1 task[\s\S]*::endgroup::/)
  })

  it('refuses a plan that cannot fit without sending any refresh', async () => {
    const clock = new FakeClock()
    const server = await start(clock, { quota: { File: 10, Directory: 0 } })
    const urls = Array.from({ length: 20 }, (_, i) => `https://www.example.com/d${i}/p.html`)
    const run = await runInProcess({
      clock,
      inputs: { ...keys(server), urls: urls.join('\n') }
    })
    expect(run.failed).toBe(true)
    expect(refreshCalls(server)).toHaveLength(0)
    expect(run.log).toMatch(
      /- URLs: 20 changed, 10 may be refreshed one by one%0A- directories: at least 1 needed \(0 given\), 0 remain/
    )
    expect(run.outputs.status).toBe('failed')
  })

  it('waits on ESA for tasks that are not listed yet, counting them as pending', async () => {
    const clock = new FakeClock()
    const server = await startFakeService({
      product: 'esa',
      keys: { [KEY.id]: { secret: KEY.secret } },
      now: () => clock.now(),
      listAfterPolls: 3,
      pollsToComplete: 2
    })
    fake = server
    const run = await runInProcess({
      clock,
      inputs: {
        ...keys(server),
        service: 'esa',
        site: 'example.com',
        urls: 'https://www.example.com/a.html\nhttps://www.example.com/b.html',
        wait: 'true'
      }
    })
    expect(run.failed).toBe(false)
    expect(run.outputs.status).toBe('complete')
    const lookups = (
      server.state.calls as { action?: string; params?: Record<string, string> }[]
    ).filter((c) => c.action === 'DescribePurgeTasks')
    expect(lookups.length).toBe(4)
    expect(run.log).toMatch(/Poll 2: 0 of 1 tasks finished/)
    expect(run.summary).toContain('<tr><td>Complete</td><td>1</td><td>2</td></tr>')
  })
})
