// A fake Alibaba Cloud refresh API on loopback: DCDN, classic CDN or ESA. It checks v3 and v2
// signatures with Alibaba's own @alicloud/openapi-util, rejects reused nonces and skewed clocks,
// records where each parameter arrived (query or form body) and refuses an operation whose
// parameters arrive where the service does not take them, enforces each service's documented
// limits with their documented codes, keeps refresh tasks that progress as they are polled (and
// tells a fake edge when one completes), counts every call against the account's calls per
// second, and injects faults on demand. It is plain JavaScript so the demo can start it.
import { createHash, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { serveOnLoopback } from './loopback.mjs'
import openApiUtil from '@alicloud/openapi-util'

const OpenApiUtil = openApiUtil.default ?? openApiUtil

const LIMITS = {
  File: 1000,
  IgnoreParams: 1000,
  Directory: 100,
  Regex: 1
}
/** Characters of CacheTag in one DCDN or CDN call; tags in one ESA purge (SPEC 6.1, 6.7). */
const TAG_CHARS = 16384
const ESA_TAGS = 100
const QUOTA_FIELDS = {
  File: 'Url',
  Directory: 'Dir',
  Regex: 'Regex',
  IgnoreParams: 'IgnoreParams',
  Preload: 'Preload'
}
const SKEW_MS = 15 * 60 * 1000

class ApiError extends Error {
  constructor(status, code, message) {
    super(message)
    this.status = status
    this.code = code
  }
}

function hostOf(url) {
  const match = /^https?:\/\/([^/?#]*)/i.exec(url)
  return (match ? match[1] : '').replace(/:\d+$/, '').toLowerCase()
}

function parseForm(text) {
  const params = {}
  for (const [key, value] of new URLSearchParams(text)) params[key] = value
  return params
}

/** The server string-to-sign of a v2 request, as DCDN quotes it in SignatureDoesNotMatch. */
function v2StringToSign(params) {
  const encode = (s) => OpenApiUtil.getEncodeParam(s)
  const canon = Object.keys(params)
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k])}`)
    .join('&')
  return `POST&%2F&${encode(canon)}`
}

/**
 * What differs per product: version, the name of each operation, and where its parameters may
 * arrive: 'body' (a form), 'query', or 'either'. DCDN documents a POST form and its official SDK
 * sends the query, so DCDN takes both (SPEC 6.1); every tag operation takes the query.
 */
const PRODUCTS = {
  dcdn: {
    version: '2018-01-15',
    host: 'dcdn.aliyuncs.com',
    callsPerSecond: 30,
    preloadCallsPerSecond: 15,
    operations: {
      RefreshDcdnObjectCaches: { job: 'refresh', place: 'either' },
      RefreshDcdnObjectCacheByCacheTag: { job: 'tagRefresh', place: 'query' },
      DescribeDcdnRefreshQuota: { job: 'quota', place: 'either' },
      DescribeDcdnRefreshTaskById: { job: 'tasks', place: 'either' },
      PreloadDcdnObjectCaches: { job: 'preload', place: 'either', taskField: 'PreloadTaskId' }
    }
  },
  cdn: {
    version: '2018-05-10',
    host: 'cdn.aliyuncs.com',
    callsPerSecond: 20,
    preloadCallsPerSecond: 20,
    operations: {
      RefreshObjectCaches: { job: 'refresh', place: 'body' },
      RefreshObjectCacheByCacheTag: { job: 'tagRefresh', place: 'query' },
      DescribeRefreshQuota: { job: 'quota', place: 'either' },
      DescribeRefreshTaskById: { job: 'tasks', place: 'query' },
      PushObjectCache: { job: 'preload', place: 'query', taskField: 'PushTaskId' }
    }
  },
  esa: {
    version: '2024-09-10',
    host: 'esa.cn-hangzhou.aliyuncs.com',
    callsPerSecond: 10,
    preloadCallsPerSecond: 10,
    operations: {
      ListSites: { job: 'sites', place: 'query', method: 'GET' },
      PurgeCaches: { job: 'purge', place: 'query', method: 'POST' },
      GetPurgeQuota: { job: 'purgeQuota', place: 'query', method: 'GET' },
      DescribePurgeTasks: { job: 'purgeTasks', place: 'query', method: 'GET' },
      PreloadCaches: { job: 'esaPreload', place: 'query', method: 'POST' }
    }
  }
}

const ESA_TYPES = {
  file: 'Files',
  directory: 'Directories',
  ignoreParams: 'IgnoreParams',
  cachetag: 'CacheTags'
}
const ESA_KINDS = {
  file: 'File',
  directory: 'Directory',
  ignoreParams: 'IgnoreParams',
  cachetag: 'Tag'
}

/**
 * Starts the fake. Options:
 * - product: 'dcdn' (the default), 'cdn' or 'esa'.
 * - sites: ESA's sites, [{ SiteId, SiteName }] (default one site, example.com, 123456789).
 * - keys: { [accessKeyId]: { secret, token? } }, the accounts it knows; a key with a token is STS.
 * - quota: daily quota per kind (File, Directory, Regex, IgnoreParams, Preload).
 * - urlRatePerDomain: objects per host per rolling minute (default 1000).
 * - callsPerSecond: calls of every kind per second for the account (default per product).
 * - listAfterPolls: ESA lists a purge task only from this task look-up on (default 1).
 * - pollsToComplete: polls of a task before it is Complete (default 1).
 * - failUrls: URLs whose refresh task ends Failed with 'Origin Timeout'.
 * - objectsPerTask: a refresh answers one task ID per this many objects (default 1000).
 * - tagFeature: false plays an ESA plan without cache tags (default true).
 * - onTaskComplete({ type, urls }): called once when a task first reports Complete, as a fake
 *   edge needs to expire its copies.
 * - lifetimeMs: the server closes itself after this long (default 120 s).
 */
export async function startFakeService(options = {}) {
  const productName = options.product ?? 'dcdn'
  const product = PRODUCTS[productName]
  const sites = options.sites ?? [{ SiteId: 123456789, SiteName: 'example.com' }]
  const listAfterPolls = options.listAfterPolls ?? 1
  let purgeLookups = 0
  const keys = options.keys ?? { testid: { secret: 'testsecret' } }
  const quota = {
    File: 10000,
    Directory: 100,
    Regex: 20,
    IgnoreParams: 10000,
    Preload: 1000,
    Tag: 30000,
    ...(options.quota ?? {})
  }
  const used = { File: 0, Directory: 0, Regex: 0, IgnoreParams: 0, Preload: 0, Tag: 0 }
  const tagFeature = options.tagFeature ?? true
  const onTaskComplete = options.onTaskComplete ?? (() => {})
  const rate = options.urlRatePerDomain ?? 1000
  const callsPerSecond = options.callsPerSecond ?? product.callsPerSecond
  const pollsToComplete = options.pollsToComplete ?? 1
  const failUrls = new Set(options.failUrls ?? [])
  const objectsPerTask = options.objectsPerTask ?? 1000
  const now = options.now ?? (() => Date.now())

  const state = {
    /** Every request that reached the handler: { action, params, signature, accessKeyId, token, status, code, time }. */
    calls: [],
    /** Every object a refresh accepted: { type, url }. */
    accepted: [],
    preloaded: [],
    tasks: new Map(),
    faults: [],
    nonces: new Set(),
    hostLog: [],
    callLog: [],
    preloadCallLog: [],
    /** When each call that passed the signature check arrived, for counting calls per second. */
    callTimes: []
  }
  let taskCounter = 100000

  function verify(req, query, body) {
    const bodyParams = parseForm(body)
    const auth = req.headers.authorization
    if (auth) {
      // Signature v3 (ACS3-HMAC-SHA256).
      const match =
        /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(
          auth
        )
      if (!match)
        throw new ApiError(400, 'IncompleteSignature', 'The Authorization header is malformed.')
      const [, accessKeyId, , signature] = match
      const account = keys[accessKeyId]
      if (!account)
        throw new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
      const payloadHash = createHash('sha256').update(body).digest('hex')
      if (req.headers['x-acs-content-sha256'] !== payloadHash) {
        throw new ApiError(
          400,
          'ContentSHA256NotMatched',
          'The x-acs-content-sha256 header does not match the body.'
        )
      }
      const headers = {}
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers[name] = value
      const expected = OpenApiUtil.getAuthorization(
        { pathname: '/', method: req.method, query, headers },
        'ACS3-HMAC-SHA256',
        payloadHash,
        accessKeyId,
        account.secret
      )
      if (!expected.endsWith(`Signature=${signature}`) || expected !== auth) {
        throw new ApiError(
          400,
          'SignatureDoesNotMatch',
          `Specified signature is not matched with our calculation. server string to sign is:ACS3-HMAC-SHA256`
        )
      }
      const date = Date.parse(req.headers['x-acs-date'] ?? '')
      if (
        !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(req.headers['x-acs-date'] ?? '') ||
        Math.abs(now() - date) > SKEW_MS
      ) {
        throw new ApiError(
          400,
          'InvalidTimeStamp.Expired',
          'Specified time stamp or date value is expired.'
        )
      }
      const nonce = req.headers['x-acs-signature-nonce']
      if (!nonce)
        throw new ApiError(
          400,
          'MissingSignatureNonce',
          'SignatureNonce is mandatory for this action.'
        )
      if (state.nonces.has(nonce))
        throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
      state.nonces.add(nonce)
      checkToken(account, req.headers['x-acs-security-token'])
      return {
        version: 'v3',
        action: req.headers['x-acs-action'],
        apiVersion: req.headers['x-acs-version'],
        accessKeyId,
        token: req.headers['x-acs-security-token'],
        params: { ...query, ...bodyParams },
        query,
        body: bodyParams,
        placement: placementOf(query, bodyParams)
      }
    }
    // Signature v2 (HMAC-SHA1): parameters may stand in the query, the form body, or both.
    const params = { ...query, ...bodyParams }
    const { Signature: signature, ...signed } = params
    if (!signature)
      throw new ApiError(400, 'MissingSignature', 'Signature is mandatory for this action.')
    const account = keys[params.AccessKeyId]
    if (!account)
      throw new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') {
      throw new ApiError(
        400,
        'InvalidParameter',
        'SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.'
      )
    }
    const expected = OpenApiUtil.getRPCSignature(signed, req.method, account.secret)
    if (expected !== signature) {
      throw new ApiError(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${v2StringToSign(signed)}`
      )
    }
    const stamp = params.Timestamp ?? ''
    if (
      !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(stamp) ||
      Math.abs(now() - Date.parse(stamp)) > SKEW_MS
    ) {
      throw new ApiError(
        400,
        'InvalidTimeStamp.Expired',
        'Specified time stamp or date value is expired.'
      )
    }
    if (state.nonces.has(params.SignatureNonce))
      throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
    state.nonces.add(params.SignatureNonce)
    checkToken(account, params.SecurityToken)
    const business = { ...signed }
    for (const name of [
      'Action',
      'Version',
      'Format',
      'AccessKeyId',
      'SignatureMethod',
      'SignatureVersion',
      'SignatureNonce',
      'Timestamp',
      'SecurityToken'
    ]) {
      delete business[name]
    }
    return {
      version: 'v2',
      action: params.Action,
      apiVersion: params.Version,
      accessKeyId: params.AccessKeyId,
      token: params.SecurityToken,
      params: business,
      query,
      body: bodyParams,
      placement: placementOf(query, bodyParams, business)
    }
  }

  /** Where each business parameter arrived: 'query' or 'body'. */
  function placementOf(query, body, only) {
    const placement = {}
    for (const name of Object.keys(query)) if (!only || name in only) placement[name] = 'query'
    for (const name of Object.keys(body)) if (!only || name in only) placement[name] = 'body'
    return placement
  }

  function checkToken(account, token) {
    if (account.token === undefined) {
      if (token)
        throw new ApiError(
          400,
          'InvalidSecurityToken.Malformed',
          'A security token was sent for a permanent key.'
        )
      return
    }
    if (!token)
      throw new ApiError(
        400,
        'InvalidSecurityToken.MismatchWithAccessKey',
        'The STS key needs its security token.'
      )
    if (token !== account.token)
      throw new ApiError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.')
  }

  function within(log, windowMs) {
    const t = now()
    return log.filter((entry) => entry.at > t - windowMs)
  }

  function refresh(params) {
    const type = params.ObjectType ?? 'File'
    if (!(type in LIMITS))
      throw new ApiError(
        400,
        'InvalidObjectType.Malformed',
        `Specified ObjectType ${type} is malformed.`
      )
    const urls = (params.ObjectPath ?? '').split('\n').filter((u) => u !== '')
    if (urls.length === 0)
      throw new ApiError(400, 'InvalidObjectPath.Malformed', 'Specified ObjectPath is malformed.')
    if (urls.length > LIMITS[type]) {
      throw new ApiError(
        400,
        'SingleRequest.OverLimit',
        `A single request may hold at most ${LIMITS[type]} objects of type ${type}.`
      )
    }
    const hosts = new Map()
    for (const url of urls) {
      if (!/^https?:\/\/[^/?#]+/i.test(url))
        throw new ApiError(
          400,
          'InvalidObjectPath.Malformed',
          `Specified ObjectPath ${url} is malformed.`
        )
      const host = hostOf(url)
      if (host.includes('*'))
        throw new ApiError(
          400,
          'InvalidExtensiveDomain.ValueNotSupported',
          'Refreshing a wildcard domain is not supported.'
        )
      hosts.set(host, (hosts.get(host) ?? 0) + 1)
    }
    if (hosts.size > 10)
      throw new ApiError(
        400,
        'InvalidObjectPath.Malformed',
        'A single request may name at most 10 domains.'
      )
    // Only File and IgnoreParams URLs count against a domain's minute; directories and regexes do not.
    const rated = type === 'File' || type === 'IgnoreParams'
    for (const [host, count] of rated ? hosts : []) {
      const recent = within(state.hostLog, 60_000)
        .filter((e) => e.host === host)
        .reduce((n, e) => n + e.count, 0)
      if (recent + count > rate) {
        throw new ApiError(
          400,
          'QuotaPerMinuteExceeded.Refresh',
          `The domain ${host} exceeded the refresh quota per minute.`
        )
      }
    }
    if (used[type] + urls.length > quota[type]) {
      throw new ApiError(400, 'QuotaExceeded.Refresh', 'Your refresh quota for today is used up.')
    }
    const at = now()
    if (rated) for (const [host, count] of hosts) state.hostLog.push({ at, host, count })
    used[type] += urls.length
    const ids = []
    for (let i = 0; i < urls.length; i += objectsPerTask) {
      const id = String(++taskCounter)
      ids.push(id)
      state.tasks.set(id, { type, urls: urls.slice(i, i + objectsPerTask), polls: 0 })
    }
    for (const url of urls) state.accepted.push({ type, url })
    return { RefreshTaskId: ids.join(',') }
  }

  function describeTasks(params) {
    const ids = (params.TaskId ?? '').split(',').filter(Boolean)
    if (ids.length === 0)
      throw new ApiError(400, 'MissingTaskId', 'TaskId is mandatory for this action.')
    if (ids.length > 10)
      throw new ApiError(400, 'InvalidTaskId.Malformed', 'At most 10 task IDs per request.')
    const tasks = []
    for (const id of ids) {
      const task = state.tasks.get(id)
      if (!task) continue
      task.polls++
      completed(task)
      for (const url of task.urls) {
        const done = task.polls >= pollsToComplete
        const failed = done && failUrls.has(url)
        tasks.push({
          TaskId: id,
          ObjectPath: url,
          ObjectType: task.type === 'Directory' ? 'path' : 'file',
          Status: failed
            ? 'Failed'
            : done
              ? 'Complete'
              : task.polls === 1
                ? 'Pending'
                : 'Refreshing',
          Process: done ? '100%' : `${Math.round((100 * task.polls) / pollsToComplete)}%`,
          CreationTime: new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          Description: failed ? 'Origin Timeout' : ''
        })
      }
    }
    return { TotalCount: tasks.length, Tasks: tasks }
  }

  /** Tells the edge once, when a task first reports Complete, which objects it refreshed. */
  function completed(task) {
    if (task.told || task.polls < pollsToComplete) return
    task.told = true
    const urls = task.urls.filter((url) => !failUrls.has(url))
    onTaskComplete({ type: task.type, urls, host: task.host })
  }

  /** RefreshDcdnObjectCacheByCacheTag and RefreshObjectCacheByCacheTag (SPEC 6.1, 6.7). */
  function tagRefresh(params) {
    const host = params.DomainName ?? ''
    if (!/^[a-z0-9.-]+$/i.test(host))
      throw new ApiError(400, 'InvalidDomainName.Malformed', 'Specified DomainName is malformed.')
    const text = params.CacheTag ?? ''
    if (text.length > TAG_CHARS)
      throw new ApiError(
        400,
        'InvalidCacheTag.Malformed',
        `CacheTag may hold at most ${TAG_CHARS} characters.`
      )
    const tags = text.split(',')
    if (tags.some((t) => t === '' || /[\s]/.test(t)))
      throw new ApiError(400, 'InvalidCacheTag.Malformed', 'Specified CacheTag is malformed.')
    if (params.Force !== undefined && !['true', 'false'].includes(params.Force))
      throw new ApiError(400, 'InvalidForce.Malformed', 'Force is true or false.')
    const id = String(++taskCounter)
    state.tasks.set(id, {
      type: 'Tag',
      urls: tags,
      host: host.toLowerCase(),
      polls: 0,
      force: params.Force
    })
    for (const tag of tags)
      state.accepted.push({ type: 'Tag', url: tag, host: host.toLowerCase(), force: params.Force })
    return { RefreshTaskId: id }
  }

  function preload(params) {
    const urls = (params.ObjectPath ?? '').split('\n').filter((u) => u !== '')
    if (urls.length === 0)
      throw new ApiError(400, 'InvalidObjectPath.Malformed', 'Specified ObjectPath is malformed.')
    if (urls.length > 100)
      throw new ApiError(
        400,
        'SingleRequest.OverLimit',
        'A single preload may hold at most 100 URLs.'
      )
    if (params.Area !== undefined && !['domestic', 'overseas'].includes(params.Area)) {
      throw new ApiError(400, 'InvalidArea.Malformed', 'Specified Area is malformed.')
    }
    if (within(state.preloadCallLog, 1000).length >= product.preloadCallsPerSecond)
      throw new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.')
    if (used.Preload + urls.length > quota.Preload)
      throw new ApiError(400, 'QuotaExceeded.Preload', 'Your preload quota for today is used up.')
    state.preloadCallLog.push({ at: now() })
    used.Preload += urls.length
    const id = String(++taskCounter)
    for (const url of urls) state.preloaded.push({ url, area: params.Area ?? '', taskId: id })
    return { taskId: id }
  }

  function describeQuota() {
    const answer = {}
    for (const [kind, field] of Object.entries(QUOTA_FIELDS)) {
      answer[`${field}Quota`] = String(quota[kind])
      answer[`${field}Remain`] = String(quota[kind] - used[kind])
    }
    answer.BlockQuota = '100'
    answer.BlockRemain = '100'
    return answer
  }

  function site(params) {
    // IDs compare as exact decimal text: an ESA site ID may pass 2^53 (a BigInt here).
    const found = sites.find((s) => String(s.SiteId) === params.SiteId)
    if (!found)
      throw new ApiError(
        400,
        'InvalidParameter.SiteId',
        `Specified SiteId ${params.SiteId} does not exist.`
      )
    return found
  }

  function listSites(params) {
    if (params.SiteSearchType !== 'exact')
      throw new ApiError(400, 'InvalidParameter', 'This fake answers exact site searches only.')
    // Site names are domains: an exact search ignores case.
    const matches = sites.filter((s) => s.SiteName.toLowerCase() === params.SiteName.toLowerCase())
    return { Sites: matches, TotalCount: matches.length, PageNumber: 1, PageSize: 50 }
  }

  /** The object kind of an ESA purge type, for a site that exists. */
  function purgeKind(params) {
    site(params)
    const kind = ESA_KINDS[params.Type]
    if (!kind)
      throw new ApiError(
        400,
        'InvalidParameter.Type',
        `Specified Type ${params.Type} is not valid.`
      )
    if (kind === 'Tag' && !tagFeature)
      throw new ApiError(
        400,
        'OperationDenied.PlanNotSupported',
        'The plan of this site does not support purging by cache tag.'
      )
    return kind
  }

  /** ESA's Content parameter, a JSON document. */
  function contentOf(params) {
    try {
      return JSON.parse(params.Content ?? '')
    } catch {
      throw new ApiError(400, 'InvalidParameter.Content', 'Specified Content is not valid JSON.')
    }
  }

  function purge(params) {
    const kind = purgeKind(params)
    const content = contentOf(params)
    const urls = content?.[ESA_TYPES[params.Type]]
    if (!Array.isArray(urls) || urls.length === 0 || urls.some((u) => typeof u !== 'string'))
      throw new ApiError(
        400,
        'InvalidParameter.Content',
        `Content needs a non-empty ${ESA_TYPES[params.Type]} array.`
      )
    const limit = kind === 'Tag' ? ESA_TAGS : LIMITS[kind]
    if (urls.length > limit)
      throw new ApiError(
        400,
        'SingleRequest.OverLimit',
        `A single purge may hold at most ${limit} objects.`
      )
    if (used[kind] + urls.length > quota[kind])
      throw new ApiError(400, 'QuotaExceeded.Purge', 'Your purge quota for today is used up.')
    used[kind] += urls.length
    const id = String(++taskCounter)
    state.tasks.set(id, {
      type: kind,
      esaType: params.Type,
      urls,
      polls: 0,
      created: now(),
      force: params.Force
    })
    for (const url of urls) state.accepted.push({ type: kind, url, force: params.Force })
    return { TaskId: id }
  }

  function purgeQuota(params) {
    const kind = purgeKind(params)
    return { Quota: String(quota[kind]), Usage: String(used[kind]) }
  }

  function purgeTasks(params) {
    site(params)
    const start = Date.parse(params.StartTime ?? '')
    const end = Date.parse(params.EndTime ?? '')
    if (
      !Number.isFinite(start) ||
      !Number.isFinite(end) ||
      !/Z$/.test(params.StartTime) ||
      !/Z$/.test(params.EndTime)
    )
      throw new ApiError(
        400,
        'InvalidParameter.Time',
        'StartTime and EndTime are UTC times like 2024-01-01T00:00:00Z.'
      )
    const page = Number(params.PageNumber ?? 1)
    const size = Number(params.PageSize ?? 20)
    if (!(size >= 1 && size <= 50))
      throw new ApiError(400, 'InvalidParameter.PageSize', 'PageSize is 1 to 50.')
    if (page === 1) purgeLookups++
    const entries = []
    for (const [id, task] of state.tasks) {
      if (task.created < start || task.created > end) continue
      if (purgeLookups < listAfterPolls) continue
      if (page === 1) task.polls++
      if (page === 1) completed(task)
      const done = task.polls >= pollsToComplete
      for (const url of task.urls) {
        const failed = done && failUrls.has(url)
        entries.push({
          TaskId: id,
          Content: url,
          Type: task.esaType,
          Status: failed ? 'Failed' : done ? 'Complete' : 'Refreshing',
          Process: done ? '100%' : '50%',
          CreateTime: new Date(task.created).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          Description: failed ? 'Origin Timeout' : ''
        })
      }
    }
    return {
      Tasks: entries.slice((page - 1) * size, page * size),
      TotalCount: entries.length,
      PageNumber: page,
      PageSize: size
    }
  }

  function esaPreload(params) {
    site(params)
    const urls = contentOf(params)
    if (!Array.isArray(urls) || urls.length === 0)
      throw new ApiError(
        400,
        'InvalidParameter.Content',
        'Content is a non-empty JSON array of URLs.'
      )
    return { TaskId: preload({ ObjectPath: urls.join('\n') }).taskId }
  }

  const jobs = {
    refresh,
    tagRefresh,
    quota: describeQuota,
    tasks: describeTasks,
    preload,
    sites: listSites,
    purge,
    purgeQuota,
    purgeTasks,
    esaPreload
  }

  /** Where the service takes the operation's parameters; anything that arrives elsewhere is refused. */
  function checkShape(operation, signed, method) {
    if (operation.method && method !== operation.method)
      throw new ApiError(
        400,
        'UnsupportedHTTPMethod',
        `${signed.action} takes ${operation.method}, not ${method}.`
      )
    if (operation.place === 'either') return
    // Under v2 the SDK sends a form operation's parameters in the query, with the common ones.
    if (signed.version !== 'v3' && operation.place === 'body') return
    const names = Object.entries(signed.placement)
      .filter(([, place]) => place !== operation.place)
      .map(([name]) => name)
    if (names.length > 0)
      throw new ApiError(
        400,
        'MissingParameter',
        `${signed.action} takes its parameters in the ${operation.place === 'body' ? 'form body' : 'query'}; ${names.join(', ')} came elsewhere.`
      )
  }

  function send(res, status, payload) {
    // A BigInt is written as the exact JSON number it is, as the service writes a large ID.
    const body = JSON.stringify(payload, (_, v) =>
      typeof v === 'bigint' ? `@@${v}@@` : v
    ).replace(/"@@(\d+)@@"/g, '$1')
    res.writeHead(status, {
      'content-type': 'application/json;charset=utf-8',
      'content-length': Buffer.byteLength(body)
    })
    res.end(body)
  }

  /** The next injected fault for this action, if any: faults fire before any business logic. */
  function takeFault(action, params) {
    const index = state.faults.findIndex(
      (f) =>
        (!f.action || f.action === action) &&
        (!f.match ||
          (params.ObjectPath ?? params.CacheTag ?? params.Content ?? '').includes(f.match))
    )
    if (index < 0) return undefined
    return state.faults.splice(index, 1)[0]
  }

  // The official SDK sends RPC parameters in the query: allow a query as long as DCDN does.
  const server = createServer({ maxHeaderSize: 4 * 1024 * 1024 }, (req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const url = new URL(req.url ?? '/', 'http://fake')
      const query = Object.fromEntries(url.searchParams)
      const requestId = randomUUID().toUpperCase()
      // The signature's version is known from the request's shape, before it is checked.
      const call = {
        time: now(),
        requestId,
        rawBody: body,
        headers: req.headers,
        query,
        signature: req.headers.authorization ? 'v3' : 'v2'
      }
      state.calls.push(call)
      try {
        if (req.method !== 'POST' && req.method !== 'GET')
          throw new ApiError(405, 'UnsupportedHTTPMethod', 'Use POST.')
        const signed = verify(req, query, body)
        Object.assign(call, signed)
        if (signed.apiVersion !== product.version)
          throw new ApiError(
            400,
            'InvalidVersion',
            `Specified parameter Version ${signed.apiVersion} is not valid.`
          )
        const operation = product.operations[signed.action]
        if (!operation)
          throw new ApiError(
            400,
            'InvalidAction.NotFound',
            `Specified api ${signed.action} is not found.`
          )
        checkShape(operation, signed, req.method)
        if (within(state.callTimes, 1000).length >= callsPerSecond)
          throw new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.')
        state.callTimes.push({ at: now() })
        const fault = takeFault(signed.action, signed.params)
        if (fault) {
          call.fault = fault.kind
          switch (fault.kind) {
            case 'reset':
              req.socket.destroy()
              return
            case 'hang':
              return // never answers; the client must time out
            case '503':
              throw new ApiError(
                503,
                'ServiceUnavailable',
                'The request has failed due to a temporary failure of the server.'
              )
            case '500':
              throw new ApiError(
                500,
                'InternalError',
                'The request processing has failed due to some unknown error.'
              )
            default:
              throw new ApiError(
                fault.status ?? 400,
                fault.kind,
                fault.message ?? `Injected ${fault.kind}.`
              )
          }
        }
        let answer = jobs[operation.job](signed.params)
        if (operation.job === 'refresh') state.callLog.push({ at: now() })
        if (operation.job === 'preload') answer = { [operation.taskField]: answer.taskId }
        call.status = 200
        send(res, 200, { RequestId: requestId, ...answer })
      } catch (error) {
        if (!(error instanceof ApiError)) {
          call.status = 500
          send(res, 500, {
            RequestId: requestId,
            HostId: product.host,
            Code: 'InternalError',
            Message: String(error)
          })
          return
        }
        call.status = error.status
        call.code = error.code
        send(res, error.status, {
          RequestId: requestId,
          HostId: product.host,
          Code: error.code,
          Message: error.message,
          Recommend: 'https://api.aliyun.com/troubleshoot'
        })
      }
    })
  })
  const { port, close } = await serveOnLoopback(server, options.lifetimeMs)

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    used,
    quota,
    /**
     * Queue faults, each used once: { kind: '503' | '500' | 'reset' | 'hang' | <error code>,
     * action?, match? (a substring of ObjectPath), status?, message? }.
     */
    inject(...faults) {
      state.faults.push(...faults)
    },
    product: productName,
    sites,
    refreshCalls() {
      const name = Object.keys(product.operations).find(
        (n) => product.operations[n].job === 'refresh' || product.operations[n].job === 'purge'
      )
      return state.calls.filter((c) => c.action === name)
    },
    /** The most calls that arrived in any one second. */
    busiestSecond() {
      const times = state.callTimes.map((c) => c.at).sort((a, b) => a - b)
      let most = 0
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i] - times[j] >= 1000) j++
        most = Math.max(most, i - j + 1)
      }
      return most
    },
    close
  }
}
