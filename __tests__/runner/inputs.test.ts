import { describe, expect, it } from '@jest/globals'
import { UserError } from '../../src/util/errors.js'
import { readSettings } from '../../src/runner/inputs.js'

/** Inputs as the runner gives them; a step always has something to refresh unless a test says not. */
const reader =
  (
    inputs: Record<string, string>,
    base: Record<string, string> = { urls: 'https://a.example/x' }
  ) =>
  (name: string) =>
    ({ ...base, ...inputs })[name] ?? ''

describe('readSettings', () => {
  it('applies the action.yml defaults when inputs are absent', async () => {
    const s = await readSettings(reader({}))
    expect(s.changedFiles).toBe('auto')
    expect(s.waitTimeoutSeconds).toBe(600)
    expect(s.maxUrlsPerRequest).toBe(1000)
    expect(s.urlRatePerDomain).toBe(1000)
    expect(s.maxObjects).toBe(10000)
    expect(s.quotaCheck).toBe(true)
    expect(s.dryRun).toBe(false)
    expect(s.endpoint.href).toBe('https://dcdn.aliyuncs.com/')
    expect(s.stsEndpoint.host).toBe('sts.aliyuncs.com')
    expect(s.signatureVersion).toBe('v3')
    expect(s.credentials.audience).toBe('sts.aliyuncs.com')
    expect(s.verify).toBe('off')
    expect(s.verifyMax).toBe(50)
  })

  it('reads YAML booleans, numbers and lists', async () => {
    const s = await readSettings(
      reader({
        'dry-run': 'True',
        force: 'TRUE',
        'quota-check': 'false',
        'max-urls-per-request': '500',
        paths: 'a\n./b\n\n',
        rules: '** => https://a.example/{path}',
        urls: 'directory https://a.example/d/\ntag a.example menu,nav',
        verify: 'fail',
        'verify-max': '1000'
      })
    )
    expect(s.dryRun).toBe(true)
    expect(s.force).toBe(true)
    expect(s.quotaCheck).toBe(false)
    expect(s.maxUrlsPerRequest).toBe(500)
    expect(s.paths).toEqual(['a', 'b'])
    expect(s.urls).toEqual({
      urls: [{ type: 'Directory', url: 'https://a.example/d/' }],
      tags: [
        { host: 'a.example', tag: 'menu' },
        { host: 'a.example', tag: 'nav' }
      ]
    })
    expect(s.verify).toBe('fail')
    expect(s.verifyMax).toBe(1000)
  })

  it.each([
    [{ 'dry-run': 'yes' }, /Input 'dry-run' must be true or false/],
    [{ wait: '1' }, /Input 'wait'/],
    [
      { 'max-urls-per-request': '1001' },
      /Input 'max-urls-per-request' must be a whole number from 1 to 1000/
    ],
    [{ 'max-urls-per-request': '0' }, /max-urls-per-request/],
    [{ 'wait-timeout': '-5' }, /wait-timeout/],
    [{ 'url-rate-per-domain': '1.5' }, /url-rate-per-domain/],
    [{ 'max-objects': 'many' }, /max-objects/],
    [{ 'changed-files': 'maybe' }, /Input 'changed-files' must be one of auto, true, false/],
    [{ 'signature-version': 'v4' }, /Input 'signature-version'/],
    [{ 'preload-area': 'global', preload: 'true' }, /Input 'preload-area'/],
    [
      { endpoint: 'http://dcdn.aliyuncs.com' },
      /Input 'endpoint' may use plain http:\/\/ only for a loopback host/
    ],
    [{ endpoint: 'https://dcdn.aliyuncs.com/path' }, /Input 'endpoint' must name only/],
    [{ 'sts-endpoint': 'http://10.0.0.1' }, /Input 'sts-endpoint'/],
    [{ base: '--upload-pack=x', head: 'abc1234' }, /Input 'base'/],
    [{ base: 'abc1234', head: 'a;b' }, /Input 'head'/],
    [{ paths: 'a\n../etc/passwd', rules: '** => https://a.example/{path}' }, /paths line 2/],
    [{ urls: 'https://*.example.com/' }, /urls line 1/],
    [{ rules: 'nope' }, /rules line 1/],
    [{ verify: 'maybe' }, /Input 'verify' must be one of off, warn, fail, not 'maybe'/],
    [{ 'verify-max': '0' }, /Input 'verify-max' must be a whole number from 1 to 1000, not '0'/],
    [{ 'verify-max': '1001' }, /Input 'verify-max' must be a whole number from 1 to 1000/],
    [{ urls: 'tag menu' }, /urls line 1 .*DCDN refreshes tags per domain: 'tag <host>/],
    [
      { service: 'esa', site: '1', urls: 'tag a.example menu' },
      /urls line 1 .*ESA refreshes tags site-wide/
    ]
  ])('rejects %j', async (inputs, message) => {
    await expect(readSettings(reader(inputs))).rejects.toThrow(UserError)
    await expect(readSettings(reader(inputs))).rejects.toThrow(message)
  })

  it.each([
    [{ 'dry-run': 'true', preload: 'true' }, /'preload' cannot be used with 'dry-run'/],
    [{ 'dry-run': 'true', wait: 'true' }, /'wait' cannot be used with 'dry-run'/],
    [{ 'preload-area': 'overseas' }, /'preload-area' is set but 'preload' is not/],
    [{ base: 'abc1234' }, /'base' and 'head' go together/],
    [{ base: 'abc1234', head: 'def5678', 'changed-files': 'false' }, /changed-files' is false/],
    [{ paths: 'a.html' }, /'paths' needs 'rules'/],
    [{ 'access-key-id': 'id' }, /'access-key-id' and 'access-key-secret' go together/],
    [{ 'security-token': 'tok' }, /'security-token' needs/],
    [{ 'role-arn': 'acs:ram::1:role/x' }, /'role-arn' and 'oidc-provider-arn' go together/],
    [{ 'role-session-name': 'bad name!' }, /role-session-name/]
  ])('rejects the contradiction %j', async (inputs, message) => {
    await expect(readSettings(reader(inputs))).rejects.toThrow(message)
  })

  it('refuses a step that can never refresh anything, naming the inputs that would give it work', async () => {
    const run = () => readSettings(reader({ wait: 'true' }, {}))
    await expect(run()).rejects.toThrow(UserError)
    await expect(run()).rejects.toThrow(
      /'rules', 'paths', 'urls', 'paths-file', 'urls-file', 'fallback', 'output-dir'/
    )
  })

  it('accepts loopback http endpoints and bare host names', async () => {
    expect((await readSettings(reader({ endpoint: 'http://127.0.0.1:8080' }))).endpoint.host).toBe(
      '127.0.0.1:8080'
    )
    expect((await readSettings(reader({ endpoint: 'http://localhost:1' }))).endpoint.protocol).toBe(
      'http:'
    )
    expect(
      (await readSettings(reader({ endpoint: 'dcdn.ap-southeast-1.aliyuncs.com' }))).endpoint.href
    ).toBe('https://dcdn.ap-southeast-1.aliyuncs.com/')
  })
})
