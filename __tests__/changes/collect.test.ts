// The changes stage with its connections stubbed: the event's own rules first, the manifest of a
// built site, and what happens when the changes cannot be listed.
import { afterAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ManifestStore } from '../../src/cache/manifest-store.js'
import {
  ChangeConnections,
  ChangeSettings,
  RunFacts,
  collectChanges
} from '../../src/changes/collect.js'
import { GitHubSilentError } from '../../src/changes/github-api.js'
import { Log } from '../../src/runner/log.js'
import { rulesOf } from '../fixtures.js'

const roots: string[] = []
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'collect-'))
  roots.push(root)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

function connections(
  root: string,
  store?: Partial<ManifestStore>,
  github?: ChangeConnections['github']
) {
  const said: string[] = []
  const log: Log = {
    info: (m) => said.push(`info: ${m}`),
    warning: (m) => said.push(`warning: ${m}`),
    untrusted: () => {},
    group: (_t, phase) => phase()
  }
  const used = { store: 0 }
  const c: ChangeConnections = {
    workspace: root,
    git: async () => {
      throw new Error('no git here')
    },
    github: github ?? (async () => undefined),
    manifests: async () => {
      used.store++
      return { restore: async () => undefined, save: async () => true, ...store }
    },
    log
  }
  return { c, said, used }
}

const settings = (fields: Partial<ChangeSettings> = {}): ChangeSettings => ({
  changedFiles: 'auto',
  base: '',
  head: '',
  outputDir: 'public',
  rules: rulesOf('public/** => https://a.example/{path}'),
  hasFallback: false,
  ...fields
})
const facts = (fields: Partial<RunFacts> = {}): RunFacts => ({
  eventName: 'workflow_dispatch',
  payload: {},
  repository: 'o/r',
  runId: '9',
  sha: 'b'.repeat(40),
  refName: 'main',
  ...fields
})
const hash = (text: string) => createHash('sha256').update(text).digest('hex')

describe('collectChanges', () => {
  it("applies the event's own rules before output-dir: a failed deploy touches no manifest", async () => {
    const { c, used } = connections(workspace({ 'public/a.html': 'a' }))
    const changes = await collectChanges(
      settings(),
      facts({
        eventName: 'workflow_run',
        payload: { workflow_run: { id: 3, conclusion: 'failure' } }
      }),
      c
    )
    expect(changes.nothingToDo).toMatch(/run 3 ended 'failure'/)
    expect(changes.paths).toEqual([])
    expect(used.store).toBe(0)
  })

  it('with no previous manifest, takes every deployed file with a warning, or the fallback', async () => {
    const root = workspace({ 'public/a.html': 'a', 'public/b/c.html': 'c' })
    const first = connections(root)
    const all = await collectChanges(settings(), facts(), first.c)
    expect(all.paths).toEqual(['public/a.html', 'public/b/c.html'])
    expect(all.useFallback).toBe(false)
    expect(first.said[0]).toMatch(/^warning: There is no previous manifest .*all 2 deployed files/)
    const second = connections(root)
    const fallback = await collectChanges(settings({ hasFallback: true }), facts(), second.c)
    expect([fallback.paths, fallback.useFallback]).toEqual([[], true])
    expect(second.said[0]).toMatch(
      /^info: There is no previous manifest .*refreshing the fallback targets/
    )
  })

  it('lists what was added, modified and removed, and keeps the previous hash of each', async () => {
    const root = workspace({
      'public/a.html': 'a2',
      'public/new.html': 'n',
      'public/same.html': 's'
    })
    const previous = new Map([
      ['public/a.html', hash('a1')],
      ['public/gone.html', hash('g')],
      ['public/same.html', hash('s')]
    ])
    const { c } = connections(root, {
      restore: async () => ({ manifest: previous, origin: { runId: '8' }, key: 'k/8-1' })
    })
    const changes = await collectChanges(settings(), facts(), c)
    expect(changes.paths).toEqual(['public/a.html', 'public/gone.html', 'public/new.html'])
    expect(changes.removed).toEqual(['public/gone.html'])
    expect(changes.source).toEqual({
      kind: 'manifest',
      files: 3,
      baseline: { runId: '8' },
      added: 1,
      modified: 1,
      removed: 1
    })
    expect(changes.manifest?.previous).toEqual(
      new Map([
        ['public/a.html', hash('a1')],
        ['public/gone.html', hash('g')]
      ])
    )
    expect(changes.manifest?.current.get('public/a.html')).toBe(hash('a2'))
  })

  it('uses the fallback when the changes cannot be listed, and fails without one', async () => {
    const push = facts({
      eventName: 'push',
      payload: { ref: 'refs/heads/main', before: 'a'.repeat(40), after: 'b'.repeat(40) }
    })
    const git = settings({ outputDir: '' })
    const withFallback = connections(workspace({}))
    const changes = await collectChanges({ ...git, hasFallback: true }, push, withFallback.c)
    expect(changes.useFallback).toBe(true)
    expect(withFallback.said.at(-1)).toMatch(
      /^warning: Could not list the files changed between a{40} and b{40}: .*Refreshing the fallback targets instead\.$/
    )
    await expect(collectChanges(git, push, connections(workspace({})).c)).rejects.toThrow(
      /Could not list the files changed/
    )
  })

  it('uses the fallback when the GitHub API stays silent while the base is found', async () => {
    const silent = async () => ({
      repo: { owner: 'o', repo: 'r' },
      request: async () => {
        throw new GitHubSilentError('The GitHub API gave no answer for 90 s in all.')
      }
    })
    const { c } = connections(workspace({}), undefined, silent)
    const changes = await collectChanges(
      settings({ outputDir: '', base: 'last-success', hasFallback: true }),
      facts(),
      c
    )
    expect(changes.useFallback).toBe(true)
    expect(changes.notes[0]).toMatch(
      /gave no answer for 90 s in all\. Refreshing the fallback targets instead\./
    )
  })
})
