import { afterEach, describe, expect, it } from '@jest/globals'
import { startFakeDcdn } from '../fakes/dcdn-server.mjs'
import { startFakeProxy } from '../fakes/proxy.mjs'
import { ActionRun, errorLines, runAction, runtimes, visibleOutput } from './harness.js'

type Fake = Awaited<ReturnType<typeof startFakeDcdn>>
interface Call {
  action?: string
  signature?: 'v3' | 'v2'
  placement?: Record<string, 'query' | 'body'>
  status?: number
  code?: string
  params?: Record<string, string>
  version?: string
  token?: string
  requestId: string
  fault?: string
}

const KEY = { id: 'LTAI5tE2eTestKey', secret: 'e2e-Secret/Value+With=Symbols' }
const STS = {
  id: 'STS.NUe2eTemporary',
  secret: 'sts-Secret-e2e',
  token: 'CAIS+e2e/Security=Token&Value'
}

let fake: Fake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function startFake(options: Parameters<typeof startFakeDcdn>[0] = {}): Promise<Fake> {
  fake = await startFakeDcdn({
    keys: { [KEY.id]: { secret: KEY.secret }, [STS.id]: { secret: STS.secret, token: STS.token } },
    urlRatePerDomain: 10000,
    ...options
  })
  return fake
}

function keyInputs(server: Fake): Record<string, string> {
  return { endpoint: server.url, 'access-key-id': KEY.id, 'access-key-secret': KEY.secret }
}

const refreshes = (server: Fake) =>
  (server.state.calls as Call[]).filter((c) => c.action === 'RefreshDcdnObjectCaches')
const accepted = (server: Fake) =>
  (server.state.accepted as { type: string; url: string }[]).map((a) => a.url)

function urlList(count: number, host: (i: number) => string = () => 'www.example.com'): string[] {
  return Array.from({ length: count }, (_, i) => `https://${host(i)}/page-${i}.html`)
}

function expectNoSecrets(run: ActionRun, secrets: string[]): void {
  const everything = visibleOutput(run)
  for (const secret of secrets) {
    for (const form of [
      secret,
      encodeURIComponent(secret),
      encodeURIComponent(encodeURIComponent(secret))
    ]) {
      expect(everything).not.toContain(form)
    }
  }
}

describe.each(runtimes())('refresh through dist/index.js on $name', (runtime) => {
  it('submits 2,500 URLs on one host as 3 signed requests, with task IDs in order', async () => {
    const server = await startFake({ objectsPerTask: 400 })
    const urls = urlList(2500)
    const run = await runAction({
      runtime,
      inputs: { ...keyInputs(server), urls: urls.join('\n'), 'url-rate-per-domain': '10000' }
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const calls = refreshes(server)
    expect(calls.map((c) => c.params!.ObjectPath.split('\n').length)).toEqual([1000, 1000, 500])
    expect(calls.every((c) => c.version === 'v3' && c.status === 200)).toBe(true)
    // DCDN documents a POST form (SPEC 6.1): the action sends every parameter in the body.
    for (const call of server.state.calls as Call[])
      expect(new Set(Object.values(call.placement ?? {}))).toEqual(
        new Set(Object.keys(call.placement ?? {}).length > 0 ? ['body'] : [])
      )
    expect(accepted(server)).toEqual(urls)
    expect(new Set(accepted(server)).size).toBe(2500)
    // 400 objects per task: 3 + 3 + 2 task IDs, comma lists split in submission order.
    expect(run.outputs['task-ids'].split(',')).toEqual(
      Array.from({ length: 8 }, (_, i) => String(100001 + i))
    )
    expect(JSON.parse(run.outputs.urls)).toEqual(urls)
    expect(run.outputs.count).toBe('2500')
    expect(run.outputs.status).toBe('submitted')
    expect(run.summary).toMatch(
      /^<h2>✅ DCDN refresh submitted: 2,500 URLs on 1 host in 8 tasks, [\d.]+ m?s; 7,500 URLs left today<\/h2>/
    )
    expect(run.summary).toContain(
      '<tr><td>URLs</td><td>10,000</td><td>10,000</td><td>2,500</td><td>2,500</td><td>7,500</td></tr>'
    )
    for (const call of calls) expect(run.summary).toContain(call.requestId)
  })
})

describe('refresh details', () => {
  it('signs with v2 when asked', async () => {
    const server = await startFake()
    const run = await runAction({
      inputs: {
        ...keyInputs(server),
        urls: 'https://www.example.com/a b',
        'signature-version': 'v2'
      }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      'urls line 1 ("https://www.example.com/a b"): the URL holds white space; percent-encode spaces as %20.'
    ])
    expect(server.state.calls).toHaveLength(0)
    const ok = await runAction({
      inputs: {
        ...keyInputs(server),
        urls: 'https://www.example.com/a%20b',
        'signature-version': 'v2'
      }
    })
    expect(ok.code).toBe(0)
    expect(refreshes(server).map((c) => c.version)).toEqual(['v2'])
    expect(refreshes(server)[0].placement).toEqual({ ObjectPath: 'body', ObjectType: 'body' })
    expect(accepted(server)).toEqual(['https://www.example.com/a%20b'])
  })

  it.each([
    [
      'ALIBABA_CLOUD',
      {
        ALIBABA_CLOUD_ACCESS_KEY_ID: STS.id,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: STS.secret,
        ALIBABA_CLOUD_SECURITY_TOKEN: STS.token
      }
    ],
    [
      'ALIBABACLOUD',
      {
        ALIBABACLOUD_ACCESS_KEY_ID: STS.id,
        ALIBABACLOUD_ACCESS_KEY_SECRET: STS.secret,
        ALIBABACLOUD_SECURITY_TOKEN: STS.token
      }
    ],
    [
      'ALICLOUD, after an emptied family',
      {
        ALIBABA_CLOUD_ACCESS_KEY_ID: '',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: '',
        ALICLOUD_ACCESS_KEY: STS.id,
        ALICLOUD_SECRET_KEY: STS.secret,
        ALICLOUD_SECURITY_TOKEN: STS.token
      }
    ]
  ])('takes STS credentials from the %s environment variables', async (_family, env) => {
    const server = await startFake()
    for (const version of ['v3', 'v2']) {
      const run = await runAction({
        env,
        inputs: {
          endpoint: server.url,
          urls: 'https://www.example.com/',
          'signature-version': version
        }
      })
      expect(errorLines(run)).toEqual([])
      expect(run.code).toBe(0)
      expectNoSecrets(run, [STS.secret, STS.token])
    }
    expect(refreshes(server).map((c) => [c.version, c.token])).toEqual([
      ['v3', STS.token],
      ['v2', STS.token]
    ])
  })

  it('never mixes an ID from one family with a secret from another', async () => {
    const server = await startFake()
    const run = await runAction({
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.id, ALICLOUD_SECRET_KEY: KEY.secret },
      inputs: { endpoint: server.url, urls: 'https://www.example.com/' }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toMatch(
      /No Alibaba Cloud credentials were found[\s\S]*ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not/
    )
    expect(server.state.calls).toHaveLength(0)
  })

  it('splits more than 100 directories and sends Force with them', async () => {
    const server = await startFake({ quota: { Directory: 500 } })
    const dirs = Array.from({ length: 150 }, (_, i) => `directory https://www.example.com/d${i}/`)
    const run = await runAction({
      inputs: { ...keyInputs(server), urls: dirs.join('\n'), force: 'true' }
    })
    expect(run.code).toBe(0)
    const calls = refreshes(server)
    expect(
      calls.map((c) => [
        c.params!.ObjectType,
        c.params!.Force,
        c.params!.ObjectPath.split('\n').length
      ])
    ).toEqual([
      ['Directory', 'true', 100],
      ['Directory', 'true', 50]
    ])
    expect(JSON.parse(run.outputs.directories)).toHaveLength(150)
    expect(JSON.parse(run.outputs.urls)).toEqual([])
  })

  it('puts at most 10 hosts in a request when 12 are given', async () => {
    const server = await startFake()
    const urls = urlList(24, (i) => `h${i % 12}.example.com`)
    const run = await runAction({ inputs: { ...keyInputs(server), urls: urls.join('\n') } })
    expect(run.code).toBe(0)
    const hostsPerCall = refreshes(server).map(
      (c) => new Set(c.params!.ObjectPath.split('\n').map((u) => new URL(u).host)).size
    )
    expect(hostsPerCall).toEqual([10, 2])
    expect([...accepted(server)].sort()).toEqual([...urls].sort())
  })

  it('refuses the whole plan when the quota is too small, sending no refresh', async () => {
    const server = await startFake({ quota: { File: 100, Directory: 5 } })
    const urls = [
      ...urlList(150),
      'directory https://www.example.com/a/',
      'directory https://www.example.com/b/'
    ]
    const run = await runAction({
      inputs: { ...keyInputs(server), urls: urls.join('\n'), collapse: 'off' }
    })
    expect(run.code).toBe(1)
    expect(refreshes(server)).toHaveLength(0)
    const error = errorLines(run)[0]
    expect(error).toMatch(
      /Not enough DCDN refresh quota[\s\S]*- 150 URLs needed, 100 remain today \(50 short\)\n- 2 directories needed, 5 remain today\n/
    )
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.count).toBe('0')
  })

  it('submits the other batches when one fails for good, and fails naming Code and RequestId', async () => {
    const server = await startFake()
    server.inject({
      kind: 'InvalidObjectPath.Malformed',
      action: 'RefreshDcdnObjectCaches',
      match: '/page-1500.html',
      message: 'Specified ObjectPath is malformed.'
    })
    const urls = urlList(2500)
    const run = await runAction({
      inputs: { ...keyInputs(server), urls: urls.join('\n'), 'url-rate-per-domain': '10000' }
    })
    expect(run.code).toBe(1)
    const calls = refreshes(server)
    expect(calls.map((c) => c.status)).toEqual([200, 400, 200])
    const failed = calls[1]
    const error = errorLines(run)[0]
    expect(error).toContain('1 of 3 batches failed')
    expect(error).toContain('InvalidObjectPath.Malformed: Specified ObjectPath is malformed.')
    expect(error).toContain(`RequestId ${failed.requestId}`)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.count).toBe('1500')
    expect(JSON.parse(run.outputs.urls)).toEqual([...urls.slice(0, 1000), ...urls.slice(2000)])
    expect(run.outputs['task-ids'].split(',')).toHaveLength(2)
    expect(run.summary).toContain(failed.requestId)
  })

  it.each([
    [{ kind: '503' }],
    [{ kind: '500' }],
    [{ kind: 'reset' }],
    [{ kind: 'hang' }],
    [{ kind: 'Throttling.User' }],
    [{ kind: 'ServiceUnavailable', status: 503 }],
    [{ kind: 'TooMany.Refresh' }],
    [{ kind: 'SignatureNonceUsed' }]
  ])('retries %j and accepts every object exactly once', async (fault) => {
    const server = await startFake()
    server.inject({ ...fault, action: 'RefreshDcdnObjectCaches', match: '/page-1000.html' })
    const urls = urlList(1500)
    const run = await runAction({
      inputs: { ...keyInputs(server), urls: urls.join('\n'), 'url-rate-per-domain': '10000' },
      env: { DCDN_REFRESH_REQUEST_TIMEOUT_MS: '1500' }
    })
    expect(errorLines(run)).toEqual([])
    expect(run.code).toBe(0)
    expect(accepted(server)).toEqual(urls)
    const calls = refreshes(server)
    expect(calls).toHaveLength(3)
    expect(calls[1].fault).toBe(fault.kind)
    // Every attempt is signed afresh: no nonce is ever sent twice.
    const nonces = calls.map(
      (c) => (c as unknown as { headers: Record<string, string> }).headers['x-acs-signature-nonce']
    )
    expect(new Set(nonces).size).toBe(3)
    expect(run.stdout).toMatch(/Batch 2\/2 \(500 File\): Attempt 1 failed/)
  })

  it('does not retry a daily-quota error', async () => {
    const server = await startFake()
    server.inject({
      kind: 'QuotaExceeded.Refresh',
      action: 'RefreshDcdnObjectCaches',
      message: 'Your refresh quota for today is used up.'
    })
    const run = await runAction({
      inputs: { ...keyInputs(server), urls: 'https://www.example.com/', 'quota-check': 'false' }
    })
    expect(run.code).toBe(1)
    expect(refreshes(server)).toHaveLength(1)
    expect(errorLines(run)[0]).toMatch(
      /QuotaExceeded.Refresh: Your refresh quota for today is used up. \(RequestId [0-9A-F-]+\) Today's quota is used up/
    )
  })

  it('keeps secrets out of every output of a SignatureDoesNotMatch failure', async () => {
    const server = await startFake({
      keys: { [STS.id]: { secret: 'the-real-secret', token: STS.token } }
    })
    for (const version of ['v3', 'v2']) {
      const run = await runAction({
        inputs: {
          endpoint: server.url,
          'access-key-id': STS.id,
          'access-key-secret': STS.secret,
          'security-token': STS.token,
          urls: 'https://www.example.com/',
          'signature-version': version
        }
      })
      expect(run.code).toBe(1)
      expect(errorLines(run)[0]).toMatch(
        /SignatureDoesNotMatch: Specified signature is not matched[\s\S]*RequestId[\s\S]*Check the AccessKey secret/
      )
      expectNoSecrets(run, [STS.secret, STS.token])
    }
    // Both runs reached the signature check and failed it, each in its own version; v2's
    // message quotes the server's string-to-sign, which holds the encoded token.
    const failures = (server.state.calls as Call[]).filter(
      (c) => c.code === 'SignatureDoesNotMatch'
    )
    expect(failures.map((c) => c.signature).sort()).toEqual(['v2', 'v3'])
  })
})

describe('proxies', () => {
  it('sends API calls through HTTP_PROXY, and straight to hosts in NO_PROXY', async () => {
    const server = await startFake()
    const proxy = await startFakeProxy()
    try {
      const inputs = { ...keyInputs(server), urls: 'https://www.example.com/' }
      const proxied = await runAction({ inputs, env: { HTTP_PROXY: proxy.url } })
      expect(errorLines(proxied)).toEqual([])
      expect(proxied.code).toBe(0)
      expect(proxy.tunnels.length).toBeGreaterThan(0)
      expect(proxy.tunnels.every((target: string) => target === new URL(server.url).host)).toBe(
        true
      )
      const before = proxy.tunnels.length
      const direct = await runAction({
        inputs,
        env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }
      })
      expect(direct.code).toBe(0)
      expect(proxy.tunnels.length).toBe(before)
      expect(refreshes(server)).toHaveLength(2)
    } finally {
      await proxy.close()
    }
  })
})
