import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import openApiUtil from '@alicloud/openapi-util'
import { canonicalQuery, percentEncode } from '../../src/api/encode.js'
import { sha256Hex, signV2, signV3, signatureV2, signatureV3 } from '../../src/api/sign.js'

// The official SDK helper, used here only as the reference our signatures must equal.
const OpenApiUtil = openApiUtil.default

const V2_PARAMS = {
  AccessKeyId: 'testid',
  Format: 'JSON',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: 'edb2b34af0af9a6d14deaf7c1a5315eb',
  SignatureVersion: '1.0',
  Timestamp: '2023-03-13T08:34:30Z'
}
const OBJECT_PATH = 'https://example.com/a.txt\nhttps://example.com/b c.txt'
const V3_COMMON = {
  'x-acs-date': '2023-10-26T10:22:32Z',
  'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d'
}

describe('percentEncode (RFC 3986, SPEC 6.3)', () => {
  it.each([
    ['a b', 'a%20b'],
    ['*', '%2A'],
    ['~', '~'],
    ["!'()", '%21%27%28%29'],
    ['+,;=:@&$', '%2B%2C%3B%3D%3A%40%26%24'],
    ['é', '%C3%A9'],
    ['\n', '%0A'],
    ['A-Z_a.z0~9', 'A-Z_a.z0~9']
  ])('encodes %j as %s', (input, expected) => {
    expect(percentEncode(input)).toBe(expected)
  })
})

describe('signature v2 vectors (SPEC 6.6)', () => {
  it('matches the published GET vector', () => {
    const params = {
      ...V2_PARAMS,
      Action: 'DescribeDedicatedHosts',
      RegionId: 'cn-beijing',
      Version: '2014-05-26'
    }
    expect(signatureV2('GET', params, 'testsecret')).toBe('9NaGiOspFP5UPcwX8Iwt2YJXXuk=')
  })

  it('matches the DCDN POST vector', () => {
    const params = {
      ...V2_PARAMS,
      Action: 'RefreshDcdnObjectCaches',
      Version: '2018-01-15',
      ObjectType: 'File',
      ObjectPath: OBJECT_PATH
    }
    expect(signatureV2('POST', params, 'testsecret')).toBe('NverhIibrdY7uJeqkW/5lFSWFEA=')
    expect(
      signatureV2('POST', { ...params, SecurityToken: 'STS.exampleToken' }, 'testsecret')
    ).toBe('FLbxWK9yE/HPlECsOjleGuRxrRg=')
  })

  it('signV2 sends every parameter, the signature included, as the form body', () => {
    const signed = signV2(
      {
        host: 'dcdn.aliyuncs.com',
        method: 'POST',
        placement: 'body',
        action: 'RefreshDcdnObjectCaches',
        version: '2018-01-15',
        params: { ObjectType: 'File', ObjectPath: OBJECT_PATH },
        nonce: V2_PARAMS.SignatureNonce,
        time: Date.parse('2023-03-13T08:34:30Z')
      },
      { accessKeyId: 'testid', accessKeySecret: 'testsecret', securityToken: 'STS.exampleToken' }
    )
    const form = new URLSearchParams(signed.body)
    expect(form.get('Signature')).toBe('FLbxWK9yE/HPlECsOjleGuRxrRg=')
    expect(form.get('SecurityToken')).toBe('STS.exampleToken')
    expect(form.get('Format')).toBe('JSON')
    expect(signed.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(signed.body).not.toContain('+')
  })
})

describe('signature v3 vectors (SPEC 6.6)', () => {
  const key = { accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret' }

  it('matches the published RunInstances vector', () => {
    const { signature } = signatureV3(
      {
        method: 'POST',
        query: {
          ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd',
          RegionId: 'cn-shanghai'
        },
        headers: {
          host: 'ecs.cn-shanghai.aliyuncs.com',
          'x-acs-action': 'RunInstances',
          'x-acs-version': '2014-05-26',
          ...V3_COMMON,
          'x-acs-content-sha256': sha256Hex('')
        },
        payloadHash: sha256Hex('')
      },
      key.accessKeySecret
    )
    expect(signature).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0')
  })

  const dcdnHeaders = (action: string, body: string, withType: boolean) => ({
    host: 'dcdn.aliyuncs.com',
    'x-acs-action': action,
    'x-acs-version': '2018-01-15',
    ...V3_COMMON,
    'x-acs-content-sha256': sha256Hex(body),
    ...(withType ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
  })

  it('matches the DCDN form-body vector, through signV3 itself', () => {
    const signed = signV3(
      {
        host: 'dcdn.aliyuncs.com',
        method: 'POST',
        placement: 'body',
        action: 'RefreshDcdnObjectCaches',
        version: '2018-01-15',
        params: { ObjectPath: OBJECT_PATH, ObjectType: 'File' },
        nonce: V3_COMMON['x-acs-signature-nonce'],
        time: Date.parse(V3_COMMON['x-acs-date'])
      },
      key
    )
    expect(signed.body).toBe(
      'ObjectPath=https%3A%2F%2Fexample.com%2Fa.txt%0Ahttps%3A%2F%2Fexample.com%2Fb%20c.txt&ObjectType=File'
    )
    expect(signed.headers.authorization).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=0a92c1d8f2c813a2cda9b1bfd2afab249d0208e540cc0f228cdfaeb0d15bd584'
    )
    expect(signed.headers.accept).toBe('application/json')
  })

  it('matches the DCDN query vector and the quota vector', () => {
    const query = signatureV3(
      {
        method: 'POST',
        query: { ObjectPath: OBJECT_PATH, ObjectType: 'File' },
        headers: dcdnHeaders('RefreshDcdnObjectCaches', '', false),
        payloadHash: sha256Hex('')
      },
      key.accessKeySecret
    )
    expect(query.signature).toBe('2a8763ca0078004d3ca1339f54bb311d5cd41b22360c6b28ea6c836f7aa0487d')
    const quota = signatureV3(
      {
        method: 'POST',
        query: {},
        headers: dcdnHeaders('DescribeDcdnRefreshQuota', '', false),
        payloadHash: sha256Hex('')
      },
      key.accessKeySecret
    )
    expect(quota.signature).toBe('564cf8a108ae5a137b84c303774da8d0a2c0d956d503d23534fc2a28704a2f10')
  })

  it('signs the STS token as an x-acs-security-token header', () => {
    const signed = signV3(
      {
        host: 'dcdn.aliyuncs.com',
        method: 'POST',
        placement: 'body',
        action: 'DescribeDcdnRefreshQuota',
        version: '2018-01-15',
        params: {},
        nonce: 'n',
        time: 0
      },
      { ...key, securityToken: 'STS.token' }
    )
    expect(signed.headers['x-acs-security-token']).toBe('STS.token')
    expect(signed.headers.authorization).toContain('x-acs-security-token')
  })
})

/** A small seeded generator, so a failure can be reproduced. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALPHABET = [
  'a',
  'Z',
  '0',
  ' ',
  '/',
  '.',
  '-',
  '_',
  '~',
  '!',
  "'",
  '(',
  ')',
  '*',
  '+',
  '%',
  '&',
  '=',
  '\r',
  '\n',
  '?',
  '#',
  ':',
  '@',
  'é',
  '中',
  '😀',
  'ß',
  '\t',
  ';',
  ',',
  '$'
]

function randomObjectPath(random: () => number): string {
  const length = 1 + Math.floor(random() * 40)
  let text = 'https://example.com/'
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)]
  return text
}

describe('signatures equal the official @alicloud/openapi-util on random ObjectPath values', () => {
  const random = generator(20261125)
  const cases = Array.from({ length: 600 }, () => randomObjectPath(random))
  const nonce = '3156853299f313e23d1673dc12e1703d'
  const time = Date.parse('2023-10-26T10:22:32Z')
  const key = {
    accessKeyId: 'testid',
    accessKeySecret: 'testsecret',
    securityToken: 'STS.tok+en/='
  }

  const refreshCall = (objectPath: string) => ({
    host: 'dcdn.aliyuncs.com',
    method: 'POST' as const,
    placement: 'body' as const,
    action: 'RefreshDcdnObjectCaches',
    version: '2018-01-15',
    params: { ObjectPath: objectPath, ObjectType: 'File' },
    nonce,
    time
  })

  it('v3 (getAuthorization), for 600 paths, from a request built independently of src', () => {
    for (const objectPath of cases) {
      const signed = signV3(refreshCall(objectPath), key)
      // The form body, its hash and the headers, made here with openapi-util's own encoder and
      // node's crypto, never read back from what signV3 produced.
      const params: Record<string, string> = { ObjectPath: objectPath, ObjectType: 'File' }
      const body = Object.keys(params)
        .sort()
        .map((k) => `${OpenApiUtil.getEncodeParam(k)}=${OpenApiUtil.getEncodeParam(params[k])}`)
        .join('&')
      const payloadHash = createHash('sha256').update(body).digest('hex')
      const headers = {
        host: 'dcdn.aliyuncs.com',
        'x-acs-action': 'RefreshDcdnObjectCaches',
        'x-acs-version': '2018-01-15',
        'x-acs-date': '2023-10-26T10:22:32Z',
        'x-acs-signature-nonce': nonce,
        'x-acs-content-sha256': payloadHash,
        'x-acs-security-token': key.securityToken,
        'content-type': 'application/x-www-form-urlencoded'
      }
      const official = OpenApiUtil.getAuthorization(
        { pathname: '/', method: 'POST', query: {}, headers } as never,
        'ACS3-HMAC-SHA256',
        payloadHash,
        key.accessKeyId,
        key.accessKeySecret
      )
      expect(signed.body).toBe(body)
      expect(signed.headers.authorization).toBe(official)
      expect(new URLSearchParams(signed.body).get('ObjectPath')).toBe(objectPath)
    }
  })

  it('v2 (getRPCSignature), for 600 paths', () => {
    for (const objectPath of cases) {
      const signed = signV2(refreshCall(objectPath), key)
      const { Signature, ...params } = Object.fromEntries(new URLSearchParams(signed.body))
      expect(params.ObjectPath).toBe(objectPath)
      expect(Signature).toBe(OpenApiUtil.getRPCSignature(params, 'POST', key.accessKeySecret))
    }
  })

  it.each([
    ['GET', 'DescribePurgeTasks'],
    ['POST', 'PurgeCaches']
  ] as const)(
    'v3 with every parameter in the query (%s, as ESA takes it), for 600 paths',
    (method, action) => {
      for (const objectPath of cases) {
        const call = {
          ...refreshCall(objectPath),
          host: 'esa.cn-hangzhou.aliyuncs.com',
          method,
          placement: 'query' as const,
          action,
          version: '2024-09-10',
          params: { SiteId: '123', Content: JSON.stringify({ Files: objectPath.split('\n') }) }
        }
        const signed = signV3(call, key)
        expect(signed.body).toBe('')
        expect(signed.headers['content-type']).toBeUndefined()
        const query = Object.fromEntries(new URLSearchParams(signed.query))
        expect(query).toEqual(call.params)
        const headers = Object.fromEntries(
          Object.entries(signed.headers).filter(
            ([name]) => name !== 'authorization' && name !== 'accept'
          )
        )
        const official = OpenApiUtil.getAuthorization(
          { pathname: '/', method, query, headers } as never,
          'ACS3-HMAC-SHA256',
          sha256Hex(''),
          key.accessKeyId,
          key.accessKeySecret
        )
        expect(signed.headers.authorization).toBe(official)
      }
    }
  )

  it('v2 by GET puts everything, the signature included, in the query', () => {
    for (const objectPath of cases.slice(0, 100)) {
      const signed = signV2({ ...refreshCall(objectPath), method: 'GET', placement: 'query' }, key)
      expect(signed.body).toBe('')
      const { Signature, ...params } = Object.fromEntries(new URLSearchParams(signed.query))
      expect(Signature).toBe(OpenApiUtil.getRPCSignature(params, 'GET', key.accessKeySecret))
    }
  })

  it('canonicalQuery encodes keys and values alike and sorts by name', () => {
    expect(canonicalQuery({ b: 'x y', a: '*', A: '~' })).toBe('A=~&a=%2A&b=x%20y')
  })
})
