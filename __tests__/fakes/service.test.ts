// Checks the fake classic CDN and ESA by driving them with Alibaba's official SDKs, so that what
// our services are tested against is what the real ones accept, in the shape the SDKs send.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import cdnSdk from '@alicloud/cdn20180510'
import esaSdk from '@alicloud/esa20240910'
import openApiClient from '@alicloud/openapi-client'
import { startFakeService } from './service.mjs'

const { Config } = openApiClient
type Fake = Awaited<ReturnType<typeof startFakeService>>
const KEYS = {
  testid: { secret: 'testsecret' },
  'STS.id': { secret: 'sts-secret', token: 'sts-token' }
}
const MODES = [
  ['v3', {}],
  ['v2', { v2: true }],
  ['v3 with STS', { id: 'STS.id', secret: 'sts-secret', token: 'sts-token' }],
  ['v2 with STS', { id: 'STS.id', secret: 'sts-secret', token: 'sts-token', v2: true }]
] as const

function config(
  fake: Fake,
  options: { id?: string; secret?: string; token?: string; v2?: boolean }
) {
  return new Config({
    accessKeyId: options.id ?? 'testid',
    accessKeySecret: options.secret ?? 'testsecret',
    securityToken: options.token,
    endpoint: `127.0.0.1:${fake.port}`,
    protocol: 'http',
    signatureAlgorithm: options.v2 ? 'v2' : undefined,
    readTimeout: 5000,
    connectTimeout: 5000
  })
}

const objectPath = 'https://example.com/a.txt\nhttps://example.com/b c.txt'

interface Call {
  action?: string
  signature: 'v3' | 'v2'
  params: Record<string, string>
  placement: Record<string, 'query' | 'body'>
}
const lastCall = (fake: Fake, action: string): Call =>
  (fake.state.calls as Call[]).filter((c) => c.action === action).at(-1)!

describe('the fake classic CDN', () => {
  let fake: Fake
  beforeAll(async () => {
    fake = await startFakeService({
      product: 'cdn',
      keys: KEYS,
      lifetimeMs: 60_000,
      callsPerSecond: 1000
    })
  })
  afterAll(() => fake.close())

  describe.each(MODES)('accepts the official SDK, %s', (_name, options) => {
    it('refreshes, describes tasks and quota, and pushes', async () => {
      const sdk = new cdnSdk.default(config(fake, options))
      const refreshed = await sdk.refreshObjectCaches(
        new cdnSdk.RefreshObjectCachesRequest({ objectPath, objectType: 'File' })
      )
      expect(refreshed.body?.refreshTaskId).toMatch(/^\d+$/)
      const tasks = await sdk.describeRefreshTaskById(
        new cdnSdk.DescribeRefreshTaskByIdRequest({ taskId: refreshed.body?.refreshTaskId })
      )
      expect(tasks.body?.tasks?.map((t) => t.status)).toEqual(['Complete', 'Complete'])
      const quota = await sdk.describeRefreshQuota(new cdnSdk.DescribeRefreshQuotaRequest({}))
      expect(quota.body?.urlRemain).toMatch(/^\d+$/)
      const tagged = await sdk.refreshObjectCacheByCacheTag(
        new cdnSdk.RefreshObjectCacheByCacheTagRequest({
          domainName: 'example.com',
          cacheTag: 'menu,author-ada',
          force: true
        })
      )
      expect(tagged.body?.refreshTaskId).toMatch(/^\d+$/)
      const tagTasks = await sdk.describeRefreshTaskById(
        new cdnSdk.DescribeRefreshTaskByIdRequest({ taskId: tagged.body?.refreshTaskId })
      )
      expect(tagTasks.body?.tasks?.map((t) => t.objectPath)).toEqual(['menu', 'author-ada'])
      // The fake records where each parameter came from: the SDK sends the tag call's query.
      const call = lastCall(fake, 'RefreshObjectCacheByCacheTag')
      if (call.signature === 'v3')
        expect(call.placement).toEqual({ CacheTag: 'query', DomainName: 'query', Force: 'query' })
      expect(call.params).toMatchObject({
        DomainName: 'example.com',
        CacheTag: 'menu,author-ada',
        Force: 'true'
      })
      const pushed = await sdk.pushObjectCache(
        new cdnSdk.PushObjectCacheRequest({
          objectPath: 'https://example.com/a.txt',
          area: 'domestic'
        })
      )
      expect(pushed.body?.pushTaskId).toMatch(/^\d+$/)
    })
  })

  it('refuses DCDN operation names, as the real CDN does', async () => {
    const { default: dcdnSdk } = await import('@alicloud/dcdn20180115')
    const sdk = new dcdnSdk.default(config(fake, {}))
    await expect(
      sdk.describeDcdnRefreshQuota(new dcdnSdk.DescribeDcdnRefreshQuotaRequest({}))
    ).rejects.toThrow(/InvalidVersion|InvalidAction/)
  })
})

describe('the fake ESA', () => {
  let fake: Fake
  beforeAll(async () => {
    // The SDK sends as fast as it can; the rate limit has tests of its own.
    fake = await startFakeService({
      product: 'esa',
      keys: KEYS,
      lifetimeMs: 60_000,
      callsPerSecond: 1000
    })
  })
  afterAll(() => fake.close())

  describe.each(MODES)('accepts the official SDK, %s', (_name, options) => {
    it('finds the site, purges, reads the quota, lists the tasks and prefetches', async () => {
      const sdk = new esaSdk.default(config(fake, options))
      const sites = await sdk.listSites(
        new esaSdk.ListSitesRequest({ siteName: 'example.com', siteSearchType: 'exact' })
      )
      const siteId = sites.body?.sites?.[0]?.siteId
      expect(siteId).toBe(123456789)
      const start = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
      const purged = await sdk.purgeCaches(
        new esaSdk.PurgeCachesRequest({
          siteId,
          type: 'file',
          content: new esaSdk.PurgeCachesRequestContent({ files: objectPath.split('\n') })
        })
      )
      expect(purged.body?.taskId).toMatch(/^\d+$/)
      const dirs = await sdk.purgeCaches(
        new esaSdk.PurgeCachesRequest({
          siteId,
          type: 'directory',
          force: false,
          content: new esaSdk.PurgeCachesRequestContent({ directories: ['https://example.com/d/'] })
        })
      )
      expect(dirs.body?.taskId).toMatch(/^\d+$/)
      const quota = await sdk.getPurgeQuota(
        new esaSdk.GetPurgeQuotaRequest({ siteId, type: 'file' })
      )
      expect(quota.body?.quota).toMatch(/^\d+$/)
      expect(quota.body?.usage).toMatch(/^\d+$/)
      const end = new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
      const tasks = await sdk.describePurgeTasks(
        new esaSdk.DescribePurgeTasksRequest({
          siteId,
          startTime: start,
          endTime: end,
          pageSize: 50,
          pageNumber: 1
        })
      )
      const mine = tasks.body?.tasks?.filter((t) => t.taskId === purged.body?.taskId)
      expect(mine?.map((t) => t.content)).toEqual(objectPath.split('\n'))
      const preloaded = await sdk.preloadCaches(
        new esaSdk.PreloadCachesRequest({ siteId, content: ['https://example.com/a.txt'] })
      )
      expect(preloaded.body?.taskId).toMatch(/^\d+$/)
    })

    it('purges cache tags and reads their quota', async () => {
      const sdk = new esaSdk.default(config(fake, options))
      const tagged = await sdk.purgeCaches(
        new esaSdk.PurgeCachesRequest({
          siteId: 123456789,
          type: 'cachetag',
          force: true,
          content: new esaSdk.PurgeCachesRequestContent({ cacheTags: ['menu', 'author-ada'] })
        })
      )
      expect(tagged.body?.taskId).toMatch(/^\d+$/)
      const call = lastCall(fake, 'PurgeCaches')
      expect(call.params).toMatchObject({
        Type: 'cachetag',
        Force: 'true',
        Content: JSON.stringify({ CacheTags: ['menu', 'author-ada'] })
      })
      if (call.signature === 'v3')
        expect(new Set(Object.values(call.placement))).toEqual(new Set(['query']))
      const quota = await sdk.getPurgeQuota(
        new esaSdk.GetPurgeQuotaRequest({ siteId: 123456789, type: 'cachetag' })
      )
      expect(Number(quota.body?.quota) - Number(quota.body?.usage)).toBe(30000 - fake.used.Tag)
    })
  })

  it('refuses more than 100 tags in one purge, and tags on a plan without them', async () => {
    const sdk = new esaSdk.default(config(fake, {}))
    const purge = (tags: string[]) =>
      sdk.purgeCaches(
        new esaSdk.PurgeCachesRequest({
          siteId: 123456789,
          type: 'cachetag',
          content: new esaSdk.PurgeCachesRequestContent({ cacheTags: tags })
        })
      )
    await expect(purge(Array.from({ length: 101 }, (_, i) => `t${i}`))).rejects.toMatchObject({
      code: 'SingleRequest.OverLimit'
    })
    const plain = await startFakeService({
      product: 'esa',
      keys: KEYS,
      tagFeature: false,
      lifetimeMs: 10_000
    })
    try {
      await expect(
        new esaSdk.default(config(plain, {})).purgeCaches(
          new esaSdk.PurgeCachesRequest({
            siteId: 123456789,
            type: 'cachetag',
            content: new esaSdk.PurgeCachesRequestContent({ cacheTags: ['menu'] })
          })
        )
      ).rejects.toMatchObject({ code: 'OperationDenied.PlanNotSupported' })
    } finally {
      await plain.close()
    }
  })

  it('refuses parameters sent in a form body, where the SDK never puts them', async () => {
    const before = fake.state.calls.length
    const { RpcClient } = await import('../../src/api/client.js')
    const { signV3 } = await import('../../src/api/sign.js')
    const { createHttpSend } = await import('../../src/api/transport.js')
    const http = createHttpSend({ connectTimeoutMs: 2000, requestTimeoutMs: 5000 }, {})
    const client = new RpcClient({
      endpoint: new URL(fake.url),
      version: '2024-09-10',
      signer: signV3,
      key: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      send: http.send,
      clock: { now: () => Date.now(), sleep: async () => {} }
    })
    await expect(
      client.call('PurgeCaches', {
        SiteId: '123456789',
        Type: 'file',
        Content: '{"Files":["https://example.com/x"]}'
      })
    ).rejects.toMatchObject({ code: 'MissingParameter' })
    await http.close()
    expect(fake.state.calls.length).toBe(before + 1)
  })
})
