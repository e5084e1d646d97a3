// Fakes for keyless auth, on loopback: GitHub's OIDC token endpoint (what core.getIDToken calls)
// and Alibaba Cloud STS's AssumeRoleWithOIDC, which checks the token it is given and its audience.
import { createHmac, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'

const SIGNING_KEY = 'fake-oidc-signing-key'
const b64url = (value) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

function listen(handler, lifetimeMs) {
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString('utf8')))
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const close = () => new Promise((done) => server.close(() => done()))
      setTimeout(close, lifetimeMs ?? 120_000).unref()
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close })
    })
  })
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/** The runner's ID token endpoint: a bearer-protected GET that mints a signed JWT for `audience`. */
export async function startFakeOidc(options = {}) {
  const requestToken = options.requestToken ?? 'runner-request-token'
  const issued = []
  const server = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    if (req.headers.authorization !== `Bearer ${requestToken}`)
      return send(res, 401, { message: 'Bad request token' })
    const audience = url.searchParams.get('audience') ?? 'https://github.com/octo-org'
    const now = Math.floor(Date.now() / 1000)
    const header = b64url({ alg: 'RS256', typ: 'JWT', kid: 'fake' })
    const payload = b64url({
      iss: 'https://token.actions.githubusercontent.com',
      aud: audience,
      sub: 'repo:octo-org/site:ref:refs/heads/main',
      iat: now,
      exp: now + 300,
      jti: randomUUID()
    })
    const signature = createHmac('sha256', SIGNING_KEY)
      .update(`${header}.${payload}`)
      .digest('base64url')
    const value = `${header}.${payload}.${signature}`
    issued.push({ audience, value })
    send(res, 200, { count: 1, value })
  }, options.lifetimeMs)
  return {
    ...server,
    issued,
    /** The environment the runner gives a job with `permissions: id-token: write`. */
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${server.url}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken
    }
  }
}

/**
 * STS AssumeRoleWithOIDC: an anonymous POST with Action, Version, Format and Timestamp in the
 * query, and the role, provider, token and session in a form body (SPEC 5) or, as the official
 * SDK sends them, in the query too; each call records where they came from. Options: roleArn,
 * oidcProviderArn, audiences (the provider's client IDs), credentials (what it hands out).
 */
export async function startFakeSts(options) {
  const calls = []
  const server = await listen((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const query = Object.fromEntries(url.searchParams)
    const body_ = Object.fromEntries(new URLSearchParams(body))
    const form = { ...query, ...body_ }
    const placement = {}
    for (const name of [
      'RoleArn',
      'OIDCProviderArn',
      'OIDCToken',
      'RoleSessionName',
      'DurationSeconds'
    ])
      if (name in body_) placement[name] = 'body'
      else if (name in query) placement[name] = 'query'
    const requestId = randomUUID().toUpperCase()
    calls.push({ query, form: body_, placement, headers: req.headers, requestId })
    const fail = (status, code, message) =>
      send(res, status, {
        RequestId: requestId,
        HostId: 'sts.aliyuncs.com',
        Code: code,
        Message: message
      })
    if (req.method !== 'POST') return fail(400, 'UnsupportedHTTPMethod', 'Use POST.')
    // The RPC style names the action in the query (with Format=JSON); the newer style, as the
    // official SDK sends it, in x-acs-* headers. STS takes both.
    const rpc = query.Action !== undefined
    const action = rpc ? query.Action : req.headers['x-acs-action']
    const version = rpc ? query.Version : req.headers['x-acs-version']
    const timestamp = rpc ? query.Timestamp : req.headers['x-acs-date']
    if (
      action !== 'AssumeRoleWithOIDC' ||
      version !== '2015-04-01' ||
      (rpc && !/^json$/i.test(query.Format ?? ''))
    ) {
      return fail(
        400,
        'InvalidParameter',
        'Action, Version=2015-04-01 and Format=JSON belong in the query (or x-acs-action and x-acs-version in the headers).'
      )
    }
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(timestamp ?? ''))
      return fail(400, 'MissingTimestamp', 'Timestamp is mandatory.')
    if (!form.OIDCToken)
      return fail(401, 'AuthenticationFail.OIDCToken.Invalid', 'The OIDCToken can not empty.')
    const parts = form.OIDCToken.split('.')
    if (parts.length !== 3)
      return fail(
        401,
        'AuthenticationFail.OIDCToken.Invalid',
        "The number of Jwt field should be divided into 3 parts with '.' ."
      )
    const expected = createHmac('sha256', SIGNING_KEY)
      .update(`${parts[0]}.${parts[1]}`)
      .digest('base64url')
    if (expected !== parts[2])
      return fail(
        401,
        'AuthenticationFail.OIDCToken.InvalidSignature',
        'OIDC token validate failed: invalid signature.'
      )
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    if (form.OIDCProviderArn !== options.oidcProviderArn)
      return fail(401, 'AuthenticationFail.NoPermission', 'No such OIDC Provider registered.')
    if (!(options.audiences ?? ['sts.aliyuncs.com']).includes(claims.aud))
      return fail(401, 'AuthenticationFail.OIDCToken.AudienceNotMatch', 'Invalid audience.')
    if (form.RoleArn !== options.roleArn)
      return fail(401, 'AuthenticationFail.NoPermission', 'There is no permission')
    if (!/^[A-Za-z0-9.@_-]{2,64}$/.test(form.RoleSessionName ?? ''))
      return fail(
        400,
        'InvalidParameter.RoleSessionName',
        'The parameter RoleSessionName is wrongly formed.'
      )
    if (!(Number(form.DurationSeconds) >= 900))
      return fail(400, 'InvalidParameter.DurationSeconds', 'DurationSeconds must be at least 900.')
    const { accessKeyId, accessKeySecret, securityToken } = options.credentials
    send(res, 200, {
      RequestId: requestId,
      AssumedRoleUser: {
        Arn: `${options.roleArn}/${form.RoleSessionName}`,
        AssumedRoleId: `3000:${form.RoleSessionName}`
      },
      OIDCTokenInfo: { Subject: claims.sub, Issuer: claims.iss, ClientIds: claims.aud },
      Credentials: {
        AccessKeyId: accessKeyId,
        AccessKeySecret: accessKeySecret,
        SecurityToken: securityToken,
        Expiration: new Date(Date.now() + Number(form.DurationSeconds) * 1000)
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z')
      }
    })
  }, options.lifetimeMs)
  return { ...server, calls }
}
