// The fake DCDN: the fake edge API as DCDN (see service.mjs).
import { startFakeService } from './service.mjs'

export function startFakeDcdn(options = {}) {
  return startFakeService({ ...options, product: 'dcdn' })
}
