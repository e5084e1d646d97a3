import { Clock } from '../../src/clock.js'
import { RpcClient } from '../../src/dcdn/client.js'
import { signV3 } from '../../src/dcdn/sign.js'
import { HttpPost } from '../../src/dcdn/transport.js'
import { FakeClock } from './clock.js'

/** An RPC client whose HTTP layer is a function, for tests that script DCDN's answers. */
export function clientAnswering(post: HttpPost, clock: Clock = new FakeClock()): RpcClient {
  return new RpcClient({
    endpoint: new URL('https://dcdn.aliyuncs.com'),
    version: '2018-01-15',
    signer: signV3,
    key: { accessKeyId: 'a', accessKeySecret: 'b' },
    post,
    clock
  })
}
