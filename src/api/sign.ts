import { createHash, createHmac } from 'node:crypto'
import { byteOrder, canonicalQuery, percentEncode } from './encode.js'

export interface AccessKey {
  accessKeyId: string
  accessKeySecret: string
  /** Present for STS credentials. */
  securityToken?: string
}

/** Where an operation's parameters travel, as the official SDK sends them. */
export type ParamPlacement = 'body' | 'query'

/** One RPC call to sign: `method` to `/` on `host`, parameters in a form body or in the query. */
export interface CallToSign {
  host: string
  method: 'GET' | 'POST'
  action: string
  version: string
  params: Record<string, string>
  placement: ParamPlacement
  /** Unique per attempt. */
  nonce: string
  /** When the attempt is made, in milliseconds. */
  time: number
}

export interface SignedCall {
  headers: Record<string, string>
  /** The canonical query string, without `?`; empty when every parameter is in the body. */
  query: string
  /** The form body, sent as a string so that nothing appends `;charset=` to its content type. */
  body: string
}

export type Signer = (call: CallToSign, key: AccessKey) => SignedCall

const FORM = 'application/x-www-form-urlencoded'

/** `YYYY-MM-DDTHH:mm:ssZ`, with no milliseconds, as both signatures require. */
export function isoSeconds(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

export interface V3Request {
  method: string
  query: Record<string, string>
  /** Header names in any case; host, content-type and every x-acs-* header are signed. */
  headers: Record<string, string>
  payloadHash: string
}

/** The v3 canonical request and the signed header names (SPEC 6.4 step 1). */
function canonicalRequestV3(request: V3Request): {
  canonical: string
  signedHeaders: string
} {
  const signed = new Map<string, string>()
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase()
    if (lower === 'host' || lower === 'content-type' || lower.startsWith('x-acs-'))
      signed.set(lower, value.trim())
  }
  const names = [...signed.keys()].sort(byteOrder)
  const canonicalHeaders = names.map((name) => `${name}:${signed.get(name)}\n`).join('')
  const signedHeaders = names.join(';')
  const canonical = [
    request.method,
    '/',
    canonicalQuery(request.query),
    canonicalHeaders,
    signedHeaders,
    request.payloadHash
  ].join('\n')
  return { canonical, signedHeaders }
}

/** The hex ACS3-HMAC-SHA256 signature of a request (SPEC 6.4 steps 2 and 3). */
export function signatureV3(
  request: V3Request,
  secret: string
): { signature: string; signedHeaders: string } {
  const { canonical, signedHeaders } = canonicalRequestV3(request)
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonical)}`
  return {
    signature: createHmac('sha256', secret).update(stringToSign).digest('hex'),
    signedHeaders
  }
}

/** Signature v3, the default: the parameters go in the form body or the query, the signature in a header. */
export const signV3: Signer = (call, key) => {
  const inBody = call.placement === 'body' && Object.keys(call.params).length > 0
  const query = inBody ? {} : call.params
  const body = inBody ? canonicalQuery(call.params) : ''
  const headers: Record<string, string> = {
    host: call.host,
    'x-acs-action': call.action,
    'x-acs-version': call.version,
    'x-acs-date': isoSeconds(call.time),
    'x-acs-signature-nonce': call.nonce,
    'x-acs-content-sha256': sha256Hex(body)
  }
  if (inBody) headers['content-type'] = FORM
  if (key.securityToken) headers['x-acs-security-token'] = key.securityToken
  const { signature, signedHeaders } = signatureV3(
    { method: call.method, query, headers, payloadHash: headers['x-acs-content-sha256'] },
    key.accessKeySecret
  )
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${key.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`
  headers.accept = 'application/json'
  return { headers, query: canonicalQuery(query), body }
}

/** The Base64 HMAC-SHA1 signature of v2 parameters (SPEC 6.5 steps 2 to 5). */
export function signatureV2(
  method: string,
  params: Record<string, string>,
  secret: string
): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64')
}

/**
 * Signature v2 (HMAC-SHA1, SignatureVersion=1.0): everything, signature included, in the form of a
 * POST (SPEC 6.5), or in the query of a GET and of an operation whose parameters go in the query.
 */
export const signV2: Signer = (call, key) => {
  const params: Record<string, string> = {
    ...call.params,
    Action: call.action,
    Version: call.version,
    Format: 'JSON',
    AccessKeyId: key.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: call.nonce,
    Timestamp: isoSeconds(call.time)
  }
  if (key.securityToken) params.SecurityToken = key.securityToken
  params.Signature = signatureV2(call.method, params, key.accessKeySecret)
  // An operation whose parameters travel in the query (ESA's, some of CDN's) sends them all there.
  if (call.method === 'GET' || call.placement === 'query') {
    const headers: Record<string, string> = { host: call.host, accept: 'application/json' }
    return { headers, query: canonicalQuery(params), body: '' }
  }
  return {
    headers: { host: call.host, 'content-type': FORM, accept: 'application/json' },
    query: '',
    body: canonicalQuery(params)
  }
}
