import { ChangedFilesMode, LAST_SUCCESS } from '../changes/event.js'
import { UserError } from '../util/errors.js'
import { CollapseMode } from '../plan/plan.js'
import { NO_RULES, RuleSet, parseRules } from '../rules/parse.js'
import { SERVICE_API, SERVICE_LIMITS, SERVICE_NAMES, ServiceName } from '../services/limits.js'
import { GivenTargets, TargetForm, parseTargetLines } from '../targets/target.js'

/** Reads one raw input, trimmed, as core.getInput does. */
export type InputReader = (name: string) => string

export type SignatureVersion = 'v3' | 'v2'

/** The inputs that hold secrets, masked before anything else happens. */
export const SECRET_INPUTS = ['access-key-secret', 'security-token', 'github-token'] as const

/** The inputs that give the step something to refresh; a step with none of them never can. */
const SOURCE_INPUTS = [
  'rules',
  'paths',
  'urls',
  'paths-file',
  'urls-file',
  'fallback',
  'output-dir'
]

/** The `verify` input (SPEC 4.6). */
export type VerifyMode = 'off' | 'warn' | 'fail'

/** An input as the runner passes it: INPUT_<NAME>, trimmed. */
export function inputFromEnv(env: Readonly<Record<string, string | undefined>>): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

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
  service: ServiceName
  /** ESA's site: a name or a numeric ID; empty elsewhere. */
  site: string
  rules: RuleSet
  paths: string[]
  urls: GivenTargets
  /** Workspace files with more `paths` and `urls` lines, as given; read by runner/files.ts. */
  pathsFile: string
  urlsFile: string
  changedFiles: ChangedFilesMode
  /** A commit, `last-success`, or empty. */
  base: string
  head: string
  /** The built site as deployed, as given (checked against the workspace by runner/files.ts). */
  outputDir: string
  manifestKey: string
  collapse: CollapseMode
  fallback: GivenTargets
  force: boolean
  dryRun: boolean
  wait: boolean
  waitTimeoutSeconds: number
  verify: VerifyMode
  verifyMax: number
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
const DEFAULTS = {
  service: 'dcdn',
  'changed-files': 'auto',
  collapse: 'auto',
  'wait-timeout': '600',
  verify: 'off',
  'verify-max': '50',
  'max-urls-per-request': String(SERVICE_LIMITS.dcdn.urlsPerRequest),
  'url-rate-per-domain': String(SERVICE_LIMITS.dcdn.defaultUrlRatePerDomain),
  'max-objects': '10000',
  'quota-check': 'true',
  audience: 'sts.aliyuncs.com',
  'sts-endpoint': SERVICE_API.sts.endpoint,
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
function parseEndpoint(name: string, value: string): URL {
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
  if (name === 'base' && value === LAST_SUCCESS) return value
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

/**
 * Repository-relative paths from `paths` or a `paths-file`, normalised to what git would print.
 * `source` names where the lines came from, for errors.
 */
export function parsePathLines(text: string, source: string): string[] {
  const paths: string[] = []
  let index = 0
  for (const raw of text.split('\n')) {
    index++
    const path = raw
      .replace(/\r$/, '')
      .trim()
      .replace(/^(\.\/)+/, '')
    if (path === '') continue
    if (path.startsWith('/') || path.split('/').includes('..')) {
      throw new UserError(
        `${source} line ${index} (${JSON.stringify(path)}): give a path relative to the repository root, without '..'.`
      )
    }
    paths.push(path)
  }
  return paths
}

/** What a service accepts in target lines and rules: its URL types and its form of tags. */
export function targetFormOf(service: ServiceName): TargetForm {
  const limits = SERVICE_LIMITS[service]
  return { types: limits.types, perHost: limits.tagsPerHost, service: limits.name }
}

/** Whether the rules hold any line that is not blank or a comment. */
const hasRuleLines = (text: string) => text.split('\n').some((l) => !/^\s*(#.*)?$/.test(l))

/** The rules, with minimatch loaded only when there are any. */
async function readRules(text: string, form: TargetForm): Promise<RuleSet> {
  if (!hasRuleLines(text)) return NO_RULES
  const { globCompiler } = await import('../rules/glob.js')
  return parseRules(text, { globs: globCompiler, tags: form })
}

/** Reads and checks every input. Any problem is a UserError that names the input. */
export async function readSettings(read: InputReader): Promise<Settings> {
  const input = new Reader(read)
  const service = input.oneOf('service', SERVICE_NAMES)
  const form = targetFormOf(service)
  const settings: Settings = {
    service,
    site: input.text('site'),
    rules: await readRules(input.lines('rules'), form),
    paths: parsePathLines(input.lines('paths'), 'paths'),
    urls: parseTargetLines(input.lines('urls'), 'urls', form),
    pathsFile: input.text('paths-file'),
    urlsFile: input.text('urls-file'),
    changedFiles: input.oneOf('changed-files', ['auto', 'true', 'false'] as const),
    base: parseRevision('base', input.text('base')),
    head: parseRevision('head', input.text('head')),
    outputDir: input.text('output-dir'),
    manifestKey: parseManifestKey(input.text('manifest-key')),
    collapse: input.oneOf('collapse', ['auto', 'off'] as const),
    fallback: parseTargetLines(input.lines('fallback'), 'fallback', form),
    force: input.boolean('force'),
    dryRun: input.boolean('dry-run'),
    wait: input.boolean('wait'),
    waitTimeoutSeconds: input.integer('wait-timeout', 1, 21600),
    verify: input.oneOf('verify', ['off', 'warn', 'fail'] as const),
    verifyMax: input.integer('verify-max', 1, 1000),
    preload: input.boolean('preload'),
    preloadArea: input.oneOf('preload-area', ['', 'domestic', 'overseas'] as const),
    maxUrlsPerRequest: input.integer(
      'max-urls-per-request',
      1,
      SERVICE_LIMITS[service].urlsPerRequest
    ),
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
    endpoint: parseEndpoint('endpoint', input.text('endpoint') || SERVICE_API[service].endpoint),
    stsEndpoint: parseEndpoint('sts-endpoint', input.text('sts-endpoint')),
    signatureVersion: input.oneOf('signature-version', ['v3', 'v2'] as const),
    githubToken: input.text('github-token')
  }
  checkCombinations(settings, read)
  return settings
}

/** A cache key prefix: letters, digits and . _ - only, so that it can be matched by prefix. */
function parseManifestKey(value: string): string {
  if (value === '' || /^[A-Za-z0-9._-]{1,200}$/.test(value)) return value
  throw new UserError(
    `Input 'manifest-key' may hold only letters, digits, '.', '_' and '-' (at most 200), not '${value}'.`
  )
}

function checkCombinations(s: Settings, read: InputReader): void {
  const c = s.credentials
  const problems: string[] = []
  if (SOURCE_INPUTS.every((name) => read(name).trim() === '')) {
    problems.push(
      `Nothing can ever be refreshed: give at least one of ${SOURCE_INPUTS.map((n) => `'${n}'`).join(', ')}.`
    )
  }
  if (s.service === 'esa' && s.site === '')
    problems.push(
      "'service: esa' needs 'site': the ESA site's name (example.com) or its numeric ID."
    )
  if (s.service !== 'esa' && s.site !== '')
    problems.push(`'site' is for ESA only; set 'service: esa', or remove 'site'.`)
  if (s.service === 'esa' && s.preloadArea !== '')
    problems.push("'preload-area' is not supported by ESA; remove it.")
  if (s.outputDir !== '' && s.base !== '')
    problems.push(
      "'output-dir' finds the changed files from the deployed files themselves; remove 'base' and 'head'."
    )
  if (s.outputDir !== '' && s.changedFiles === 'false')
    problems.push("'output-dir' is set but 'changed-files' is false, so it would be ignored.")
  if (s.manifestKey !== '' && s.outputDir === '')
    problems.push("'manifest-key' names the manifest of 'output-dir'; give 'output-dir' too.")
  if (s.dryRun && s.preload)
    problems.push(
      "'preload' cannot be used with 'dry-run': a dry run refreshes nothing to prefetch."
    )
  if (s.dryRun && s.wait)
    problems.push("'wait' cannot be used with 'dry-run': a dry run submits no task to wait for.")
  if (s.preloadArea !== '' && !s.preload)
    problems.push("'preload-area' is set but 'preload' is not true.")
  if (s.base !== LAST_SUCCESS && (s.base === '') !== (s.head === ''))
    problems.push("'base' and 'head' go together: give both or neither (or 'base: last-success').")
  if (s.base !== '' && s.changedFiles === 'false') {
    problems.push(
      "'base' and 'head' are set but 'changed-files' is false, so they would be ignored."
    )
  }
  for (const [name, given] of [
    ['paths', s.paths.length > 0],
    ['paths-file', s.pathsFile !== '']
  ] as const) {
    if (given && s.rules.mappings.length === 0)
      problems.push(`'${name}' needs 'rules' to turn the paths into URLs.`)
  }
  if (s.outputDir !== '' && s.rules.mappings.length === 0) {
    problems.push("'output-dir' needs 'rules' to turn the deployed files into URLs.")
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
    `service: ${s.service}${s.site ? ` (site ${s.site})` : ''}; collapse: ${s.collapse}`,
    `output-dir: ${s.outputDir || '(none)'}; manifest-key: ${s.manifestKey || '(derived)'}; paths-file: ${s.pathsFile || '(none)'}; urls-file: ${s.urlsFile || '(none)'}`,
    `rules: ${s.rules.mappings.length} mapping, ${s.rules.exclusions.length} exclusion`,
    `paths: ${s.paths.length}; urls: ${s.urls.urls.length} URLs, ${s.urls.tags.length} tags; fallback: ${s.fallback.urls.length} URLs, ${s.fallback.tags.length} tags`,
    `changed-files: ${s.changedFiles}; base: ${s.base || '(none)'}; head: ${s.head || '(none)'}`,
    `force: ${s.force}; dry-run: ${s.dryRun}; wait: ${s.wait} (${s.waitTimeoutSeconds} s); verify: ${s.verify} (at most ${s.verifyMax}); preload: ${s.preload} ${s.preloadArea}`,
    `max-urls-per-request: ${s.maxUrlsPerRequest}; url-rate-per-domain: ${s.urlRatePerDomain}; max-objects: ${s.maxObjects}; quota-check: ${s.quotaCheck}`,
    `endpoint: ${s.endpoint.origin}; sts-endpoint: ${s.stsEndpoint.origin}; signature-version: ${s.signatureVersion}`,
    `credentials given: ${s.credentials.accessKeyId !== '' ? 'access key' : s.credentials.roleArn !== '' ? 'OIDC role' : 'none (environment)'}`
  ]
}
