import { describe, expect, it } from '@jest/globals'
import { chooseCredentials } from '../../src/credentials/resolve.js'
import { defaultSessionName } from '../../src/credentials/oidc.js'
import { CredentialInputs } from '../../src/runner/inputs.js'

const NONE: CredentialInputs = {
  accessKeyId: '',
  accessKeySecret: '',
  securityToken: '',
  roleArn: '',
  oidcProviderArn: '',
  roleSessionName: '',
  audience: 'sts.aliyuncs.com'
}

describe('chooseCredentials (SPEC 5 order)', () => {
  const envKeys = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret'
  }

  it('prefers the inputs, then OIDC, then the environment families in order', () => {
    const inputs = {
      ...NONE,
      accessKeyId: 'in-id',
      accessKeySecret: 'in-secret',
      roleArn: 'r',
      oidcProviderArn: 'p'
    }
    expect(chooseCredentials(inputs, envKeys)).toMatchObject({
      kind: 'key',
      resolved: { key: { accessKeyId: 'in-id' } }
    })
    expect(chooseCredentials({ ...NONE, roleArn: 'r', oidcProviderArn: 'p' }, envKeys)).toEqual({
      kind: 'oidc'
    })
    expect(chooseCredentials(NONE, envKeys)).toMatchObject({
      kind: 'key',
      resolved: {
        key: { accessKeyId: 'env-id', accessKeySecret: 'env-secret', securityToken: undefined }
      }
    })
  })

  it.each([
    [
      {
        ALIBABACLOUD_ACCESS_KEY_ID: 'b-id',
        ALIBABACLOUD_ACCESS_KEY_SECRET: 'b-s',
        ALIBABACLOUD_SECURITY_TOKEN: 'b-t',
        ALICLOUD_ACCESS_KEY: 'c-id',
        ALICLOUD_SECRET_KEY: 'c-s'
      },
      ['b-id', 'b-s', 'b-t']
    ],
    [
      { ALICLOUD_ACCESS_KEY: 'c-id', ALICLOUD_SECRET_KEY: 'c-s', ALICLOUD_SECURITY_TOKEN: 'c-t' },
      ['c-id', 'c-s', 'c-t']
    ],
    // The token of another family is never borrowed.
    [
      {
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'a-id',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'a-s',
        ALICLOUD_SECURITY_TOKEN: 'c-t'
      },
      ['a-id', 'a-s', undefined]
    ],
    // An empty value, as the credentials action's cleanup leaves, counts as unset.
    [
      {
        ALIBABA_CLOUD_ACCESS_KEY_ID: '',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: '',
        ALIBABA_CLOUD_SECURITY_TOKEN: '',
        ALICLOUD_ACCESS_KEY: 'c-id',
        ALICLOUD_SECRET_KEY: 'c-s'
      },
      ['c-id', 'c-s', undefined]
    ],
    // Half a family is skipped, never mixed with the next.
    [
      {
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'a-id',
        ALIBABACLOUD_ACCESS_KEY_ID: 'b-id',
        ALIBABACLOUD_ACCESS_KEY_SECRET: 'b-s'
      },
      ['b-id', 'b-s', undefined]
    ]
  ])('%j', (env, [id, secret, token]) => {
    const choice = chooseCredentials(NONE, env)
    expect(choice).toMatchObject({
      kind: 'key',
      resolved: { key: { accessKeyId: id, accessKeySecret: secret, securityToken: token } }
    })
  })

  it('lists every way to supply credentials when there are none', () => {
    expect(() => chooseCredentials(NONE, { ALICLOUD_SECRET_KEY: 'x' })).toThrow(
      /role-arn[\s\S]*access-key-id[\s\S]*ALIBABA_CLOUD_ACCESS_KEY_ID[\s\S]*dry-run[\s\S]*ALICLOUD_SECRET_KEY is set but ALICLOUD_ACCESS_KEY is not/
    )
  })

  it('never names a secret value in the error', () => {
    try {
      chooseCredentials(NONE, { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'super-secret-value' })
      throw new Error('expected a failure')
    } catch (error) {
      expect(String(error)).not.toContain('super-secret-value')
    }
  })
})

describe('defaultSessionName', () => {
  it.each([
    ['4242', 'github-actions-4242'],
    [undefined, 'github-actions'],
    ['12 34/56', 'github-actions-12-34-56'],
    ['9'.repeat(80), ('github-actions-' + '9'.repeat(80)).slice(0, 64)]
  ])('%s → %s', (runId, name) => {
    const made = defaultSessionName(runId)
    expect(made).toBe(name)
    expect(made).toMatch(/^[A-Za-z0-9.@_-]{2,64}$/)
  })
})
