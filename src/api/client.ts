import { randomBytes } from 'node:crypto'
import { Clock } from '../util/clock.js'
import { ApiError, NetworkError } from './errors.js'
import { AccessKey, ParamPlacement, Signer } from './sign.js'
import type { HttpAnswer, HttpSend } from './transport.js'
import type { CallLoad } from '../plan/pacing.js'
import { parseJson } from './json.js'

/** Admits each call of the account when its pacing allows (src/submit/gate.ts). */
export interface CallGate {
  run<T>(load: CallLoad, call: () => Promise<T>): Promise<T>
}

export interface ClientOptions {
  endpoint: URL
  version: string
  signer: Signer
  key: AccessKey
  send: HttpSend
  clock: Clock
  /** Every call of the account passes it; absent, calls go at once. */
  gate?: CallGate
}

/** How an operation is sent, as the official SDK sends it. */
export interface CallShape {
  method: 'GET' | 'POST'
  placement: ParamPlacement
}

const FORM_POST: CallShape = { method: 'POST', placement: 'body' }

/** Reads the error fields from a JSON body, or from XML when the server ignored our Accept. */
export function parseErrorBody(body: string): {
  code?: string
  message?: string
  requestId?: string
} {
  const trimmed = body.trim()
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>
      return {
        code: typeof json.Code === 'string' ? json.Code : undefined,
        message: typeof json.Message === 'string' ? json.Message : undefined,
        requestId: typeof json.RequestId === 'string' ? json.RequestId : undefined
      }
    } catch {
      return {}
    }
  }
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(trimmed)?.[1]
  return { code: tag('Code'), message: tag('Message'), requestId: tag('RequestId') }
}

/**
 * Sends one request and returns the answer, or throws an ApiError: for no answer at all, or for
 * an HTTP error with the service's (or STS's) Code, Message and RequestId.
 */
export async function sendRequest(
  send: HttpSend,
  url: URL,
  headers: Record<string, string>,
  body: string,
  method: 'GET' | 'POST' = 'POST'
): Promise<HttpAnswer> {
  let answer: HttpAnswer
  try {
    answer = await send(url, headers, body, method)
  } catch (error) {
    if (error instanceof NetworkError) {
      throw new ApiError({ code: error.code, message: error.message, httpStatus: 0 })
    }
    throw error
  }
  if (answer.status >= 200 && answer.status < 300) return answer
  const fields = parseErrorBody(answer.body)
  throw new ApiError({
    code: fields.code ?? `HTTP${answer.status}`,
    message: fields.message ?? (answer.body.slice(0, 200) || `HTTP ${answer.status}`),
    requestId: fields.requestId,
    httpStatus: answer.status
  })
}

/** One signed RPC call to an Alibaba Cloud API: every attempt gets a new nonce and timestamp. */
export class RpcClient {
  constructor(private readonly options: ClientOptions) {}

  async call<T>(
    action: string,
    params: Record<string, string> = {},
    shape: CallShape = FORM_POST,
    load: CallLoad = {}
  ): Promise<T & { RequestId: string }> {
    const { gate } = this.options
    const answer = await (gate
      ? gate.run(load, () => this.send(action, params, shape))
      : this.send(action, params, shape))
    try {
      return parseJson(answer.body) as T & { RequestId: string }
    } catch {
      throw new ApiError({
        code: 'InvalidResponse',
        message: `${action} answered HTTP ${answer.status} with a body that is not JSON`,
        httpStatus: 502
      })
    }
  }

  /** Signs and sends one attempt: a new nonce and timestamp every time. */
  private send(
    action: string,
    params: Record<string, string>,
    shape: CallShape
  ): Promise<HttpAnswer> {
    const { endpoint, version, signer, key, send, clock } = this.options
    const signed = signer(
      {
        host: endpoint.host,
        method: shape.method,
        action,
        version,
        params,
        placement: shape.placement,
        nonce: randomBytes(16).toString('hex'),
        time: clock.now()
      },
      key
    )
    const url = new URL(signed.query ? `/?${signed.query}` : '/', endpoint)
    return sendRequest(send, url, signed.headers, signed.body, shape.method)
  }
}
