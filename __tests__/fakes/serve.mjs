// Starts the fake DCDN for the self-test workflow, writes its URL to FAKE_DCDN_URL_FILE, and
// serves for ten minutes at most before it stops by itself.
import { writeFileSync } from 'node:fs'
import { startFakeDcdn } from './dcdn-server.mjs'

const fake = await startFakeDcdn({
  keys: { LTAIselfTestKeyId: { secret: 'self-test-secret-not-real' } },
  lifetimeMs: 600_000
})
writeFileSync(process.env.FAKE_DCDN_URL_FILE ?? 'fake-dcdn.url', fake.url)
console.log(`fake DCDN on ${fake.url}`)
