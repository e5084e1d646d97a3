import { describe, expect, it } from '@jest/globals'
import { parseErrorBody } from '../../src/api/client.js'
import { ApiError, isRetryable } from '../../src/api/errors.js'
import { dcdnService } from '../../src/services/dcdn.js'
import { splitIds } from '../../src/services/service.js'
import { proxyFor } from '../../src/api/proxy.js'
import { clientAnswering } from '../fakes/client.js'

describe('parseErrorBody', () => {
  it('reads JSON', () => {
    expect(
      parseErrorBody(
        '{"RequestId":"R1","HostId":"h","Code":"Throttling.User","Message":"slow down"}'
      )
    ).toEqual({ code: 'Throttling.User', message: 'slow down', requestId: 'R1' })
  })
  it('tolerates XML', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>R2</RequestId><HostId>h</HostId><Code>Forbidden.RAM</Code><Message>denied</Message></Error>'
    expect(parseErrorBody(xml)).toEqual({
      code: 'Forbidden.RAM',
      message: 'denied',
      requestId: 'R2'
    })
  })
  it('gives nothing for other bodies', () => {
    expect(parseErrorBody('Bad Gateway')).toEqual({
      code: undefined,
      message: undefined,
      requestId: undefined
    })
    expect(parseErrorBody('{broken')).toEqual({})
  })
})

describe('retry classification (SPEC 4.3)', () => {
  it.each([
    ['Throttling', 400, true],
    ['Throttling.User', 400, true],
    ['Throttling.Api', 400, true],
    ['ServiceUnavailable', 503, true],
    ['InternalError', 500, true],
    ['SignatureNonceUsed', 400, true],
    ['TooMany.Refresh', 400, true],
    ['PreloadQueueFull', 400, true],
    ['QuotaPerMinuteExceeded.Refresh', 400, true],
    ['NetworkError', 0, true],
    ['RequestTimeout', 0, true],
    ['HTTP502', 502, true],
    ['QuotaExceeded.Refresh', 400, false],
    ['SingleRequest.OverLimit', 400, false],
    ['InvalidObjectType.Malformed', 400, false],
    ['InvalidObjectPath.Malformed', 400, false],
    ['InvalidExtensiveDomain.ValueNotSupported', 400, false],
    ['InvalidAccessKeyId.NotFound', 404, false],
    ['SignatureDoesNotMatch', 400, false],
    ['InvalidTimeStamp.Expired', 400, false],
    ['Forbidden.RAM', 403, false],
    ['InvalidSecurityToken.Expired', 400, false]
  ])('%s (HTTP %i) retryable: %s', (code, status, retryable) => {
    expect(isRetryable(code, status)).toBe(retryable)
  })

  it('quotes Code, Message and RequestId, with advice', () => {
    const error = new ApiError({
      code: 'Forbidden.RAM',
      message: 'User not authorized',
      requestId: 'ABC-1',
      httpStatus: 403
    })
    expect(error.message).toBe(
      'Forbidden.RAM: User not authorized (RequestId ABC-1) Grant the RAM identity the actions this step calls: the README lists them for each service.'
    )
    expect(error.retryable).toBe(false)
  })
})

describe('operations', () => {
  it('splits comma lists of task IDs', () => {
    expect(splitIds('1, 2,3,')).toEqual(['1', '2', '3'])
    expect(splitIds(17)).toEqual(['17'])
    expect(splitIds(undefined)).toEqual([])
  })

  it('parses the quota figures, which DCDN sends as strings', async () => {
    const post = async () => ({
      status: 200,
      body: JSON.stringify({
        RequestId: 'Q',
        UrlQuota: '10000',
        UrlRemain: '9990',
        DirQuota: '100',
        DirRemain: '99',
        RegexQuota: '20',
        RegexRemain: '20',
        IgnoreParamsQuota: '10000',
        IgnoreParamsRemain: '10000',
        PreloadQuota: '1000',
        PreloadRemain: '0',
        BlockQuota: '100',
        BlockRemain: '100'
      })
    })
    const client = clientAnswering(post)
    const quota = await dcdnService(client).readQuota(['File'])
    expect(quota.remain).toEqual({
      File: 9990,
      Directory: 99,
      Regex: 20,
      IgnoreParams: 10000,
      Preload: 0,
      Tag: Infinity
    })
    expect(quota.quota.File).toBe(10000)
  })

  it('turns a non-JSON success body into a retryable error', async () => {
    const client = clientAnswering(async () => ({ status: 200, body: '<html>' }))
    await expect(client.call('DescribeDcdnRefreshQuota')).rejects.toMatchObject({
      code: 'InvalidResponse',
      retryable: true
    })
  })
})

describe('proxyFor', () => {
  const url = new URL('https://dcdn.aliyuncs.com')
  it.each([
    [{}, undefined],
    [{ HTTPS_PROXY: 'http://proxy:3128' }, 'http://proxy:3128'],
    [{ https_proxy: 'http://proxy:3128' }, 'http://proxy:3128'],
    [{ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'aliyuncs.com' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.aliyuncs.com' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'localhost, *' }, undefined],
    [
      { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'example.com,dcdn.aliyuncs.com:8443' },
      'http://proxy:3128'
    ],
    [{ HTTP_PROXY: 'http://proxy:3128' }, undefined]
  ])('%j → %s', (env, proxy) => {
    expect(proxyFor(url, env)).toBe(proxy)
  })
})
