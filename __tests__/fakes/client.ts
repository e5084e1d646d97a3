import { RpcClient } from '../../src/api/client.js'
import { signV3 } from '../../src/api/sign.js'
import { HttpSend } from '../../src/api/transport.js'
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
