// Checks the fake DCDN itself by driving it with Alibaba's official SDK, so that what our
// client is tested against is what the real service would accept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import dcdnSdk from '@alicloud/dcdn20180115'
import openApiClient from '@alicloud/openapi-client'
import { startFakeDcdn } from './dcdn-server.mjs'

const Dcdn = dcdnSdk.default
const {
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
