// Classic CDN and ESA through the bundle (issue 12): the same rules, plan and reports, with each
// service's own operations, parameter shapes, limits and pacing, against fakes that verify the
// signatures and take only what the official SDKs send.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startFakeService } from '../fakes/service.mjs'
import { ActionRun, errorLines, runAction, visibleOutput } from './harness.js'

type Fake = Awaited<ReturnType<typeof startFakeService>>
type Service = 'cdn' | 'esa'
const KEY = { id: 'LTAI5tServices', secret: 'services-Secret/+=' }
const STS = { id: 'STS.Services', secret: 'sts-services-Secret', token: 'CAIS+services/Token=' }

let fake: Fake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

/** SPEC 6.7: pace every call of classic CDN at 20 a second, and of ESA at 10. */
const SPEC_CALLS_PER_SECOND: Record<Service, number> = { cdn: 20, esa: 10 }

async function start(service: Service, options: Parameters<typeof startFakeService>[0] = {}) {
  fake = await startFakeService({
    product: service,
    callsPerSecond: SPEC_CALLS_PER_SECOND[service],
    keys: { [KEY.id]: { secret: KEY.secret }, [STS.id]: { secret: STS.secret, token: STS.token } },
    urlRatePerDomain: 100_000,
    ...options
  })
  return fake
}

function inputs(service: Service, server: Fake, extra: Record<string, string> = {}) {
  return {
    service,
    ...(service === 'esa' ? { site: 'example.com' } : {}),
    endpoint: server.url,
    'access-key-id': KEY.id,
    'access-key-secret': KEY.secret,
    ...extra
  }
}

interface Call {
  action?: string
  status?: number
  code?: string
  params?: Record<string, string>
  requestId: string
}
const REFRESH = { cdn: 'RefreshObjectCaches', esa: 'PurgeCaches' }
const refreshes = (service: Service, server: Fake) =>
  (server.state.calls as Call[]).filter((c) => c.action === REFRESH[service])
/** The objects of one refresh call, however the service spells them. */
function objectsOf(service: Service, call: Call): string[] {
  if (service === 'cdn') return call.params!.ObjectPath.split('\n')
  const content = JSON.parse(call.params!.Content) as Record<string, string[]>
  return Object.values(content)[0]
}
const accepted = (server: Fake) => (server.state.accepted as { url: string }[]).map((a) => a.url)
const urls = (n: number, host: (i: number) => string = () => 'www.example.com') =>
  Array.from({ length: n }, (_, i) => `https://${host(i)}/p${i}.html`)

function expectNoSecrets(run: ActionRun) {
  const seen = visibleOutput(run)
  for (const secret of [KEY.secret, STS.secret, STS.token])
    for (const form of [secret, encodeURIComponent(secret)]) expect(seen).not.toContain(form)
}

describe.each(['cdn', 'esa'] as const)('service: %s', (service) => {
  it('batches 2,500 URLs, 150 directories and 12 hosts within the limits', async () => {
    const server = await start(service, { quota: { Directory: 200 } })
    const files = urls(2500)
    const dirs = Array.from({ length: 150 }, (_, i) => `directory https://www.example.com/d${i}/`)
    const hosts = urls(24, (i) => `h${i % 12}.example.com`)
    const run = await runAction({
      inputs: inputs(service, server, {
        urls: [...files, ...dirs, ...hosts].join('\n'),
        'url-rate-per-domain': '10000'
      })
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const calls = refreshes(service, server)
    expect(calls.every((c) => c.status === 200)).toBe(true)
    const sizes = calls.map((c) => objectsOf(service, c).length)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1000)
    for (const call of calls) {
      const objects = objectsOf(service, call)
      expect(new Set(objects.map((u) => new URL(u).host)).size).toBeLessThanOrEqual(10)
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2500 + 150 + 24)
    expect(new Set(accepted(server)).size).toBe(2500 + 150 + 24)
    expect(run.outputs.count).toBe(String(2500 + 150 + 24))
    // One task a call on both services here (the fake's tasks hold up to 1,000 objects), in order.
    expect(run.outputs['task-ids'].split(',')).toEqual(
      Array.from({ length: calls.length }, (_, i) => String(100001 + i))
    )
    expect(run.summary).toMatch(
      new RegExp(
        `^<h2>✅ ${service.toUpperCase()} refresh submitted: 2,524 URLs and 150 directories on 13 hosts in \\d+ tasks`
      )
    )
    expectNoSecrets(run)
  })

  it('refuses a plan over the quota with no refresh request', async () => {
    const server = await start(service, { quota: { File: 10, Directory: 0 } })
    const run = await runAction({ inputs: inputs(service, server, { urls: urls(20).join('\n') }) })
    expect(run.code).toBe(1)
    expect(refreshes(service, server)).toHaveLength(0)
    expect(errorLines(run).join('\n')).toMatch(/- URLs: 20 changed, 10 may be refreshed one by one/)
    expect(run.outputs.status).toBe('failed')
  })

  it('waits until the tasks are complete', async () => {
    const server = await start(service)
    const run = await runAction({
      inputs: inputs(service, server, {
        urls: urls(3).join('\n'),
        wait: 'true',
        'wait-timeout': '120'
      }),
      timeoutMs: 60_000
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('complete')
    expect(run.summary).toContain('<summary>Tasks: 1, all complete</summary>')
    expect(run.summary).toContain('https://www.example.com/p2.html')
  })

  it('fails naming the object when a task fails', async () => {
    const server = await start(service, { failUrls: ['https://www.example.com/p1.html'] })
    const run = await runAction({
      inputs: inputs(service, server, { urls: urls(3).join('\n'), wait: 'true' })
    })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(errorLines(run).join('\n')).toMatch(
      /1 object failed to refresh:\n- task \d+ https:\/\/www\.example\.com\/p1\.html: Origin Timeout/
    )
  })

  it('prefetches the refreshed files', async () => {
    const server = await start(service)
    const run = await runAction({
      inputs: inputs(service, server, { urls: urls(150).join('\n'), preload: 'true' })
    })
    expect(run.code).toBe(0)
    expect((server.state.preloaded as { url: string }[]).map((p) => p.url)).toEqual(urls(150))
    expect(run.outputs['preload-task-ids'].split(',')).toHaveLength(2)
  })

  it('submits the other batches when one fails for good, quoting Code and RequestId', async () => {
    const server = await start(service)
    server.inject({
      kind: 'InvalidParameter.Content',
      action: REFRESH[service],
      message: 'Specified Content is malformed.'
    })
    const run = await runAction({
      inputs: inputs(service, server, { urls: urls(1500).join('\n') })
    })
    expect(run.code).toBe(1)
    const failed = refreshes(service, server).find((c) => c.code === 'InvalidParameter.Content')!
    const error = errorLines(run).join('\n')
    expect(error).toContain('InvalidParameter.Content: Specified Content is malformed.')
    expect(error).toContain(`RequestId ${failed.requestId}`)
    expect(accepted(server)).toHaveLength(500)
    expect(run.outputs.status).toBe('failed')
  })

  it('signs with v2, each parameter where the official SDK sends it', async () => {
    const server = await start(service)
    const run = await runAction({
      inputs: inputs(service, server, {
        urls: [...urls(2), 'directory https://www.example.com/d/'].join('\n'),
        'signature-version': 'v2',
        wait: 'true',
        preload: 'true'
      })
    })
    expect(errorLines(run)).toEqual([])
    expect(run.outputs.status).toBe('complete')
    expect(accepted(server)).toHaveLength(3)
    expect(
      (server.state.calls as (Call & { version?: string })[]).every((c) => c.version === 'v2')
    ).toBe(true)
  })

  it('signs with STS credentials', async () => {
    const server = await start(service)
    const run = await runAction({
      inputs: inputs(service, server, {
        urls: urls(2).join('\n'),
        'access-key-id': STS.id,
        'access-key-secret': STS.secret,
        'security-token': STS.token
      })
    })
    expect(run.code).toBe(0)
    expect(accepted(server)).toEqual(urls(2))
    expectNoSecrets(run)
  })

  it('plans a dry run without any request', async () => {
    const server = await start(service)
    const run = await runAction({
      inputs: {
        service,
        ...(service === 'esa' ? { site: 'example.com' } : {}),
        urls: urls(3).join('\n'),
        'dry-run': 'true',
        endpoint: server.url
      }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('dry-run')
    expect(run.stdout).toContain(`Dry run: nothing was sent to ${service.toUpperCase()}.`)
    expect(server.state.calls).toHaveLength(0)
  })

  it('keeps every call within the service’s calls per second', async () => {
    const server = await start(service)
    const run = await runAction({
      inputs: inputs(service, server, { urls: urls(400).join('\n'), 'max-urls-per-request': '10' }),
      timeoutMs: 60_000
    })
    expect(run.code).toBe(0)
    expect(refreshes(service, server)).toHaveLength(40)
    expect(server.busiestSecond()).toBeLessThanOrEqual(SPEC_CALLS_PER_SECOND[service])
    expect((server.state.calls as Call[]).filter((c) => c.code === 'Throttling.User')).toEqual([])
  })
})

describe('ESA specifics', () => {
  it('uses a numeric site ID as given, without ListSites', async () => {
    const server = await start('esa')
    const run = await runAction({
      inputs: { ...inputs('esa', server, { urls: urls(1).join('\n') }), site: '123456789' }
    })
    expect(run.code).toBe(0)
    expect((server.state.calls as Call[]).map((c) => c.action)).not.toContain('ListSites')
  })

  it('refuses an unknown site by name, with no purge', async () => {
    const server = await start('esa')
    const run = await runAction({
      inputs: { ...inputs('esa', server, { urls: urls(1).join('\n') }), site: 'nope.example' }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run).join('\n')).toMatch(
      /Input 'site': ESA has no site named 'nope\.example'/
    )
    expect(refreshes('esa', server)).toHaveLength(0)
  })

  it.each([
    [
      { service: 'esa', site: 'example.com', urls: 'regex https://www.example.com/.*\\.jpg' },
      /urls line 1 .*ESA has no regex refresh/
    ],
    [
      {
        service: 'esa',
        site: 'example.com',
        urls: 'https://www.example.com/a',
        preload: 'true',
        'preload-area': 'overseas'
      },
      /'preload-area' is not supported by ESA/
    ],
    [{ service: 'esa', urls: 'https://www.example.com/a' }, /'service: esa' needs 'site'/],
    [
      { service: 'cdn', site: 'example.com', urls: 'https://www.example.com/a' },
      /'site' is for ESA only/
    ]
  ])('refuses %j with zero requests', async (given, message) => {
    const server = await start('esa')
    const run = await runAction({
      inputs: {
        ...given,
        endpoint: server.url,
        'access-key-id': KEY.id,
        'access-key-secret': KEY.secret
      }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run).join('\n')).toMatch(message)
    expect(server.state.calls).toHaveLength(0)
  })
})
