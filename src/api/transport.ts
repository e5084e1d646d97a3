import { request } from 'undici'
import { createDispatchers } from './dispatchers.js'
import { NetworkError } from './errors.js'
import { ProxyEnv } from './proxy.js'

export interface HttpAnswer {
  status: number
  body: string
}

/** Sends one request (a POST when there is a body or `method` says so); rejects only when no HTTP answer came. */
export type HttpSend = (
  url: URL,
  headers: Record<string, string>,
  body: string,
  method?: 'GET' | 'POST'
) => Promise<HttpAnswer>

export interface TransportOptions {
  connectTimeoutMs: number
  /** The whole request, from connecting to the last byte of the answer. */
  requestTimeoutMs: number
}

/**
 * An HTTP client on undici with keep-alive, timeouts, and HTTPS_PROXY/NO_PROXY honoured, as
 * self-hosted runners behind a proxy need.
 */
export function createHttpSend(
  options: TransportOptions,
  proxyEnv: ProxyEnv
): { send: HttpSend; close(): Promise<void> } {
  const agentOptions = {
    connect: { timeout: options.connectTimeoutMs },
    keepAliveTimeout: 10_000,
    headersTimeout: options.requestTimeoutMs,
    bodyTimeout: options.requestTimeoutMs
  }
  const dispatchers = createDispatchers(proxyEnv, agentOptions)
  const send: HttpSend = async (url, headers, body, method = 'POST') => {
    const signal = AbortSignal.timeout(options.requestTimeoutMs)
    const dispatcher = dispatchers.for(url)
    try {
      const answer = await request(url, {
        method,
        headers,
        body: method === 'GET' ? undefined : body,
        dispatcher,
        signal
      })
      return { status: answer.statusCode, body: await answer.body.text() }
    } catch (error) {
      const name = error instanceof Error ? error.name : ''
      const code = (error as { code?: string }).code ?? ''
      if (signal.aborted || name === 'TimeoutError' || /TIMEOUT/.test(code)) {
        throw new NetworkError(
          'RequestTimeout',
          `no answer from ${url.host} within ${options.requestTimeoutMs} ms`
        )
      }
      const detail = code || (error instanceof Error ? error.message : String(error))
      throw new NetworkError('NetworkError', `could not reach ${url.host}: ${detail}`)
    }
  }
  const close = async () => {
    await dispatchers.close()
  }
  return { send, close }
}
