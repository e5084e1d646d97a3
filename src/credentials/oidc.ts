import { sendRequest } from '../api/client.js'
import { canonicalQuery } from '../api/encode.js'
import { ApiError } from '../api/errors.js'
import { AccessKey, isoSeconds } from '../api/sign.js'
import { HttpSend } from '../api/transport.js'
import { Clock } from '../util/clock.js'
import { UserError } from '../util/errors.js'
import { DEFAULT_RETRY } from '../util/backoff.js'
import { callWithRetry } from '../api/retry.js'
import { addSecret } from '../runner/secrets.js'
import { SERVICE_API } from '../services/limits.js'

export interface OidcOptions {
  roleArn: string
  oidcProviderArn: string
  roleSessionName: string
  audience: string
  stsEndpoint: URL
  /** core.getIDToken; only called when the runner offers a token endpoint. */
  getIdToken(audience: string): Promise<string>
  /** Whether the runner offers this job an ID token (permissions: id-token: write). */
  idTokenAvailable: boolean
  send: HttpSend
  clock: Clock
  log(message: string): void
}

/** STS's shortest session; a refresh with a wait rarely needs more, and keys that die soon leak less. */
const DURATION_SECONDS = 3600

/** `github-actions-<run id>`, cleaned to what STS accepts: [A-Za-z0-9.@_-], 2 to 64 characters. */
export function defaultSessionName(runId: string | undefined): string {
  const name = `github-actions-${runId ?? ''}`.replace(/[^A-Za-z0-9.@_-]/g, '-').slice(0, 64)
  return name.replace(/-+$/, '') || 'github-actions'
}

async function idToken(options: OidcOptions): Promise<string> {
  if (!options.idTokenAvailable) {
    throw new UserError(
      "OIDC needs a GitHub ID token, but this job cannot request one. Add 'permissions: id-token: write' to the job " +
        '(and contents: read if it checks out code). Pull requests from forks never get ID tokens.'
    )
  }
  let token: string
  try {
    token = await options.getIdToken(options.audience)
  } catch (error) {
    throw new UserError(
      `Could not get a GitHub OIDC token for audience '${options.audience}': ${error instanceof Error ? error.message : String(error)}`
    )
  }
  addSecret(token)
  return token
}

/** Exchanges the job's GitHub OIDC token for STS credentials with AssumeRoleWithOIDC (SPEC 5). */
export async function assumeRoleWithOidc(options: OidcOptions): Promise<AccessKey> {
  const token = await idToken(options)
  const body = canonicalQuery({
    RoleArn: options.roleArn,
    OIDCProviderArn: options.oidcProviderArn,
    OIDCToken: token,
    RoleSessionName: options.roleSessionName,
    DurationSeconds: String(DURATION_SECONDS)
  })
  const attempt = async () => {
    const query = canonicalQuery({
      Action: 'AssumeRoleWithOIDC',
      Version: SERVICE_API.sts.version,
      Format: 'JSON',
      Timestamp: isoSeconds(options.clock.now())
    })
    const url = new URL(`/?${query}`, options.stsEndpoint)
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json'
    }
    return (await sendRequest(options.send, url, headers, body)).body
  }
  let text: string
  try {
    text = await callWithRetry(attempt, options.clock, DEFAULT_RETRY, (m) =>
      options.log(`STS: ${m}`)
    )
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    const hint = /aud/i.test(`${error.code} ${error.apiMessage}`)
      ? ` Check that the 'audience' input ('${options.audience}') is a client ID of the OIDC provider in RAM.`
      : ' Check the role ARN, the OIDC provider ARN, and that the role trusts this repository.'
    throw new UserError(
      `STS AssumeRoleWithOIDC at ${options.stsEndpoint.host} failed: ${error.message}${hint}`
    )
  }
  let credentials: Record<string, unknown> = {}
  try {
    credentials = (JSON.parse(text) as { Credentials?: Record<string, unknown> }).Credentials ?? {}
  } catch {
    // Reported below as missing credentials.
  }
  const key = {
    accessKeyId: String(credentials.AccessKeyId ?? ''),
    accessKeySecret: String(credentials.AccessKeySecret ?? ''),
    securityToken: String(credentials.SecurityToken ?? '')
  }
  addSecret(key.accessKeySecret)
  addSecret(key.securityToken)
  if (!key.accessKeyId || !key.accessKeySecret || !key.securityToken) {
    throw new UserError(
      'STS AssumeRoleWithOIDC answered without Credentials.AccessKeyId, AccessKeySecret and SecurityToken.'
    )
  }
  return key
}
