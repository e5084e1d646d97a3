// The fake DCDN: the fake edge API as DCDN (see edge-server.mjs).
import { startFakeEdge } from './edge-server.mjs'

export function startFakeDcdn(options = {}) {
  return startFakeEdge({ ...options, product: 'dcdn' })
}
