// Proves the fake cache service with the real @actions/cache: what it saves, it restores, by the
// exact key or the newest entry of a prefix, and a key is never overwritten.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeCache } from './actions-cache.mjs'

type Fake = Awaited<ReturnType<typeof startFakeCache>>
let fake: Fake
const workspace = mkdtempSync(join(tmpdir(), 'cache-fake-'))
const saved: Record<string, string | undefined> = {}
let cache: typeof import('@actions/cache')

beforeAll(async () => {
  fake = await startFakeCache()
  for (const [name, value] of Object.entries({
    ...fake.env,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: workspace
  })) {
    saved[name] = process.env[name]
    process.env[name] = value
  }
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  cache = await import('@actions/cache')
})
afterAll(async () => {
  jest.restoreAllMocks()
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  await fake.close()
  rmSync(workspace, { recursive: true, force: true })
})

const file = join(workspace, 'store', 'data.txt')
function write(text: string) {
  mkdirSync(join(workspace, 'store'), { recursive: true })
  writeFileSync(file, text)
}

describe('the fake cache service, driven by @actions/cache', () => {
  it('saves, and restores by prefix the newest entry', async () => {
    write('first')
    expect(await cache.saveCache([file], 'site-1-1')).toBeGreaterThan(0)
    write('second')
    expect(await cache.saveCache([file], 'site-2-1')).toBeGreaterThan(0)
    rmSync(join(workspace, 'store'), { recursive: true })
    expect(await cache.restoreCache([file], 'site-9-1', ['site-'])).toBe('site-2-1')
    expect(readFileSync(file, 'utf8')).toBe('second')
    expect(await cache.restoreCache([file], 'site-1-1')).toBe('site-1-1')
    expect(readFileSync(file, 'utf8')).toBe('first')
  })

  it('never overwrites a key, and answers -1 when asked to', async () => {
    write('third')
    expect(await cache.saveCache([file], 'site-1-1')).toBe(-1)
    expect(fake.keys()).toEqual(['site-1-1', 'site-2-1'])
  })

  it('finds nothing for another path list (another version)', async () => {
    expect(
      await cache.restoreCache([file, join(workspace, 'other')], 'site-9-1', ['site-'])
    ).toBeUndefined()
  })

  it('plays an unavailable service', async () => {
    // A client error: @actions/cache retries server errors for half a minute before it gives up.
    fake.fail(403)
    expect(await cache.restoreCache([file], 'site-9-1', ['site-'])).toBeUndefined()
    fake.fail(undefined)
  })
})
