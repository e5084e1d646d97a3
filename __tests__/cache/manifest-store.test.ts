// The manifest store on the real @actions/cache, against the fake cache service (itself proved
// with that library): keys, the relative path that keeps the cache version the same on every
// runner, what the library prints, and an unavailable service.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createManifestStore } from '../../src/cache/manifest-store.js'
import { Log } from '../../src/runner/log.js'
import { startFakeCache } from '../fakes/actions-cache.mjs'

let cache: Awaited<ReturnType<typeof startFakeCache>>
const saved: Record<string, string | undefined> = {}
const roots: string[] = []
beforeAll(async () => {
  cache = await startFakeCache({ lifetimeMs: 60_000 })
  // @actions/cache reads the runner's variables from the process itself.
  for (const [name, value] of Object.entries(cache.env)) {
    saved[name] = process.env[name]
    process.env[name] = value
  }
})
afterAll(async () => {
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  await cache.close()
  roots.forEach((r) => rmSync(r, { recursive: true, force: true }))
})

function store(key: string, runId: string, available = true) {
  const workspace = mkdtempSync(join(tmpdir(), 'store-'))
  roots.push(workspace)
  const said: string[] = []
  const log: Log = {
    info: (m) => said.push(`info: ${m}`),
    warning: (m) => said.push(`warning: ${m}`),
    untrusted: (lines) => said.push(...lines.map((l) => `  ${l}`)),
    group: async (title, phase) => {
      said.push(`group: ${title}`)
      return phase()
    }
  }
  const previous = process.env.GITHUB_WORKSPACE
  process.env.GITHUB_WORKSPACE = workspace
  const s = createManifestStore({
    key,
    runId,
    runAttempt: '1',
    workspace,
    available,
    deadlines: { callMs: 5000, totalMs: 15_000 },
    log
  })
  return {
    said,
    restore: async () => {
      process.env.GITHUB_WORKSPACE = workspace
      try {
        return await s.restore()
      } finally {
        process.env.GITHUB_WORKSPACE = previous
      }
    },
    save: async (manifest: Map<string, string>) => {
      process.env.GITHUB_WORKSPACE = workspace
      try {
        return await s.save(manifest, { runId, runNumber: runId })
      } finally {
        process.env.GITHUB_WORKSPACE = previous
      }
    }
  }
}

describe('the manifest store', () => {
  it('saves under <key>/<run>-<attempt>, and a runner elsewhere restores the newest of its own key', async () => {
    const manifest = new Map([
      ['public/a.html', 'a'.repeat(64)],
      ['public/caf\udce9.html', 'b'.repeat(64)]
    ])
    const first = store('site', '100')
    expect(await first.save(manifest)).toBe(true)
    expect(first.said).toContain('info: Saved the manifest of 2 files to the cache as site/100-1.')
    expect(await store('site-v2', '101').save(new Map([['x', 'c'.repeat(64)]]))).toBe(true)
    const other = store('site', '102')
    const restored = await other.restore()
    expect(restored?.key).toBe('site/100-1')
    expect(restored?.manifest).toEqual(manifest)
    expect(restored?.origin).toEqual({ runId: '100', runNumber: '100' })
    // One folded group per operation, the library's lines inside it.
    expect(other.said[0]).toBe('group: Restoring the previous manifest from the Actions cache')
    expect(other.said.slice(1).some((l) => /Cache restored successfully/.test(l))).toBe(true)
  })

  it('has no baseline for a key that was never saved', async () => {
    const s = store('never', '200')
    expect(await s.restore()).toBeUndefined()
    expect(s.said.filter((l) => l.startsWith('warning'))).toEqual([])
  })

  it('warns, and goes on, when the job has no cache service', async () => {
    const s = store('site', '300', false)
    expect(await s.restore()).toBeUndefined()
    expect(await s.save(new Map())).toBe(false)
    expect(s.said).toEqual([
      'warning: The GitHub Actions cache is not available to this job, so there is no previous manifest to compare with.',
      'warning: The GitHub Actions cache is not available to this job, so this manifest was not saved; the next run will refresh without a baseline.'
    ])
  })

  it('warns when the service fails, and says so plainly when the library only answers -1', async () => {
    cache.fail(400)
    try {
      const s = store('site', '400')
      expect(await s.save(new Map([['a', 'd'.repeat(64)]]))).toBe(false)
      expect(s.said.filter((l) => l.startsWith('warning'))).toEqual([
        'warning: The GitHub Actions cache did not store the manifest (site/400-1); the next run compares with an older one, or with none.'
      ])
    } finally {
      cache.fail(0)
    }
  })
})
