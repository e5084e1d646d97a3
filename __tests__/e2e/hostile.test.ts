// Hostile input and dead services through the bundle (SPEC 4.1.2 to 4.1.4, 5): failed deploys and
// forks refresh nothing and save nothing; GitHub services that hang or lie cost bounded time;
// list files and output-dir stay inside the workspace; names are bytes; IDs stay exact; what the
// cache library prints cannot issue a workflow command.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startFakeCache } from '../fakes/actions-cache.mjs'
import { startFakeGitHub } from '../fakes/github-api.mjs'
import { Repos } from '../fakes/git-repos.js'
import { startFakeService } from '../fakes/service.mjs'
import { ActionRun, errorLines, liveCommands, runAction, visibleOutput } from './harness.js'

const KEY = { id: 'LTAI5tHostile', secret: 'hostile-Secret' }
const RULES = 'public/** => https://www.example.com/{path}'
type Service = Awaited<ReturnType<typeof startFakeService>>
type Cache = Awaited<ReturnType<typeof startFakeCache>>

const closers: (() => Promise<void>)[] = []
const roots: string[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))

let service: Service
let cache: Cache
let workspace: string
beforeEach(async () => {
  service = await startFakeService({ keys: { [KEY.id]: { secret: KEY.secret } } })
  cache = await startFakeCache()
  closers.push(
    () => service.close(),
    () => cache.close()
  )
  workspace = mkdtempSync(join(tmpdir(), 'hostile-'))
  roots.push(workspace)
})

function write(files: Record<string, string | Buffer | null>, root = workspace) {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path)
    if (content === null) rmSync(full, { force: true })
    else {
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, content)
    }
  }
}

const keys = () => ({
  endpoint: service.url,
  'access-key-id': KEY.id,
  'access-key-secret': KEY.secret
})
const refreshed = () => (service.state.accepted as { url: string }[]).map((a) => a.url)

function deploy(
  inputs: Record<string, string>,
  options: {
    eventName?: string
    event?: unknown
    runId?: string
    env?: Record<string, string>
  } = {}
) {
  return runAction({
    eventName: options.eventName ?? 'push',
    event: options.event ?? {
      ref: 'refs/heads/main',
      before: 'a'.repeat(40),
      after: 'b'.repeat(40)
    },
    timeoutMs: 60_000,
    env: {
      GITHUB_WORKSPACE: workspace,
      GITHUB_RUN_ID: options.runId ?? '900',
      GITHUB_RUN_ATTEMPT: '1',
      ...cache.env,
      ...options.env
    },
    inputs: { rules: RULES, 'output-dir': 'public', ...keys(), ...inputs }
  })
}

/** Commands the runner would act on, besides masks, groups, debug lines and our own warnings. */
const unexpectedCommands = (run: ActionRun) =>
  liveCommands(run.stdout).filter(
    (l) => !/^::(add-mask|debug|group|endgroup|warning|error)::/.test(l)
  )

const workflowRun = (fields: Record<string, unknown>) => ({
  repository: { full_name: 'octo-org/site' },
  workflow_run: {
    id: 4100,
    workflow_id: 77,
    head_sha: 'c'.repeat(40),
    head_branch: 'main',
    conclusion: 'success',
    event: 'push',
    head_repository: { full_name: 'octo-org/site' },
    ...fields
  }
})

describe('1. a failed deploy is never saved as the baseline', () => {
  it.each<[string, string, unknown, RegExp]>([
    [
      'a deploy run that failed',
      'workflow_run',
      workflowRun({ conclusion: 'failure' }),
      /ended 'failure', not 'success'/
    ],
    [
      'a deploy run that was cancelled',
      'workflow_run',
      workflowRun({ conclusion: 'cancelled' }),
      /ended 'cancelled'/
    ],
    [
      'a push that deleted the branch',
      'push',
      { ref: 'refs/heads/main', before: 'a'.repeat(40), after: '0'.repeat(40), deleted: true },
      /The push deleted refs\/heads\/main/
    ]
  ])('%s: nothing is refreshed, nothing is saved', async (_, eventName, event, reason) => {
    write({ 'public/index.html': 'v1' })
    expect((await deploy({}, { runId: '900' })).code).toBe(0)
    const keysBefore = cache.keys()
    const before = refreshed().length
    write({ 'public/index.html': 'v2 from a failed deploy', 'public/new.html': 'new' })
    const run = await deploy({}, { eventName, event, runId: '901' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('nothing-to-do')
    expect(run.stdout).toMatch(reason)
    expect(refreshed()).toHaveLength(before)
    expect(cache.keys()).toEqual(keysBefore)
    expect(cache.state.calls.filter((c: string) => c === 'CreateCacheEntry')).toHaveLength(1)
    expect(run.summary).toMatch(/^<h2>➖ DCDN refresh: nothing to do<\/h2>/)
  })
})

describe('2. production is refreshed only for its own commits', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a fork',
      { head_repository: { full_name: 'evil/site' } },
      /built evil\/site, not octo-org\/site/
    ],
    ['a pull request', { event: 'pull_request' }, /was for a pull request \(pull_request\)/],
    [
      'pull_request_target',
      { event: 'pull_request_target', head_repository: { full_name: 'evil/site' } },
      /pull request \(pull_request_target\)/
    ]
  ])(
    'a deploy run for %s refreshes nothing, with output-dir or a diff',
    async (_, fields, reason) => {
      write({ 'public/evil.html': 'evil' })
      const variants: Record<string, string>[] = [
        {},
        { 'output-dir': '', base: 'a'.repeat(40), head: 'b'.repeat(40) }
      ]
      for (const inputs of variants) {
        const run = await deploy(inputs, { eventName: 'workflow_run', event: workflowRun(fields) })
        expect(run.code).toBe(0)
        expect(run.outputs.status).toBe('nothing-to-do')
        expect(run.stdout).toMatch(reason)
      }
      expect(refreshed()).toEqual([])
      expect(cache.keys()).toEqual([])
    }
  )
})

describe('3. GitHub services that never answer cost bounded time', () => {
  // Each call is given DCDN_REFRESH_GITHUB_TIMEOUT_MS, and a service three times that in all.
  const short = { DCDN_REFRESH_GITHUB_TIMEOUT_MS: '1000' }

  it('a cache service that accepts and never answers: a warning, every file refreshed, within its deadline', async () => {
    await cache.close()
    cache = await startFakeCache({ hang: true })
    closers.push(() => cache.close())
    write({ 'public/a.html': 'a', 'public/b.html': 'b' })
    const started = Date.now()
    const run = await deploy({}, { env: short })
    const ms = Date.now() - started
    expect(run.code).toBe(0)
    expect(ms).toBeLessThan(12_000)
    expect(run.stdout).toMatch(
      /::warning::Could not restore the previous manifest from the GitHub Actions cache \(the service gave no answer within 3 s in all/
    )
    expect(run.stdout).toMatch(
      /::warning::Could not save the manifest to the GitHub Actions cache: the service gave no answer within 3 s in all/
    )
    expect(refreshed().sort()).toEqual([
      'https://www.example.com/a.html',
      'https://www.example.com/b.html'
    ])
    expect(run.outputs.status).toBe('submitted')
  })

  it('a GitHub API that never answers: the fallback, or an error, within its deadline', async () => {
    const api = await startFakeGitHub({}, { hang: /./ })
    closers.push(() => api.close())
    const inputs = {
      'output-dir': '',
      base: 'last-success',
      'github-token': api.token,
      rules: '** => https://www.example.com/{path}'
    }
    const env = { ...short, GITHUB_API_URL: api.url, GITHUB_SHA: 'b'.repeat(40) }
    const started = Date.now()
    const withFallback = await deploy(
      { ...inputs, fallback: 'directory https://www.example.com/' },
      { eventName: 'workflow_dispatch', event: {}, env }
    )
    expect(Date.now() - started).toBeLessThan(12_000)
    expect(withFallback.code).toBe(0)
    expect(withFallback.stdout).toMatch(
      /::warning::The GitHub API gave no answer for 3 s in all .*Refreshing the fallback targets instead/
    )
    expect(JSON.parse(withFallback.outputs.directories)).toEqual(['https://www.example.com/'])
    const without = await deploy(inputs, { eventName: 'workflow_dispatch', event: {}, env })
    expect(without.code).toBe(1)
    expect(errorLines(without)[0]).toMatch(/^The GitHub API gave no answer for 3 s in all/)
    expect(without.stdout).not.toMatch(/ at .*\.js:\d+/)
  })
})

describe('4. a base that cannot be used', () => {
  const repo = new Repos()
  afterAll(() => repo.cleanup())
  const gone = 'f'.repeat(40)

  async function lastSuccess(
    apiOptions: Record<string, unknown>,
    inputs: Record<string, string> = {}
  ) {
    const head = repo.commit(`c${Math.random()}`, [
      { write: 'index.html', content: String(Math.random()) }
    ])
    repo.push()
    const api = await startFakeGitHub({}, apiOptions)
    closers.push(() => api.close())
    return runAction({
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: gone, after: head },
      env: {
        GITHUB_API_URL: api.url,
        GITHUB_RUN_ID: '700',
        GITHUB_SHA: head,
        GITHUB_REF_NAME: 'main',
        GITHUB_WORKSPACE: repo.checkout(head)
      },
      inputs: {
        rules: '** => https://www.example.com/{path}',
        base: 'last-success',
        'dry-run': 'true',
        'github-token': api.token,
        ...inputs
      }
    })
  }
  const runs = [
    {
      id: 700,
      workflow_id: 5,
      head_sha: 'b'.repeat(40),
      head_branch: 'main',
      run_number: 8,
      created_at: '2026-12-01T00:00:00Z',
      conclusion: null
    },
    {
      id: 600,
      workflow_id: 5,
      head_sha: gone,
      head_branch: 'main',
      run_number: 7,
      created_at: '2026-11-30T00:00:00Z',
      conclusion: 'success'
    }
  ]

  it("the last successful run's commit no longer exists: the fallback, or an error naming it", async () => {
    const withFallback = await lastSuccess(
      { runs },
      { fallback: 'directory https://www.example.com/' }
    )
    expect(withFallback.code).toBe(0)
    expect(withFallback.stdout).toMatch(
      new RegExp(
        `::warning::Could not list the files changed between ${gone} and [0-9a-f]{40}: .*Refreshing the fallback targets instead`
      )
    )
    expect(JSON.parse(withFallback.outputs.directories)).toEqual(['https://www.example.com/'])
    const without = await lastSuccess({ runs })
    expect(without.code).toBe(1)
    expect(errorLines(without)[0]).toMatch(
      new RegExp(`^Could not list the files changed between ${gone} and`)
    )
  })

  it('the runs API answering 404 is an error that says what was asked, with no stack trace', async () => {
    const run = await lastSuccess({ runs: [] })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toBe(
      "Could not read workflow run 700: the GitHub API answered HTTP 404 (Not Found). Check 'github-token' and that GITHUB_API_URL points at the GitHub API."
    )
    expect(run.stdout).not.toMatch(/Unexpected error|\n\s+at /)
  })

  it('an HTML page in place of the runs API is an error, never "no earlier run"', async () => {
    const run = await lastSuccess({ runs, html: /actions/ })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toMatch(
      /^Could not read workflow run 700: the GitHub API answered with an HTML page \("<!DOCTYPE html>/
    )
    expect(run.stdout).not.toMatch(/no earlier successful run/)
  })
})

describe('5. the manifest is found by its own key, from any workspace path', () => {
  it("'docs' never takes an entry of 'docs-v2', whichever is newer", async () => {
    write({ 'public/a.html': 'a' })
    expect((await deploy({ 'manifest-key': 'docs' }, { runId: '10' })).code).toBe(0)
    expect((await deploy({ 'manifest-key': 'docs-v2' }, { runId: '11' })).code).toBe(0)
    write({ 'public/a.html': 'a2' })
    const before = refreshed().length
    const run = await deploy({ 'manifest-key': 'docs' }, { runId: '12' })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toMatch(/no previous manifest/)
    expect(refreshed().slice(before)).toEqual(['https://www.example.com/a.html'])
    expect(cache.keys()).toEqual(['docs/10-1', 'docs-v2/11-1', 'docs/12-1'])
  })

  it('a runner whose workspace lies elsewhere finds the same entry', async () => {
    write({ 'public/a.html': 'a', 'public/b.html': 'b' })
    expect((await deploy({}, { runId: '20' })).code).toBe(0)
    const elsewhere = mkdtempSync(join(tmpdir(), 'other-runner-'))
    roots.push(elsewhere)
    write({ 'public/a.html': 'a', 'public/b.html': 'b changed' }, elsewhere)
    const before = refreshed().length
    const run = await deploy({}, { runId: '21', env: { GITHUB_WORKSPACE: elsewhere } })
    expect(run.code).toBe(0)
    expect(refreshed().slice(before)).toEqual(['https://www.example.com/b.html'])
  })
})

describe('6. list files and output-dir', () => {
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52
  ])
  it.each<[string, Record<string, string>, Record<string, string | Buffer>, RegExp]>([
    [
      'a binary paths-file',
      { 'paths-file': 'list.bin' },
      { 'list.bin': png },
      /^Input 'paths-file': list\.bin line 3 holds a NUL byte: it is not a text file\.$/
    ],
    [
      'a Latin-1 paths-file',
      { 'paths-file': 'list.txt' },
      { 'list.txt': Buffer.from('public/a.html\npublic/caf\xe9.html\n', 'latin1') },
      /^Input 'paths-file': list\.txt line 2 is not valid UTF-8 \(byte 0xE9\); save the file as UTF-8\.$/
    ],
    [
      'a Latin-1 urls-file',
      { 'urls-file': 'urls.txt' },
      {
        'urls-file': 'x',
        'urls.txt': Buffer.from('https://www.example.com/caf\xe9.html', 'latin1')
      },
      /^Input 'urls-file': urls\.txt line 1 is not valid UTF-8/
    ],
    [
      'a paths-file outside the workspace',
      { 'paths-file': '../elsewhere.txt' },
      {},
      /^Input 'paths-file': '\.\.\/elsewhere\.txt' is outside the workspace/
    ],
    [
      'an output-dir outside the workspace',
      { 'output-dir': '/etc' },
      {},
      /^Input 'output-dir': '\/etc' is outside the workspace/
    ]
  ])('%s is an error that names it, with no request', async (_, inputs, files, message) => {
    write(files)
    const run = await deploy({ 'output-dir': '', ...inputs })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toMatch(message)
    expect(service.state.calls).toHaveLength(0)
    expect(run.outputs.status).toBe('failed')
  })

  it('a symlink that leads outside the workspace is refused, its lines never read', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'))
    roots.push(outside)
    writeFileSync(join(outside, 'secret-list.txt'), 'public/leak.html\n')
    symlinkSync(join(outside, 'secret-list.txt'), join(workspace, 'list.txt'))
    symlinkSync(outside, join(workspace, 'site'))
    const variants: Record<string, string>[] = [
      { 'paths-file': 'list.txt', 'output-dir': '' },
      { 'output-dir': 'site' }
    ]
    for (const inputs of variants) {
      const run = await deploy(inputs)
      expect(run.code).toBe(1)
      expect(errorLines(run)[0]).toMatch(/leads outside the workspace through a symbolic link/)
    }
    expect(service.state.calls).toHaveLength(0)
  })

  it('accepts ./, . and an absolute path inside the workspace', async () => {
    write({ 'list.txt': 'public/a.html\n', 'public/a.html': 'a' })
    const variants: Record<string, string>[] = [
      { 'paths-file': './list.txt', 'output-dir': '' },
      { 'paths-file': join(workspace, 'list.txt'), 'output-dir': '' },
      { 'output-dir': join(workspace, 'public') },
      { 'output-dir': './public/' }
    ]
    for (const inputs of variants) {
      const run = await deploy(
        { ...inputs, 'dry-run': 'true' },
        { eventName: 'workflow_dispatch', event: {} }
      )
      expect(errorLines(run)).toEqual([])
      expect(JSON.parse(run.outputs.urls)).toEqual(['https://www.example.com/a.html'])
    }
    const dot = await deploy(
      { 'output-dir': '.', 'dry-run': 'true' },
      { eventName: 'workflow_dispatch', event: {} }
    )
    expect(JSON.parse(dot.outputs.urls)).toContain('https://www.example.com/a.html')
  })
})

describe('7. names are bytes, IDs are exact', () => {
  it('hashes a file whose name is not UTF-8, and its URL encodes each byte', async () => {
    write({ 'public/a.html': 'a' })
    writeFileSync(
      Buffer.concat([
        Buffer.from(join(workspace, 'public/caf')),
        Buffer.from([0xe9]),
        Buffer.from('.html')
      ]),
      'latin-1 name'
    )
    const run = await deploy({})
    expect(errorLines(run)).toEqual([])
    expect(run.code).toBe(0)
    expect(refreshed().sort()).toEqual([
      'https://www.example.com/a.html',
      'https://www.example.com/caf%E9.html'
    ])
    // Stored and read back byte for byte: a second run with nothing changed refreshes nothing.
    const again = await deploy({}, { runId: '901' })
    expect(again.outputs.status).toBe('nothing-to-do')
  })

  it('carries an ESA site ID beyond 2^53 exactly, given or found by name', async () => {
    const big = '9007199254740993'
    const esa = await startFakeService({
      product: 'esa',
      keys: { [KEY.id]: { secret: KEY.secret } },
      sites: [{ SiteId: BigInt(big), SiteName: 'big.example' }]
    })
    closers.push(() => esa.close())
    for (const site of [big, 'big.example']) {
      const run = await runAction({
        inputs: {
          service: 'esa',
          site,
          endpoint: esa.url,
          'access-key-id': KEY.id,
          'access-key-secret': KEY.secret,
          urls: 'https://big.example/a.html'
        }
      })
      expect(errorLines(run)).toEqual([])
      expect(run.code).toBe(0)
    }
    const purges = (
      esa.state.calls as { action?: string; params?: Record<string, string> }[]
    ).filter((c) => c.action === 'PurgeCaches')
    expect(purges.map((c) => c.params!.SiteId)).toEqual([big, big])
  })
})

describe('8. what the cache library prints', () => {
  it('can never issue a workflow command, and goes in one folded group per operation', async () => {
    await cache.close()
    cache = await startFakeCache({
      failWith: 500,
      failMessage: 'busy\n::error::injected by the cache service\n::add-mask::x'
    })
    closers.push(() => cache.close())
    write({ 'public/a.html': 'a' })
    const run = await deploy({}, { env: { DCDN_REFRESH_GITHUB_TIMEOUT_MS: '1000' } })
    expect(run.code).toBe(0)
    expect(unexpectedCommands(run)).toEqual([])
    expect(liveCommands(run.stdout).filter((l) => /injected|add-mask::x/.test(l))).toEqual([])
    const groups = liveCommands(run.stdout).filter((l) => l.startsWith('::group::'))
    expect(groups.filter((g) => /Actions cache/.test(g))).toEqual([
      '::group::Restoring the previous manifest from the Actions cache',
      '::group::Saving the manifest to the Actions cache'
    ])
    expect(visibleOutput(run)).not.toContain(KEY.secret)
  })
})
