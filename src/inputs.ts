import { UserError } from './errors.js'
import { DCDN_LIMITS } from './limits.js'
import { RuleSet, parseRules } from './rules/parse.js'
import { RefreshTarget, parseTargetLines } from './targets.js'

/** Reads one raw input; main.ts passes core.getInput. */
export type InputReader = (name: string) => string

export type ChangedFilesMode = 'auto' | 'true' | 'false'
export type SignatureVersion = 'v3' | 'v2'

export interface CredentialInputs {
  accessKeyId: string
  accessKeySecret: string
  securityToken: string
  roleArn: string
  oidcProviderArn: string
  /** Empty means the default built from the run id. */
  roleSessionName: string
  audience: string
}

/** Every input of action.yml, read once, typed and validated. */
export interface Settings {
  rules: RuleSet
  paths: string[]
  urls: RefreshTarget[]
  changedFiles: ChangedFilesMode
  base: string
  head: string
  fallback: RefreshTarget[]
  force: boolean
  dryRun: boolean
  wait: boolean
  waitTimeoutSeconds: number
  preload: boolean
  preloadArea: '' | 'domestic' | 'overseas'
  maxUrlsPerRequest: number
  urlRatePerDomain: number
  maxObjects: number
  quotaCheck: boolean
  credentials: CredentialInputs
  endpoint: URL
  stsEndpoint: URL
  signatureVersion: SignatureVersion
  githubToken: string
}

/** The defaults of action.yml, so that a run without them (a local run, a test) behaves the same. */
export const DEFAULTS = {
  'changed-files': 'auto',
  'wait-timeout': '600',
  'max-urls-per-request': String(DCDN_LIMITS.urlsPerRequest),
  'url-rate-per-domain': String(DCDN_LIMITS.defaultUrlRatePerDomain),
  'max-objects': '10000',
  'quota-check': 'true',
  audience: 'sts.aliyuncs.com',
  endpoint: 'https://dcdn.aliyuncs.com',
  'sts-endpoint': 'https://sts.aliyuncs.com',
  'signature-version': 'v3'
} as const

const TRUE_WORDS = ['true', 'True', 'TRUE']
const FALSE_WORDS = ['false', 'False', 'FALSE']

class Reader {
  constructor(private readonly read: InputReader) {}

  text(name: string): string {
    const value = this.read(name).trim()
    if (value !== '') return value
    return (DEFAULTS as Record<string, string>)[name] ?? ''
  }

  /** Multi-line inputs keep their lines; only the ends of the whole value are trimmed. */
  lines(name: string): string {
    return this.read(name)
  }

  boolean(name: string, fallback = false): boolean {
    const value = this.text(name)
    if (value === '') return fallback
    if (TRUE_WORDS.includes(value)) return true
    if (FALSE_WORDS.includes(value)) return false
    throw new UserError(
      `Input '${name}' must be true or false (YAML 1.2 core schema), not '${value}'.`
    )
  }

  integer(name: string, min: number, max: number): number {
    const value = this.text(name)
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new UserError(
        `Input '${name}' must be a whole number from ${min} to ${max}, not '${value}'.`
      )
    }
    return Number(value)
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.text(name)
    if (!(allowed as readonly string[]).includes(value)) {
      const shown = allowed.map((a) => (a === '' ? "'' (empty)" : a)).join(', ')
      throw new UserError(`Input '${name}' must be one of ${shown}, not '${value}'.`)
    }
    return value as T
  }
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** An API endpoint: https, or plain http for a loopback host only; no path, query or user info. */
export function parseEndpoint(name: string, value: string): URL {
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`)
  } catch {
    throw new UserError(`Input '${name}' must be an https:// URL or a host name, not '${value}'.`)
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UserError(
      `Input '${name}' may use plain http:// only for a loopback host; use https://${url.host}.`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`Input '${name}' must be an https:// URL, not '${value}'.`)
  }
  if (
    url.username ||
    url.password ||
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search ||
    url.hash
  ) {
    throw new UserError(
      `Input '${name}' must name only the scheme, host and port, as in https://dcdn.aliyuncs.com.`
    )
  }
  return url
}

/** A commit for `base` or `head`: a hex SHA or a plain ref name, never anything git could read as an option. */
function parseRevision(name: string, value: string): string {
  if (value === '') return ''
  if (/^[0-9a-f]{4,64}$/i.test(value)) return value.toLowerCase()
  if (
    /^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]+$/.test(value) &&
    !value.endsWith('.lock') &&
    !value.endsWith('/')
  ) {
    return value
  }
  throw new UserError(
    `Input '${name}' must be a commit SHA (hex) or a plain ref name, not '${value}'.`
  )
}

/** Repository-relative paths from the `paths` input, normalised to what git would print. */
function parsePaths(text: string): string[] {
  const paths: string[] = []
  text.split('\n').forEach((raw, index) => {
    const path = raw
      .replace(/\r$/, '')
      .trim()
      .replace(/^(\.\/)+/, '')
    if (path === '') return
    if (path.startsWith('/') || path.split('/').includes('..')) {
      throw new UserError(
        `paths line ${index + 1} (${JSON.stringify(path)}): give a path relative to the repository root, without '..'.`
      )
    }
    paths.push(path)
  })
  return paths
}

/** Reads and checks every input. Any problem is a UserError that names the input. */
export function readSettings(read: InputReader): Settings {
  const input = new Reader(read)
  const settings: Settings = {
    rules: parseRules(input.lines('rules')),
    paths: parsePaths(input.lines('paths')),
    urls: parseTargetLines(input.lines('urls'), 'urls'),
    changedFiles: input.oneOf('changed-files', ['auto', 'true', 'false'] as const),
    base: parseRevision('base', input.text('base')),
    head: parseRevision('head', input.text('head')),
    fallback: parseTargetLines(input.lines('fallback'), 'fallback'),
    force: input.boolean('force'),
    dryRun: input.boolean('dry-run'),
    wait: input.boolean('wait'),
    waitTimeoutSeconds: input.integer('wait-timeout', 1, 21600),
    preload: input.boolean('preload'),
    preloadArea: input.oneOf('preload-area', ['', 'domestic', 'overseas'] as const),
    maxUrlsPerRequest: input.integer('max-urls-per-request', 1, DCDN_LIMITS.urlsPerRequest),
    urlRatePerDomain: input.integer('url-rate-per-domain', 1, 100000),
    maxObjects: input.integer('max-objects', 1, 1000000),
    quotaCheck: input.boolean('quota-check', true),
    credentials: {
      accessKeyId: input.text('access-key-id'),
      accessKeySecret: input.text('access-key-secret'),
      securityToken: input.text('security-token'),
      roleArn: input.text('role-arn'),
      oidcProviderArn: input.text('oidc-provider-arn'),
      roleSessionName: input.text('role-session-name'),
      audience: input.text('audience')
    },
    endpoint: parseEndpoint('endpoint', input.text('endpoint')),
    stsEndpoint: parseEndpoint('sts-endpoint', input.text('sts-endpoint')),
    signatureVersion: input.oneOf('signature-version', ['v3', 'v2'] as const),
    githubToken: input.text('github-token')
  }
  checkCombinations(settings)
  return settings
}

function checkCombinations(s: Settings): void {
  const c = s.credentials
  const problems: string[] = []
  if (s.dryRun && s.preload)
    problems.push(
      "'preload' cannot be used with 'dry-run': a dry run refreshes nothing to prefetch."
    )
  if (s.dryRun && s.wait)
    problems.push("'wait' cannot be used with 'dry-run': a dry run submits no task to wait for.")
  if (s.preloadArea !== '' && !s.preload)
    problems.push("'preload-area' is set but 'preload' is not true.")
  if ((s.base === '') !== (s.head === ''))
    problems.push("'base' and 'head' go together: give both or neither.")
  if (s.base !== '' && s.changedFiles === 'false') {
    problems.push(
      "'base' and 'head' are set but 'changed-files' is false, so they would be ignored."
    )
  }
  if (s.paths.length > 0 && s.rules.mappings.length === 0) {
    problems.push("'paths' needs 'rules' to turn the paths into URLs.")
  }
  if ((c.accessKeyId === '') !== (c.accessKeySecret === '')) {
    problems.push("'access-key-id' and 'access-key-secret' go together: give both or neither.")
  }
  if (c.securityToken !== '' && c.accessKeyId === '') {
    problems.push(
      "'security-token' needs 'access-key-id' and 'access-key-secret' from the same STS credentials."
    )
  }
  if ((c.roleArn === '') !== (c.oidcProviderArn === '')) {
    problems.push("'role-arn' and 'oidc-provider-arn' go together: give both for OIDC, or neither.")
  }
  if (c.roleSessionName !== '' && !/^[A-Za-z0-9.@_-]{2,64}$/.test(c.roleSessionName)) {
    problems.push("'role-session-name' must be 2 to 64 characters of letters, digits and . @ _ -.")
  }
  if (problems.length > 0) throw new UserError(problems.join('\n'))
}

/** The settings as debug lines, for `ACTIONS_STEP_DEBUG`: counts and flags, never a credential. */
export function describeSettings(s: Settings): string[] {
  return [
    `rules: ${s.rules.mappings.length} mapping, ${s.rules.exclusions.length} exclusion`,
    `paths: ${s.paths.length}; urls: ${s.urls.length}; fallback: ${s.fallback.length}`,
    `changed-files: ${s.changedFiles}; base: ${s.base || '(none)'}; head: ${s.head || '(none)'}`,
    `force: ${s.force}; dry-run: ${s.dryRun}; wait: ${s.wait} (${s.waitTimeoutSeconds} s); preload: ${s.preload} ${s.preloadArea}`,
    `max-urls-per-request: ${s.maxUrlsPerRequest}; url-rate-per-domain: ${s.urlRatePerDomain}; max-objects: ${s.maxObjects}; quota-check: ${s.quotaCheck}`,
    `endpoint: ${s.endpoint.origin}; sts-endpoint: ${s.stsEndpoint.origin}; signature-version: ${s.signatureVersion}`,
    `credentials given: ${s.credentials.accessKeyId !== '' ? 'access key' : s.credentials.roleArn !== '' ? 'OIDC role' : 'none (environment)'}`
  ]
}
