// Proves the fake STS with Alibaba's own STS client, @alicloud/sts20150401: what the OIDC
// exchange is tested against is what the real AssumeRoleWithOIDC accepts and answers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import stsSdk from '@alicloud/sts20150401'
import openApiClient from '@alicloud/openapi-client'
import { startFakeOidc, startFakeSts } from './identity.mjs'

const { Config } = openApiClient
const ROLE = 'acs:ram::1234567890123456:role/github-refresh'
const PROVIDER = 'acs:ram::1234567890123456:oidc-provider/GitHub'
type Sts = Awaited<ReturnType<typeof startFakeSts>>
type Oidc = Awaited<ReturnType<typeof startFakeOidc>>
let sts: Sts
let oidc: Oidc

beforeAll(async () => {
  oidc = await startFakeOidc({ lifetimeMs: 30_000 })
  sts = await startFakeSts({
    roleArn: ROLE,
    oidcProviderArn: PROVIDER,
    credentials: {
      accessKeyId: 'STS.id',
      accessKeySecret: 'sts-secret',
      securityToken: 'sts-token'
    },
    lifetimeMs: 30_000
  })
})
afterAll(async () => {
  await sts.close()
  await oidc.close()
})

async function idToken(audience = 'sts.aliyuncs.com'): Promise<string> {
  const answer = await fetch(`${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${audience}`, {
    headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
  })
  return ((await answer.json()) as { value: string }).value
}

const client = () =>
  new stsSdk.default(
    new Config({
      endpoint: new URL(sts.url).host,
      protocol: 'http',
      readTimeout: 5000,
      connectTimeout: 5000
    })
  )
const request = (fields: Record<string, unknown>) =>
  new stsSdk.AssumeRoleWithOIDCRequest({
    roleArn: ROLE,
    OIDCProviderArn: PROVIDER,
    roleSessionName: 'github-actions-1',
    durationSeconds: 3600,
    ...fields
  })

describe('the fake STS, driven by the official STS client', () => {
  it('exchanges a GitHub OIDC token for credentials, as AssumeRoleWithOIDC answers', async () => {
    const answer = await client().assumeRoleWithOIDC(request({ OIDCToken: await idToken() }))
    expect(answer.body?.credentials).toMatchObject({
      accessKeyId: 'STS.id',
      accessKeySecret: 'sts-secret',
      securityToken: 'sts-token'
    })
    expect(answer.body?.credentials?.expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(answer.body?.OIDCTokenInfo?.subject).toBe('repo:octo-org/site:ref:refs/heads/main')
    // The SDK sends every parameter in the query of an anonymous POST; the fake saw where.
    const call = sts.calls.at(-1)!
    expect(call.placement).toEqual({
      RoleArn: 'query',
      OIDCProviderArn: 'query',
      OIDCToken: 'query',
      RoleSessionName: 'query',
      DurationSeconds: 'query'
    })
    expect(call.headers.authorization).toBeUndefined()
  })

  it.each([
    [
      'a token it did not sign',
      { OIDCToken: 'a.b.c' },
      'AuthenticationFail.OIDCToken.InvalidSignature'
    ],
    ['another role', { roleArn: 'acs:ram::1:role/other' }, 'AuthenticationFail.NoPermission'],
    ['a session shorter than 900 s', { durationSeconds: 600 }, 'InvalidParameter.DurationSeconds'],
    [
      'a malformed session name',
      { roleSessionName: 'bad name' },
      'InvalidParameter.RoleSessionName'
    ]
  ])('refuses %s', async (_, fields, code) => {
    const token = await idToken()
    await expect(
      client().assumeRoleWithOIDC(request({ OIDCToken: token, ...fields }))
    ).rejects.toMatchObject({ code })
  })

  it('refuses a token for another audience', async () => {
    await expect(
      client().assumeRoleWithOIDC(request({ OIDCToken: await idToken('someone-else') }))
    ).rejects.toMatchObject({ code: 'AuthenticationFail.OIDCToken.AudienceNotMatch' })
  })
})
