import { Agent, Dispatcher, ProxyAgent } from 'undici'
import { ProxyEnv, proxyFor } from './proxy.js'

/** One connection pool per proxy (or none), made on first use, each with the same timeouts. */
export interface Dispatchers {
  for(url: URL): Dispatcher
  /** Ends every pool: `close` lets requests in flight finish, `destroy` drops them. */
  close(how?: 'close' | 'destroy'): Promise<void>
}

export function createDispatchers(env: ProxyEnv, options: Agent.Options): Dispatchers {
  const pools = new Map<string, Dispatcher>()
  return {
    for(url) {
      const via = proxyFor(url, env) ?? ''
      let pool = pools.get(via)
      if (!pool) {
        pool = via ? new ProxyAgent({ ...options, uri: via }) : new Agent(options)
        pools.set(via, pool)
      }
      return pool
    },
    async close(how = 'close') {
      await Promise.all([...pools.values()].map((pool) => pool[how]()))
    }
  }
}
