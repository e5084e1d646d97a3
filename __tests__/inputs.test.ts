import { describe, expect, it } from '@jest/globals'
import { UserError } from '../src/errors.js'
import { readSettings } from '../src/inputs.js'

/** Inputs as the runner gives them; a step always has something to refresh unless a test says not. */
const reader =
  (
    inputs: Record<string, string>,
    base: Record<string, string> = { urls: 'https://a.example/x' }
  ) =>
  (name: string) =>
    ({ ...base, ...inputs })[name] ?? ''

describe('readSettings', () => {
  it('applies the action.yml defaults when inputs are absent', () => {
    const s = readSettings(reader({}))
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
  })

  it('reads YAML booleans, numbers and lists', () => {
    const s = readSettings(
      reader({
        'dry-run': 'True',
        force: 'TRUE',
        'quota-check': 'false',
        'max-urls-per-request': '500',
        paths: 'a\n./b\n\n',
        rules: '** => https://a.example/{path}',
        urls: 'directory https://a.example/d/'
      })
    )
    expect(s.dryRun).toBe(true)
    expect(s.force).toBe(true)
    expect(s.quotaCheck).toBe(false)
    expect(s.maxUrlsPerRequest).toBe(500)
    expect(s.paths).toEqual(['a', 'b'])
    expect(s.urls).toEqual([{ type: 'Directory', url: 'https://a.example/d/' }])
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
    [{ rules: 'nope' }, /rules line 1/]
  ])('rejects %j', (inputs, message) => {
    expect(() => readSettings(reader(inputs))).toThrow(UserError)
    expect(() => readSettings(reader(inputs))).toThrow(message)
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
  ])('rejects the contradiction %j', (inputs, message) => {
    expect(() => readSettings(reader(inputs))).toThrow(message)
  })

  it('refuses a step that can never refresh anything, naming the inputs that would give it work', () => {
    const run = () => readSettings(reader({ wait: 'true' }, {}))
    expect(run).toThrow(UserError)
    expect(run).toThrow(
      /'rules', 'paths', 'urls', 'paths-file', 'urls-file', 'fallback', 'output-dir'/
    )
  })

  it('accepts loopback http endpoints and bare host names', () => {
    expect(readSettings(reader({ endpoint: 'http://127.0.0.1:8080' })).endpoint.host).toBe(
      '127.0.0.1:8080'
    )
    expect(readSettings(reader({ endpoint: 'http://localhost:1' })).endpoint.protocol).toBe('http:')
    expect(
      readSettings(reader({ endpoint: 'dcdn.ap-southeast-1.aliyuncs.com' })).endpoint.href
    ).toBe('https://dcdn.ap-southeast-1.aliyuncs.com/')
  })
})
