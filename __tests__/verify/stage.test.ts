// Verifying at the edge, the whole run in-process on a fake clock: the service fakes complete
// their tasks at once, and the fake edge keeps its copies on the same clock.
import { afterEach, describe, expect, it } from '@jest/globals'
import { liveCommands } from '../e2e/harness.js'
import { FakeClock } from '../fakes/clock.js'
import { startFakeEdge } from '../fakes/edge.mjs'
import { runInProcess } from '../fakes/in-process.js'
import { startFakeService } from '../fakes/service.mjs'

const KEY = { id: 'LTAI5tStage', secret: 'stage-Secret' }
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function fakes(product: 'dcdn' | 'cdn' | 'esa', clock: FakeClock, delayMs = 0) {
  const edge = await startFakeEdge({ now: () => clock.now(), delayMs })
  const service = await startFakeService({
    product,
    keys: { [KEY.id]: { secret: KEY.secret } },
    now: () => clock.now(),
    callsPerSecond: 1000,
    onTaskComplete: (task: { type: string; urls: string[] }) => edge.expire(task)
  })
  closers.push(
    () => edge.close(),
    () => service.close()
  )
  return { edge, service }
}

const urls = (n: number) => Array.from({ length: n }, (_, i) => `http://www.example.com/p${i}.html`)

function inputs(service: { url: string }, extra: Record<string, string>) {
  return {
    endpoint: service.url,
    'access-key-id': KEY.id,
    'access-key-secret': KEY.secret,
    verify: 'fail',
    ...extra
  }
}

describe('verify, in-process', () => {
  it('asks at most 8 URLs at a time, and headers decide where no hash is known', async () => {
    const clock = new FakeClock()
    const { edge, service } = await fakes('dcdn', clock, 40)
    for (const url of urls(40)) {
      edge.origin.deploy(url, 'new')
      edge.warm(url, 'old', { ageSeconds: 3600 })
    }
    const run = await runInProcess({
      clock,
      env: { HTTP_PROXY: edge.url },
      inputs: inputs(service, { urls: urls(40).join('\n'), 'verify-max': '40' })
    })
    expect(run.outputs.status).toBe('complete')
    expect(JSON.parse(run.outputs.verified)).toEqual({
      checked: 40,
      fresh: 40,
      stale: 0,
      unknown: 0,
      error: 0
    })
    expect(edge.maxInFlight()).toBe(8)
    // No hash is known without output-dir: the body is never read, so the answers were only headers.
    expect(run.log).not.toMatch(/byte for byte/)
  })

  it('calls a copy stored before the refresh stale by its Age, and holds to verify-max', async () => {
    const clock = new FakeClock()
    const { edge, service } = await fakes('dcdn', clock)
    for (const url of urls(5)) edge.origin.deploy(url, 'new')
    // A node that ignored the refresh: its copy is an hour old, whatever the task said.
    edge.fault(urls(5)[0], 'transform', { age: '3600', 'x-cache': 'HIT TCP_MEM_HIT' })
    const run = await runInProcess({
      clock,
      env: { HTTP_PROXY: edge.url },
      inputs: inputs(service, { urls: urls(5).join('\n'), 'verify-max': '3' })
    })
    expect(run.failed).toBe(true)
    expect(run.outputs.status).toBe('stale')
    expect(JSON.parse(run.outputs.verified)).toMatchObject({ checked: 3, stale: 1, fresh: 2 })
    expect(run.log).toMatch(
      /stale http:\/\/www\.example\.com\/p0\.html: the edge stored it 3600 s ago, before the refresh/
    )
    expect(
      (service.state.accepted as { url: string }[]).filter((a) => a.url === urls(5)[0])
    ).toHaveLength(2)
  })

  it('prints hostile header values inertly and escapes them in the summary', async () => {
    const clock = new FakeClock()
    const { edge, service } = await fakes('dcdn', clock)
    const url = urls(1)[0]
    edge.origin.deploy(url, 'new')
    edge.fault(url, 'transform', {
      age: '9999',
      'x-cache': '::error::boom',
      via: '<img src=x onerror=alert(1)>',
      eagleid: '::add-mask::x'
    })
    const run = await runInProcess({
      clock,
      env: { HTTP_PROXY: edge.url },
      inputs: inputs(service, { urls: url, verify: 'warn' })
    })
    expect(run.log).toContain('X-Cache: ::error::boom')
    expect(liveCommands(run.log).filter((l) => /boom|add-mask::x/.test(l))).toEqual([])
    expect(run.summary).not.toContain('<img')
    expect(run.summary).toContain('&#60;img src=x onerror=alert(1)&#62;')
  })

  it.each(['cdn', 'esa'] as const)('verifies on %s as on DCDN', async (product) => {
    const clock = new FakeClock()
    const { edge, service } = await fakes(product, clock)
    for (const url of urls(3)) {
      edge.origin.deploy(url, 'new')
      edge.warm(url, 'old', { ageSeconds: 600 })
    }
    const run = await runInProcess({
      clock,
      env: { HTTP_PROXY: edge.url },
      inputs: inputs(service, {
        urls: urls(3).join('\n'),
        ...(product === 'esa' ? { service: 'esa', site: '123456789' } : { service: 'cdn' })
      })
    })
    expect(run.outputs.status).toBe('complete')
    expect(JSON.parse(run.outputs.verified)).toEqual({
      checked: 3,
      fresh: 3,
      stale: 0,
      unknown: 0,
      error: 0
    })
  })

  it('verifies nothing when the tasks do not complete in time, and says so', async () => {
    const clock = new FakeClock()
    const edge = await startFakeEdge({ now: () => clock.now() })
    const service = await startFakeService({
      keys: { [KEY.id]: { secret: KEY.secret } },
      now: () => clock.now(),
      pollsToComplete: 1000
    })
    closers.push(
      () => edge.close(),
      () => service.close()
    )
    const run = await runInProcess({
      clock,
      env: { HTTP_PROXY: edge.url },
      inputs: inputs(service, { urls: urls(1)[0], 'wait-timeout': '30' })
    })
    expect(run.outputs.status).toBe('timeout')
    expect(edge.requests).toEqual([])
    expect(run.log).toContain(
      'Nothing was verified: the tasks did not complete within wait-timeout (30 s).'
    )
    expect(run.summary).toContain('Nothing was verified at the edge.')
  })
})
