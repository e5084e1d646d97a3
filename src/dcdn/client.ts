import { randomBytes } from 'node:crypto'
import { Clock } from '../clock.js'
import { redact } from '../secrets.js'
import { DcdnError } from './errors.js'
import { AccessKey, Signer } from './sign.js'
import { HttpAnswer, HttpPost, NetworkError } from './transport.js'

export interface ClientOptions {
  endpoint: URL
  version: string
  signer: Signer
  key: AccessKey
  post: HttpPost
  clock: Clock
}

/** Reads DCDN's error fields from a JSON body, or from XML when the server ignored our Accept. */
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
 * Sends one form POST and returns the answer's body, or throws a DcdnError: for no answer at
 * all, or for an HTTP error with DCDN's (or STS's) Code, Message and RequestId.
 */
export async function postForm(
  post: HttpPost,
  url: URL,
  headers: Record<string, string>,
  body: string
): Promise<HttpAnswer> {
  let answer: HttpAnswer
  try {
    answer = await post(url, headers, body)
  } catch (error) {
    if (error instanceof NetworkError) {
      throw new DcdnError({ code: error.code, message: error.message, httpStatus: 0 })
    }
    throw error
  }
  if (answer.status >= 200 && answer.status < 300) return answer
  const fields = parseErrorBody(answer.body)
  throw new DcdnError({
    code: fields.code ?? `HTTP${answer.status}`,
    message: redact(fields.message ?? (answer.body.slice(0, 200) || `HTTP ${answer.status}`)),
    requestId: fields.requestId,
    httpStatus: answer.status
  })
}

/** One signed RPC call to an Alibaba Cloud API: every attempt gets a new nonce and timestamp. */
export class RpcClient {
  constructor(private readonly options: ClientOptions) {}

  async call<T>(
    action: string,
    params: Record<string, string> = {}
  ): Promise<T & { RequestId: string }> {
    const { endpoint, version, signer, key, post, clock } = this.options
    const signed = signer(
      {
        host: endpoint.host,
        action,
        version,
        params,
        nonce: randomBytes(16).toString('hex'),
        time: clock.now()
      },
      key
    )
    const answer = await postForm(post, endpoint, signed.headers, signed.body)
    try {
      return JSON.parse(answer.body) as T & { RequestId: string }
    } catch {
      throw new DcdnError({
        code: 'InvalidResponse',
        message: `${action} answered HTTP ${answer.status} with a body that is not JSON`,
        httpStatus: 502
      })
    }
  }
}
