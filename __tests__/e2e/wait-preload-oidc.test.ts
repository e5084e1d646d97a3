import { afterEach, describe, expect, it } from '@jest/globals'
import { startFakeDcdn } from '../fakes/dcdn-server.mjs'
import { startFakeOidc, startFakeSts } from '../fakes/identity.mjs'
import { errorLines, runAction, visibleOutput } from './harness.js'

type Fake = Awaited<ReturnType<typeof startFakeDcdn>>
interface Call {
  action?: string
  status?: number
  params?: Record<string, string>
  token?: string
  accessKeyId?: string
}

const KEY = { id: 'LTAI5tWaitKey', secret: 'wait-Secret+/=' }
const STS = {
  id: 'STS.NUoidcTemporary',
  secret: 'oidc-sts-Secret/+=',
  token: 'CAIS+oidc/Security=Token&x'
}
const ROLE = 'acs:ram::1234567890123456:role/github-dcdn-refresh'
const PROVIDER = 'acs:ram::1234567890123456:oidc-provider/GitHub'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function dcdn(options: Parameters<typeof startFakeDcdn>[0] = {}): Promise<Fake> {
  const fake = await startFakeDcdn({
    keys: { [KEY.id]: { secret: KEY.secret }, [STS.id]: { secret: STS.secret, token: STS.token } },
    urlRatePerDomain: 10000,
    ...options
  })
  closers.push(fake.close)
  return fake
}

const keyInputs = (fake: Fake) => ({
  endpoint: fake.url,
  'access-key-id': KEY.id,
  'access-key-secret': KEY.secret
})
const calls = (fake: Fake, action: string) =>
  (fake.state.calls as Call[]).filter((c) => c.action === action)
const urls = (n: number) =>
  Array.from({ length: n }, (_, i) => `https://www.example.com/p${i}.html`)

describe('wait', () => {
  it('polls until every task is Complete, then reports complete', async () => {
    const fake = await dcdn({ pollsToComplete: 1, objectsPerTask: 5 })
    const run = await runAction({
      inputs: { ...keyInputs(fake), urls: urls(12).join('\n'), wait: 'true', 'wait-timeout': '60' }
    })
    expect(errorLines(run)).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('complete')
    const polls = calls(fake, 'DescribeDcdnRefreshTaskById')
    expect(polls).toHaveLength(1)
    expect(polls[0].params!.TaskId.split(',')).toEqual(run.outputs['task-ids'].split(','))
    expect(run.summary).toContain('<summary>Tasks: 3, all complete</summary>')
    // Tasks that completed are counted, not listed object by object.
    expect(run.summary).toContain('<tr><td>Complete</td><td>3</td><td>12</td></tr>')
    expect(run.summary).not.toContain('<td>100001</td><td>Complete</td>')
  })

  it('asks about at most 10 task IDs per call', async () => {
    const fake = await dcdn({ pollsToComplete: 1, objectsPerTask: 1 })
    const run = await runAction({
      inputs: { ...keyInputs(fake), urls: urls(23).join('\n'), wait: 'true' }
    })
    expect(run.code).toBe(0)
    expect(
      calls(fake, 'DescribeDcdnRefreshTaskById').map((c) => c.params!.TaskId.split(',').length)
    ).toEqual([10, 10, 3])
  })

  it('fails the step for a failed task, giving its Description and URL', async () => {
    const fake = await dcdn({ pollsToComplete: 1, failUrls: ['https://www.example.com/p1.html'] })
    const run = await runAction({
      inputs: { ...keyInputs(fake), urls: urls(3).join('\n'), wait: 'true' }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(errorLines(run)[0]).toMatch(
      /1 object failed to refresh:\n- task 100001 https:\/\/www.example.com\/p1.html: Origin Timeout/
    )
    expect(run.outputs['task-ids']).toBe('100001')
  })

  it('warns and succeeds with status timeout when wait-timeout runs out, within its bound', async () => {
    const fake = await dcdn({ pollsToComplete: 1000 })
    const run = await runAction({
      inputs: { ...keyInputs(fake), urls: urls(2).join('\n'), wait: 'true', 'wait-timeout': '2' }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('timeout')
    expect(run.stdout).toMatch(
      /::warning::1 of 1 refresh task had not finished after 2 s \(wait-timeout\)/
    )
    expect(run.ms).toBeLessThan(2000 + 3000)
    expect(run.summary).toContain(
      '<h2>⏳ DCDN refresh submitted, not finished: 1 of 1 task still running after 2 s (wait-timeout)</h2>'
    )
    expect(run.summary).toContain('<summary>Tasks: 1, all pending</summary>')
  })
})

describe('preload', () => {
  it('prefetches the File URLs only, 100 per request, with the area, after the refresh', async () => {
    const fake = await dcdn()
    fake.inject({ kind: 'PreloadQueueFull', action: 'PreloadDcdnObjectCaches' })
    const run = await runAction({
      inputs: {
        ...keyInputs(fake),
        urls: [
          ...urls(250),
          'directory https://www.example.com/d/',
          'ignore-params https://www.example.com/q'
        ].join('\n'),
        preload: 'true',
        'preload-area': 'overseas'
      }
    })
    expect(errorLines(run)).toEqual([])
    expect(run.code).toBe(0)
    const preloads = calls(fake, 'PreloadDcdnObjectCaches').filter((c) => c.status === 200)
    expect(preloads.map((c) => c.params!.ObjectPath.split('\n').length)).toEqual([100, 100, 50])
    expect(preloads.every((c) => c.params!.Area === 'overseas')).toBe(true)
    expect((fake.state.preloaded as { url: string }[]).map((p) => p.url)).toEqual(urls(250))
    expect(run.outputs['preload-task-ids'].split(',')).toHaveLength(3)
    // The refresh came first.
    const order = (fake.state.calls as Call[])
      .map((c) => c.action)
      .filter((a) => a !== 'DescribeDcdnRefreshQuota')
    expect(order.indexOf('PreloadDcdnObjectCaches')).toBeGreaterThan(
      order.lastIndexOf('RefreshDcdnObjectCaches')
    )
    expect(run.summary).toContain(
      '<summary>Prefetch: 250 URLs in 3 requests, all accepted</summary>'
    )
  })

  it('refuses the whole plan when PreloadRemain is too small', async () => {
    const fake = await dcdn({ quota: { Preload: 10 } })
    const run = await runAction({
      inputs: { ...keyInputs(fake), urls: urls(20).join('\n'), preload: 'true' }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toMatch(/- 20 prefetches needed, 10 remain today \(10 short\)/)
    expect(calls(fake, 'RefreshDcdnObjectCaches')).toHaveLength(0)
    expect(calls(fake, 'PreloadDcdnObjectCaches')).toHaveLength(0)
  })
})

describe('GitHub OIDC to STS', () => {
  async function identity(audiences = ['sts.aliyuncs.com']) {
    const oidc = await startFakeOidc()
    const sts = await startFakeSts({
      roleArn: ROLE,
      oidcProviderArn: PROVIDER,
      audiences,
      credentials: { accessKeyId: STS.id, accessKeySecret: STS.secret, securityToken: STS.token }
    })
    closers.push(oidc.close, sts.close)
    return { oidc, sts }
  }

  const oidcInputs = (fake: Fake, sts: { url: string }) => ({
    endpoint: fake.url,
    'sts-endpoint': sts.url,
    'role-arn': ROLE,
    'oidc-provider-arn': PROVIDER,
    urls: urls(3).join('\n')
  })

  it('assumes the role and signs every DCDN call with the STS credentials', async () => {
    const fake = await dcdn()
    const { oidc, sts } = await identity()
    for (const version of ['v3', 'v2']) {
      const run = await runAction({
        env: oidc.env,
        inputs: { ...oidcInputs(fake, sts), 'signature-version': version }
      })
      expect(errorLines(run)).toEqual([])
      expect(run.code).toBe(0)
      expect(run.outputs.status).toBe('submitted')
      const secrets = [STS.secret, STS.token, ...oidc.issued.map((t: { value: string }) => t.value)]
      for (const secret of secrets) expect(visibleOutput(run)).not.toContain(secret)
    }
    expect(oidc.issued.map((t: { audience: string }) => t.audience)).toEqual([
      'sts.aliyuncs.com',
      'sts.aliyuncs.com'
    ])
    const stsCall = sts.calls[0]
    expect(stsCall.form.RoleSessionName).toBe('github-actions-4242')
    expect(Number(stsCall.form.DurationSeconds)).toBeGreaterThanOrEqual(900)
    expect(stsCall.headers.authorization).toBeUndefined()
    // SPEC 5: the role, provider, token, session and duration travel in a form body.
    expect(new Set(Object.values(stsCall.placement))).toEqual(new Set(['body']))
    expect(Object.keys(stsCall.placement)).toHaveLength(5)
    const dcdnCalls = (fake.state.calls as Call[]).filter((c) => c.status === 200)
    expect(dcdnCalls.length).toBeGreaterThan(0)
    expect(dcdnCalls.every((c) => c.accessKeyId === STS.id && c.token === STS.token)).toBe(true)
  })

  it('explains the missing id-token: write permission', async () => {
    const fake = await dcdn()
    const { sts } = await identity()
    const run = await runAction({ inputs: oidcInputs(fake, sts) })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toMatch(/permissions: id-token: write/)
    expect(sts.calls).toHaveLength(0)
    expect(fake.state.calls).toHaveLength(0)
  })

  it('reports an audience mismatch with STS Code and RequestId, and a hint', async () => {
    const fake = await dcdn()
    const { oidc, sts } = await identity(['sts.aliyuncs.com'])
    const run = await runAction({
      env: oidc.env,
      inputs: { ...oidcInputs(fake, sts), audience: 'my-client-id' }
    })
    expect(run.code).toBe(1)
    const error = errorLines(run)[0]
    expect(error).toContain('AuthenticationFail.OIDCToken.AudienceNotMatch: Invalid audience.')
    expect(error).toContain(`RequestId ${sts.calls[0].requestId}`)
    expect(error).toMatch(/'audience' input \('my-client-id'\)/)
    expect(fake.state.calls).toHaveLength(0)
    expect(visibleOutput(run)).not.toContain(oidc.issued[0].value)
  })
})

describe('preload without quota-check', () => {
  it('still checks PreloadRemain before prefetching, after the refresh', async () => {
    const fake = await dcdn({ quota: { Preload: 5 } })
    const run = await runAction({
      inputs: {
        ...keyInputs(fake),
        urls: urls(8).join('\n'),
        preload: 'true',
        'quota-check': 'false'
      }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toMatch(/Prefetch skipped: it needs 8 URLs but only 5 remain/)
    expect(calls(fake, 'RefreshDcdnObjectCaches')).toHaveLength(1)
    expect(calls(fake, 'PreloadDcdnObjectCaches')).toHaveLength(0)
    expect(run.outputs['task-ids']).not.toBe('')
  })
})
