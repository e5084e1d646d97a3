// Checks the fake DCDN itself by driving it with Alibaba's official SDK, so that what our
// client is tested against is what the real service would accept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import dcdnSdk from '@alicloud/dcdn20180115'
import openApiClient from '@alicloud/openapi-client'
import { startFakeDcdn } from './dcdn-server.mjs'

const Dcdn = dcdnSdk.default
const {
  RefreshDcdnObjectCacheByCacheTagRequest,
  RefreshDcdnObjectCachesRequest,
  DescribeDcdnRefreshTaskByIdRequest,
  DescribeDcdnRefreshQuotaRequest,
  PreloadDcdnObjectCachesRequest
} = dcdnSdk
const { Config } = openApiClient

type Fake = Awaited<ReturnType<typeof startFakeDcdn>>
let fake: Fake

beforeAll(async () => {
  fake = await startFakeDcdn({
    keys: {
      testid: { secret: 'testsecret' },
      'STS.id': { secret: 'sts-secret', token: 'sts-token' }
    },
    lifetimeMs: 60_000
  })
})
afterAll(() => fake.close())

function client(options: { id?: string; secret?: string; token?: string; v2?: boolean }) {
  return new Dcdn(
    new Config({
      accessKeyId: options.id ?? 'testid',
      accessKeySecret: options.secret ?? 'testsecret',
      securityToken: options.token,
      endpoint: `127.0.0.1:${fake.port}`,
      protocol: 'http',
      signatureAlgorithm: options.v2 ? 'v2' : undefined,
      readTimeout: 5000,
      connectTimeout: 5000
    })
  )
}

const objectPath =
  'https://example.com/a.txt\nhttps://example.com/b c.txt\nhttps://example.com/ü*(1).txt'

describe.each([
  ['v3', {}],
  ['v2', { v2: true }],
  ['v3 with STS', { id: 'STS.id', secret: 'sts-secret', token: 'sts-token' }],
  ['v2 with STS', { id: 'STS.id', secret: 'sts-secret', token: 'sts-token', v2: true }]
])('the official SDK, %s, is accepted', (_name, options) => {
  it('refreshes, describes tasks and quota, and preloads', async () => {
    const sdk = client(options)
    const refreshed = await sdk.refreshDcdnObjectCaches(
      new RefreshDcdnObjectCachesRequest({ objectPath, objectType: 'File' })
    )
    expect(refreshed.body?.refreshTaskId).toMatch(/^\d+$/)
    expect(fake.state.accepted.slice(-3).map((a: { url: string }) => a.url)).toEqual(
      objectPath.split('\n')
    )
    const tasks = await sdk.describeDcdnRefreshTaskById(
      new DescribeDcdnRefreshTaskByIdRequest({ taskId: refreshed.body?.refreshTaskId })
    )
    expect(tasks.body?.tasks?.map((t) => t.status)).toEqual(['Complete', 'Complete', 'Complete'])
    const quota = await sdk.describeDcdnRefreshQuota(new DescribeDcdnRefreshQuotaRequest({}))
    expect(typeof quota.body?.urlRemain).toBe('string')
    const preload = await sdk.preloadDcdnObjectCaches(
      new PreloadDcdnObjectCachesRequest({
        objectPath: 'https://example.com/a.txt',
        area: 'overseas'
      })
    )
    expect(preload.body?.preloadTaskId).toMatch(/^\d+$/)
  })

  it('refreshes cache tags of a domain, and the task is read like any refresh task', async () => {
    const sdk = client(options)
    const tagged = await sdk.refreshDcdnObjectCacheByCacheTag(
      new RefreshDcdnObjectCacheByCacheTagRequest({
        domainName: 'www.example.com',
        cacheTag: 'menu,author-ada',
        force: false
      })
    )
    expect(tagged.body?.refreshTaskId).toMatch(/^\d+$/)
    const tasks = await sdk.describeDcdnRefreshTaskById(
      new DescribeDcdnRefreshTaskByIdRequest({ taskId: tagged.body?.refreshTaskId })
    )
    expect(tasks.body?.tasks?.map((t) => t.objectPath)).toEqual(['menu', 'author-ada'])
    expect(fake.state.accepted.slice(-2)).toEqual([
      { type: 'Tag', url: 'menu', host: 'www.example.com', force: 'false' },
      { type: 'Tag', url: 'author-ada', host: 'www.example.com', force: 'false' }
    ])
  })
})

describe('the fake records where each parameter arrives (SPEC 6.1)', () => {
  const last = (action: string) =>
    (fake.state.calls as { action?: string; placement: Record<string, string> }[])
      .filter((c) => c.action === action)
      .at(-1)!

  it('takes the query of the official SDK and a form body alike for RefreshDcdnObjectCaches', async () => {
    await client({}).refreshDcdnObjectCaches(
      new RefreshDcdnObjectCachesRequest({
        objectPath: 'https://example.com/q',
        objectType: 'File'
      })
    )
    expect(last('RefreshDcdnObjectCaches').placement).toEqual({
      ObjectPath: 'query',
      ObjectType: 'query'
    })
    const { RpcClient } = await import('../../src/api/client.js')
    const { signV3 } = await import('../../src/api/sign.js')
    const { createHttpSend } = await import('../../src/api/transport.js')
    const http = createHttpSend({ connectTimeoutMs: 2000, requestTimeoutMs: 5000 }, {})
    const rpc = new RpcClient({
      endpoint: new URL(fake.url),
      version: '2018-01-15',
      signer: signV3,
      key: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      send: http.send,
      clock: { now: () => Date.now(), sleep: async () => {} }
    })
    try {
      await rpc.call('RefreshDcdnObjectCaches', {
        ObjectPath: 'https://example.com/f',
        ObjectType: 'File'
      })
      expect(last('RefreshDcdnObjectCaches').placement).toEqual({
        ObjectPath: 'body',
        ObjectType: 'body'
      })
      // The tag operation takes the query only, as the SDK sends it.
      await expect(
        rpc.call('RefreshDcdnObjectCacheByCacheTag', {
          DomainName: 'example.com',
          CacheTag: 'menu'
        })
      ).rejects.toMatchObject({ code: 'MissingParameter' })
    } finally {
      await http.close()
    }
  })
})

describe('the fake rejects what DCDN rejects', () => {
  it('a wrong secret, with SignatureDoesNotMatch', async () => {
    await expect(
      client({ secret: 'wrong' }).describeDcdnRefreshQuota(new DescribeDcdnRefreshQuotaRequest({}))
    ).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' })
    await expect(
      client({ secret: 'wrong', v2: true }).describeDcdnRefreshQuota(
        new DescribeDcdnRefreshQuotaRequest({})
      )
    ).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' })
  })

  it('an unknown key, and an STS key without its token', async () => {
    await expect(
      client({ id: 'nobody' }).describeDcdnRefreshQuota(new DescribeDcdnRefreshQuotaRequest({}))
    ).rejects.toMatchObject({ code: 'InvalidAccessKeyId.NotFound' })
    await expect(
      client({ id: 'STS.id', secret: 'sts-secret' }).describeDcdnRefreshQuota(
        new DescribeDcdnRefreshQuotaRequest({})
      )
    ).rejects.toMatchObject({ code: 'InvalidSecurityToken.MismatchWithAccessKey' })
  })

  it('more than 1,000 URLs, more than 10 domains, and wildcard domains', async () => {
    const sdk = client({})
    const many = Array.from({ length: 1001 }, (_, i) => `https://a.example/${i}`).join('\n')
    await expect(
      sdk.refreshDcdnObjectCaches(new RefreshDcdnObjectCachesRequest({ objectPath: many }))
    ).rejects.toMatchObject({ code: 'SingleRequest.OverLimit' })
    const hosts = Array.from({ length: 11 }, (_, i) => `https://h${i}.example/x`).join('\n')
    await expect(
      sdk.refreshDcdnObjectCaches(new RefreshDcdnObjectCachesRequest({ objectPath: hosts }))
    ).rejects.toMatchObject({ code: 'InvalidObjectPath.Malformed' })
    await expect(
      sdk.refreshDcdnObjectCaches(
        new RefreshDcdnObjectCachesRequest({ objectPath: 'https://*.example.com/x' })
      )
    ).rejects.toMatchObject({ code: 'InvalidExtensiveDomain.ValueNotSupported' })
  })
})
