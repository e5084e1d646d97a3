import { CallGate, RpcClient } from '../../src/api/client.js'
import { signV3 } from '../../src/api/sign.js'
import { HttpSend, createHttpSend } from '../../src/api/transport.js'
import { Clock } from '../../src/util/clock.js'
import { FakeClock } from './clock.js'

/** An RPC client whose HTTP layer is a function, for tests that script the service's answers. */
export function clientAnswering(send: HttpSend, clock: Clock = new FakeClock()): RpcClient {
  return new RpcClient({
    endpoint: new URL('https://dcdn.aliyuncs.com'),
    version: '2018-01-15',
    signer: signV3,
    key: { accessKeyId: 'a', accessKeySecret: 'b' },
    send,
    clock
  })
}

/**
 * A signed client of a loopback fake service, through the action's own HTTP layer, on the test's
 * clock (and call gate, where the test paces); `close` ends its connections.
 */
export function clientOfFake(
  url: string,
  options: { version: string; clock: Clock; gate?: CallGate }
): { client: RpcClient; close(): Promise<void> } {
  const http = createHttpSend({ connectTimeoutMs: 2000, requestTimeoutMs: 5000 }, {})
  const client = new RpcClient({
    endpoint: new URL(url),
    signer: signV3,
    key: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    send: http.send,
    ...options
  })
  return { client, close: http.close }
}
