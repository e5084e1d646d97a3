// A built site through the bundle (issue 10, SPEC 4.1.3): the deployed files whose bytes changed
// since the last good refresh, with the manifest kept in a fake Actions cache that outlives the
// runs, so that deploys can follow one another.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startFakeCache } from '../fakes/actions-cache.mjs'
import { startFakeDcdn } from '../fakes/dcdn-server.mjs'
import { ActionRun, liveCommands, runAction, visibleOutput } from './harness.js'

const KEY = { id: 'LTAI5tDeployed', secret: 'deployed-Secret' }
const RULES = [
  'public/**/index.html => https://www.example.com/{dir}',
  'public/** => https://www.example.com/{path}',
  '!public/**/*.map'
].join('\n')

type Dcdn = Awaited<ReturnType<typeof startFakeDcdn>>
type Cache = Awaited<ReturnType<typeof startFakeCache>>
let dcdn: Dcdn
let cache: Cache
let workspace: string
const roots: string[] = []
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))
beforeEach(async () => {
  dcdn = await startFakeDcdn({ keys: { [KEY.id]: { secret: KEY.secret } } })
  cache = await startFakeCache()
  workspace = mkdtempSync(join(tmpdir(), 'deployed-'))
  roots.push(workspace)
})
afterEach(async () => {
  await dcdn.close()
  await cache.close()
})

/** Writes the build output: a map of paths under public/ to contents; null removes. */
function build(files: Record<string, string | null>) {
  for (const [path, content] of Object.entries(files)) {
    const full = join(workspace, 'public', path)
    if (content === null) rmSync(full, { force: true })
    else {
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, content)
    }
  }
}

function deploy(
  inputs: Record<string, string> = {},
  runId = '1000',
  env: Record<string, string> = cache.env
) {
  return runAction({
    eventName: 'push',
    env: {
      GITHUB_WORKSPACE: workspace,
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_RUN_NUMBER: runId.slice(-2),
      ...env
    },
    inputs: {
      rules: RULES,
      'output-dir': 'public',
      endpoint: dcdn.url,
      'access-key-id': KEY.id,
      'access-key-secret': KEY.secret,
      ...inputs
    }
  })
}

const refreshed = () => (dcdn.state.accepted as { url: string }[]).map((a) => a.url).sort()
const site = () => ({
  'index.html': 'home v1',
  'blog/index.html': 'blog list v1',
  'blog/first.html': 'first post',
  'assets/app.3f2a.js': 'app',
  'assets/app.3f2a.js.map': 'map',
  'feed.xml': 'feed v1'
})

function expectClean(run: ActionRun) {
  expect(
    liveCommands(run.stdout).filter((l) => !/^::(add-mask|debug|group|endgroup|warning)/.test(l))
  ).toEqual([])
  expect(visibleOutput(run)).not.toContain(KEY.secret)
  expect(visibleOutput(run)).not.toContain(cache.env.ACTIONS_RUNTIME_TOKEN)
}

describe('output-dir: the deployed files themselves', () => {
  it('first run: no baseline, so every file through the rules, with a warning; then saves the manifest', async () => {
    build(site())
    const run = await deploy()
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /::warning::There is no previous manifest of the deployed files .*refreshing all 6 deployed files/
    )
    expect(refreshed()).toEqual(
      [
        'https://www.example.com/',
        'https://www.example.com/index.html',
        'https://www.example.com/blog/',
        'https://www.example.com/blog/index.html',
        'https://www.example.com/blog/first.html',
        'https://www.example.com/assets/app.3f2a.js',
        'https://www.example.com/feed.xml'
      ].sort()
    )
    expect(cache.keys()).toHaveLength(1)
    expect(cache.keys()[0]).toMatch(/^edge-refresh-dcdn-[0-9a-f]{16}\/1000-1$/)
    expect(run.summary).toMatch(
      /<b>Changes:<\/b> 6 deployed files changed of 6 hashed, compared with no previous manifest/
    )
    expect(run.summary).toContain('manifest is now the baseline')
    expectClean(run)
  })

  it('second run: exactly the modified, added and removed files, index.html as its directory', async () => {
    build(site())
    await deploy({}, '1000')
    build({
      'blog/index.html': 'blog list v2',
      'blog/second.html': 'second post',
      'assets/app.3f2a.js': null,
      'assets/app.9c1d.js': 'app v2',
      'assets/app.9c1d.js.map': 'map v2',
      'feed.xml': 'feed v2'
    })
    const before = refreshed().length
    const run = await deploy({}, '1001')
    expect(run.code).toBe(0)
    expect(refreshed().slice(0).length - before).toBe(6)
    const second = (dcdn.state.accepted as { url: string }[])
      .slice(before)
      .map((a) => a.url)
      .sort()
    expect(second).toEqual(
      [
        'https://www.example.com/blog/',
        'https://www.example.com/blog/index.html',
        'https://www.example.com/blog/second.html',
        'https://www.example.com/assets/app.3f2a.js',
        'https://www.example.com/assets/app.9c1d.js',
        'https://www.example.com/feed.xml'
      ].sort()
    )
    expect(run.summary).toMatch(
      /<b>Changes:<\/b> 6 deployed files changed of 8 hashed, compared with the manifest of run #00 \(ID 1000\) of \d{4}-\d\d-\d\d: 3 added, 2 modified, 1 removed\./
    )
    expect(cache.keys()).toHaveLength(2)
  })

  it('a failed run keeps the old baseline, so the next run refreshes those files again', async () => {
    build(site())
    await deploy({}, '1000')
    build({ 'feed.xml': 'feed v2' })
    dcdn.inject({ kind: 'Forbidden.RAM', status: 403, action: 'RefreshDcdnObjectCaches' })
    const failed = await deploy({}, '1001')
    expect(failed.code).toBe(1)
    expect(cache.keys()).toHaveLength(1)
    expect(failed.summary).toContain('baseline manifest was kept')
    const before = refreshed().length
    const retry = await deploy({}, '1002')
    expect(retry.code).toBe(0)
    expect((dcdn.state.accepted as { url: string }[]).slice(before).map((a) => a.url)).toEqual([
      'https://www.example.com/feed.xml'
    ])
    expect(cache.keys()).toHaveLength(2)
  })

  it('a dry run saves nothing', async () => {
    build(site())
    const run = await deploy({ 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('dry-run')
    expect(cache.keys()).toEqual([])
    expect(dcdn.state.calls).toHaveLength(0)
  })

  it('without the cache service, warns and refreshes everything, and never fails for it', async () => {
    build(site())
    const run = await deploy({}, '1000', {})
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::The GitHub Actions cache is not available to this job/)
    expect(refreshed()).toHaveLength(7)
  })

  it('when the cache service answers errors, warns and goes on', async () => {
    build(site())
    cache.fail(403)
    const run = await deploy()
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::/)
    expect(refreshed()).toHaveLength(7)
    expect(run.stdout).toMatch(
      /::warning::The GitHub Actions cache did not store the manifest|::warning::Could not save/
    )
  })

  it('takes the fallback instead of every file when there is no baseline and a fallback is given', async () => {
    build(site())
    const run = await deploy({ fallback: 'directory https://www.example.com/' })
    expect(run.code).toBe(0)
    expect(dcdn.state.accepted as { type: string; url: string }[]).toEqual([
      { type: 'Directory', url: 'https://www.example.com/' }
    ])
    expect(run.summary).toContain('refreshing the fallback targets')
  })

  it('maps odd file names to one valid URL each and prints them inertly', async () => {
    build(site())
    await deploy({}, '1000')
    build({ 'a b.html': '1', 'ünï.html': '2', 'c#d.html': '3', '::error::boom.html': '4' })
    const before = refreshed().length
    const run = await deploy({}, '1001')
    expect(run.code).toBe(0)
    expect(
      (dcdn.state.accepted as { url: string }[])
        .slice(before)
        .map((a) => a.url)
        .sort()
    ).toEqual(
      [
        'https://www.example.com/a%20b.html',
        'https://www.example.com/%C3%BCn%C3%AF.html',
        'https://www.example.com/c%23d.html',
        'https://www.example.com/::error::boom.html'
      ].sort()
    )
    expectClean(run)
  })

  it('names a missing output-dir', async () => {
    const run = await deploy({ 'output-dir': 'dist-missing' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::Input 'output-dir': 'dist-missing' is not a folder in the workspace/
    )
    expect(dcdn.state.calls).toHaveLength(0)
  })
})

describe('output-dir: the workspace itself', () => {
  it("with 'output-dir: .', hashes the workspace but not .git, with repository paths as they are", async () => {
    mkdirSync(join(workspace, '.git'), { recursive: true })
    writeFileSync(join(workspace, '.git', 'HEAD'), 'ref: refs/heads/main\n')
    writeFileSync(join(workspace, 'index.html'), 'home')
    mkdirSync(join(workspace, 'docs'), { recursive: true })
    writeFileSync(join(workspace, 'docs', 'a.html'), 'a')
    const run = await deploy({ 'output-dir': '.', rules: '** => https://www.example.com/{path}' })
    expect(run.code).toBe(0)
    expect(refreshed()).toEqual([
      'https://www.example.com/docs/a.html',
      'https://www.example.com/index.html'
    ])
    expect(run.summary).toMatch(/ of 2 hashed/)
  })
})
