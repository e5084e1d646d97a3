import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'
import { startFakeDcdn } from '../fakes/dcdn-server.mjs'
import { startFakeGitHub } from '../fakes/github-api.mjs'
import { Repos, ZERO_SHA } from '../fakes/git-repos.js'
import { errorLines, liveCommands, runAction } from './harness.js'

const RULES = '** => https://www.example.com/{path}'
const url = (path: string) => `https://www.example.com/${path}`
const ODD = [
  'a b.html',
  'ünï.html',
  'a#b.html',
  '100%.html',
  'new\nline.html',
  '-rf.html',
  '::error::boom.html',
  'q?x=1.html'
]
const ODD_URLS = [
  'a%20b.html',
  '%C3%BCn%C3%AF.html',
  'a%23b.html',
  '100%25.html',
  'new%0Aline.html',
  '-rf.html',
  '::error::boom.html',
  'q%3Fx=1.html'
].map(url)

const repos: Repos[] = []
afterAll(() => repos.forEach((r) => r.cleanup()))
function newRepos(): Repos {
  const made = new Repos()
  repos.push(made)
  return made
}

function pushRun(
  repo: Repos,
  workspace: string,
  event: Record<string, unknown>,
  inputs: Record<string, string> = {}
) {
  return runAction({
    eventName: 'push',
    event,
    env: { GITHUB_WORKSPACE: workspace },
    inputs: { rules: RULES, 'dry-run': 'true', ...inputs }
  })
}

const urlsOf = (run: { outputs: Record<string, string> }) =>
  JSON.parse(run.outputs.urls ?? '[]') as string[]

describe('changed files from a local git checkout of depth 1', () => {
  it('refreshes modified, added, deleted, renamed (both paths) and type-changed files, with odd names', async () => {
    const repo = newRepos()
    const base = repo.commit('first', [
      { write: 'keep.txt' },
      { write: 'mod.txt' },
      { write: 'del.txt' },
      { write: 'ren-old.txt', content: 'a file long enough to be seen as renamed\n'.repeat(5) },
      { write: 'type.txt' },
      { write: 'copy-src.txt', content: 'copied content\n'.repeat(5) }
    ])
    repo.push()
    repo.commit('second', [
      { write: 'mod.txt' },
      { write: 'added.txt' },
      { remove: 'del.txt' },
      { move: 'ren-old.txt', to: 'dir/ren-new.txt' },
      { link: 'type.txt', target: 'keep.txt' }
    ])
    const head = repo.commit('third', [
      ...ODD.map((name) => ({ write: `odd/${name}` })),
      { write: 'copy-dst.txt', content: 'copied content\n'.repeat(5) }
    ])
    repo.push()
    const checkout = repo.checkout(head)
    const run = await pushRun(repo, checkout, repo.pushEvent(base, head))
    expect(errorLines(run)).toEqual([])
    expect(run.code).toBe(0)
    expect(new Set(urlsOf(run))).toEqual(
      new Set([
        ...[
          'mod.txt',
          'added.txt',
          'del.txt',
          'ren-old.txt',
          'dir/ren-new.txt',
          'type.txt',
          'copy-dst.txt'
        ].map(url),
        ...ODD_URLS.map((u) =>
          u.replace('https://www.example.com/', 'https://www.example.com/odd/')
        )
      ])
    )
    expect(run.summary).toMatch(
      new RegExp(
        `<b>Changes:</b> 15 changed files from local git, <code>${base.slice(0, 12)}..${head.slice(0, 12)}</code>`
      )
    )
    expect(liveCommands(run.stdout).filter((l) => !/^::(group|endgroup|debug)::/.test(l))).toEqual(
      []
    )
    expect(run.stdout).toContain('odd/new\\nline.html')
    expect(run.stdout).not.toMatch(/^::error::boom/m)
  })

  it('diffs a forced push directly, so files touched only by dropped commits are refreshed', async () => {
    const repo = newRepos()
    const root = repo.commit('root', [{ write: 'shared.txt' }, { write: 'stable.txt' }])
    const dropped = repo.commit('dropped', [
      { write: 'only-in-dropped.txt' },
      { write: 'stable.txt', content: 'changed then dropped\n' }
    ])
    repo.push()
    repo.reset(root)
    const replacement = repo.commit('replacement', [{ write: 'shared.txt' }, { write: 'new.txt' }])
    repo.push('main', true)
    const run = await pushRun(
      repo,
      repo.checkout(replacement),
      repo.pushEvent(dropped, replacement, { forced: true })
    )
    expect(run.code).toBe(0)
    expect(new Set(urlsOf(run))).toEqual(
      new Set(['shared.txt', 'new.txt', 'only-in-dropped.txt', 'stable.txt'].map(url))
    )
  })

  it('refreshes the fallback for a new branch when one is given', async () => {
    const repo = newRepos()
    const head = repo.commit('one', [{ write: 'a.txt' }])
    repo.push()
    const run = await pushRun(repo, repo.checkout(head), repo.pushEvent(ZERO_SHA, head), {
      fallback: 'directory https://www.example.com/'
    })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.directories)).toEqual(['https://www.example.com/'])
    expect(urlsOf(run)).toEqual([])
    expect(run.summary).toContain(
      'is new, so there is no base to diff against: refreshing the fallback targets'
    )
  })

  it('without a fallback, a new branch refreshes its head commit against its parent, with a warning', async () => {
    const repo = newRepos()
    repo.commit('one', [{ write: 'a.txt' }, { write: 'b.txt' }])
    const head = repo.commit('two', [{ write: 'b.txt' }, { write: 'c.txt' }])
    repo.push('feature')
    const run = await pushRun(
      repo,
      repo.checkout(head, 'feature'),
      repo.pushEvent(ZERO_SHA, head, { ref: 'refs/heads/feature' })
    )
    expect(run.code).toBe(0)
    expect(urlsOf(run)).toEqual(['b.txt', 'c.txt'].map(url))
    expect(run.stdout).toMatch(
      /::warning::refs\/heads\/feature is new, so there is no base to diff against: refreshing the files of its head commit against its parent/
    )
  })

  it('lists every file of a root commit pushed to a new repository', async () => {
    const repo = newRepos()
    const head = repo.commit('root', [{ write: 'index.html' }, { write: 'css/site.css' }])
    repo.push()
    const run = await pushRun(repo, repo.checkout(head), repo.pushEvent(ZERO_SHA, head))
    expect(run.code).toBe(0)
    expect(urlsOf(run)).toEqual(['css/site.css', 'index.html'].map(url))
  })

  it('does nothing, successfully, for a deleted branch', async () => {
    const repo = newRepos()
    const head = repo.commit('one', [{ write: 'a.txt' }])
    repo.push()
    const run = await pushRun(repo, repo.checkout(head), repo.pushEvent(head, ZERO_SHA), {
      'dry-run': 'false'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('nothing-to-do')
    expect(run.outputs.count).toBe('0')
    expect(run.summary).toContain('The push deleted refs/heads/main: there is nothing to refresh.')
  })

  it('lets base and head override the event, on any event', async () => {
    const repo = newRepos()
    const a = repo.commit('a', [{ write: 'one.txt' }, { write: 'two.txt' }])
    const b = repo.commit('b', [{ write: 'two.txt' }])
    repo.push()
    const run = await runAction({
      eventName: 'workflow_dispatch',
      env: { GITHUB_WORKSPACE: repo.checkout(b) },
      inputs: { rules: RULES, base: a, head: b, 'dry-run': 'true' }
    })
    expect(run.code).toBe(0)
    expect(urlsOf(run)).toEqual([url('two.txt')])
  })

  it('on another event, uses only the explicit inputs, and fails with changed-files: true', async () => {
    const quiet = await runAction({
      eventName: 'schedule',
      inputs: { rules: RULES, paths: 'x.html', 'dry-run': 'true' }
    })
    expect(urlsOf(quiet)).toEqual([url('x.html')])
    const strict = await runAction({
      eventName: 'schedule',
      inputs: { rules: RULES, 'changed-files': 'true', 'dry-run': 'true' }
    })
    expect(strict.code).toBe(1)
    expect(errorLines(strict)[0]).toMatch(
      /changed-files is true, but a 'schedule' event carries no changed files\. Give 'base' and 'head'/
    )
  })

  it('rejects a payload whose SHAs are not hex, before running git', async () => {
    const run = await runAction({
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: '--output=/tmp/x', after: 'a'.repeat(40) },
      inputs: { rules: RULES, 'dry-run': 'true' }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toMatch(/'before' is not a commit SHA/)
  })
})

describe('real push payloads from @octokit/webhooks-examples', () => {
  const require = createRequire(import.meta.url)
  const examples = (
    require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[]
  ).find((e) => e.name === 'push')!.examples

  it('a created tag refreshes the fallback; a deleted tag does nothing', async () => {
    const created = examples.find(
      (e) => e.created === true && String(e.ref).startsWith('refs/tags/')
    )!
    const deleted = examples.find((e) => e.deleted === true)!
    const a = await runAction({
      eventName: 'push',
      event: created,
      inputs: { rules: RULES, fallback: 'https://www.example.com/', 'dry-run': 'true' }
    })
    expect(a.code).toBe(0)
    expect(urlsOf(a)).toEqual(['https://www.example.com/'])
    const d = await runAction({
      eventName: 'push',
      event: deleted,
      inputs: { rules: RULES, 'dry-run': 'true' }
    })
    expect(d.code).toBe(0)
    expect(d.outputs.status).toBe('nothing-to-do')
  })
})

describe('changed files from the GitHub API, with no checkout', () => {
  let api: Awaited<ReturnType<typeof startFakeGitHub>> | undefined
  afterEach(async () => {
    await api?.close()
    api = undefined
  })

  const sha = (n: number) => n.toString(16).padStart(40, 'a')
  const pushOf = (before: string, after: string, forced = false) => ({
    ref: 'refs/heads/main',
    before,
    after,
    created: false,
    deleted: false,
    forced
  })
  const files = (prefix: string, count: number, status = 'modified') =>
    Array.from({ length: count }, (_, i) => ({ filename: `${prefix}/${i}.html`, status }))

  function apiRun(event: Record<string, unknown>, inputs: Record<string, string> = {}) {
    return runAction({
      eventName: 'push',
      event,
      env: { GITHUB_API_URL: api!.url },
      inputs: {
        rules: RULES,
        'dry-run': 'true',
        'github-token': api!.token,
        'max-objects': '20000',
        ...inputs
      }
    })
  }

  it('lists 10,000 files past the compare cap, with every status mapped', async () => {
    const history: Record<
      string,
      {
        parents: string[]
        files: { filename: string; status: string; previous_filename?: string }[]
      }
    > = {
      [sha(1)]: { parents: [], files: [] }
    }
    for (let c = 2; c <= 6; c++)
      history[sha(c)] = { parents: [sha(c - 1)], files: files(`c${c}`, 2000) }
    history[sha(7)] = {
      parents: [sha(6)],
      files: [
        { filename: 'moved/new.html', status: 'renamed', previous_filename: 'old/place.html' },
        { filename: 'gone.html', status: 'removed' },
        { filename: 'dup.html', status: 'copied' },
        { filename: 'same.html', status: 'unchanged' },
        { filename: 'mode.sh', status: 'changed' }
      ]
    }
    api = await startFakeGitHub(history)
    const run = await apiRun(pushOf(sha(1), sha(7)))
    expect(errorLines(run)).toEqual([])
    const listed = new Set(urlsOf(run))
    expect(listed.size).toBe(10005)
    for (const path of [
      'moved/new.html',
      'old/place.html',
      'gone.html',
      'dup.html',
      'mode.sh',
      'c2/0.html',
      'c6/1999.html'
    ])
      expect(listed.has(url(path))).toBe(true)
    expect(listed.has(url('same.html'))).toBe(false)
    expect(run.summary).toContain('from GitHub API')
    // The capped compare list was not trusted: every commit's files were paged through.
    expect(api.requests.filter((r) => r.path.includes('/commits/')).length).toBeGreaterThanOrEqual(
      5 * 20
    )
  })

  it('takes a short compare list as it is, in one call', async () => {
    api = await startFakeGitHub({
      [sha(1)]: { parents: [], files: [] },
      [sha(2)]: { parents: [sha(1)], files: files('p', 12) }
    })
    const run = await apiRun(pushOf(sha(1), sha(2)))
    expect(urlsOf(run)).toHaveLength(12)
    expect(api.requests).toHaveLength(1)
  })

  it('covers both sides of a forced push', async () => {
    api = await startFakeGitHub({
      [sha(1)]: { parents: [], files: [] },
      [sha(2)]: { parents: [sha(1)], files: [{ filename: 'dropped.html', status: 'added' }] },
      [sha(3)]: { parents: [sha(1)], files: [{ filename: 'kept.html', status: 'added' }] }
    })
    const run = await apiRun(pushOf(sha(2), sha(3), true))
    expect(new Set(urlsOf(run))).toEqual(new Set([url('dropped.html'), url('kept.html')]))
  })

  it('uses the fallback when a commit holds more files than the API lists, and fails without one', async () => {
    const history = {
      [sha(1)]: { parents: [], files: [] },
      [sha(2)]: { parents: [sha(1)], files: files('big', 3500) }
    }
    api = await startFakeGitHub(history)
    const event = pushOf(sha(1), sha(2))
    const withFallback = await apiRun(event, { fallback: 'directory https://www.example.com/' })
    expect(withFallback.code).toBe(0)
    expect(JSON.parse(withFallback.outputs.directories)).toEqual(['https://www.example.com/'])
    const without = await apiRun(event)
    expect(without.code).toBe(1)
    expect(errorLines(without)[0]).toMatch(/changes more than 3000 files[\s\S]*fallback/)
  })

  it('takes the net difference: a file added and removed again within the push is not listed', async () => {
    api = await startFakeGitHub({
      [sha(1)]: { parents: [], files: [{ filename: 'kept.html', status: 'added' }] },
      [sha(2)]: {
        parents: [sha(1)],
        files: [
          { filename: 'draft.html', status: 'added' },
          { filename: 'kept.html', status: 'modified' }
        ]
      },
      [sha(3)]: { parents: [sha(2)], files: [{ filename: 'draft.html', status: 'removed' }] }
    })
    const run = await apiRun(pushOf(sha(1), sha(3)))
    expect(urlsOf(run)).toEqual([url('kept.html')])
  })

  it("waits as GitHub's secondary rate limit asks, and explains a used-up primary limit", async () => {
    const history = {
      [sha(1)]: { parents: [], files: [] },
      [sha(2)]: { parents: [sha(1)], files: files('p', 2) }
    }
    api = await startFakeGitHub(history, {
      faults: [
        {
          match: /compare/,
          status: 403,
          message: 'You have exceeded a secondary rate limit.',
          headers: { 'retry-after': '1' }
        }
      ]
    })
    const started = Date.now()
    const slowed = await apiRun(pushOf(sha(1), sha(2)))
    expect(slowed.code).toBe(0)
    expect(urlsOf(slowed)).toHaveLength(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(slowed.stdout).toMatch(
      /GitHub API GET \/repos\/\{owner\}\/\{repo\}\/compare\/\{basehead\}: attempt 1 failed \(403\)/
    )
    await api.close()
    api = await startFakeGitHub(history, {
      faults: [
        {
          match: /compare/,
          status: 403,
          times: 10,
          message: 'API rate limit exceeded for installation.',
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1796300000' }
        }
      ]
    })
    const limited = await apiRun(pushOf(sha(1), sha(2)))
    expect(limited.code).toBe(1)
    expect(errorLines(limited)[0]).toMatch(
      /The GitHub API rate limit is used up .*API rate limit exceeded for installation\. Wait for it to reset/
    )
    expect(api.requests.filter((r) => r.path.includes('compare'))).toHaveLength(1)
  })

  it('explains what to do when there is neither a checkout nor a token', async () => {
    const run = await runAction({
      eventName: 'push',
      event: pushOf(sha(1), sha(2)),
      inputs: { rules: RULES, 'dry-run': 'true' }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toMatch(/Could not list the files changed[\s\S]*actions\/checkout/)
  })
})

describe('scale', () => {
  let dcdn: Awaited<ReturnType<typeof startFakeDcdn>> | undefined
  afterEach(async () => {
    await dcdn?.close()
    dcdn = undefined
  })

  it('a push of 1,200 files refreshes all 1,200 through the fake DCDN', async () => {
    const repo = newRepos()
    const base = repo.commit('base', [{ write: 'README' }])
    const head = repo.commit(
      'big',
      Array.from({ length: 1200 }, (_, i) => ({ write: `site/page ${i}.html` }))
    )
    repo.push()
    dcdn = await startFakeDcdn({ keys: { id: { secret: 'secret' } }, urlRatePerDomain: 10000 })
    const run = await runAction({
      eventName: 'push',
      event: repo.pushEvent(base, head),
      env: { GITHUB_WORKSPACE: repo.checkout(head) },
      inputs: {
        rules: 'site/** => https://www.example.com/{path}',
        endpoint: dcdn.url,
        'access-key-id': 'id',
        'access-key-secret': 'secret',
        'url-rate-per-domain': '10000'
      }
    })
    expect(errorLines(run)).toEqual([])
    expect(run.code).toBe(0)
    const accepted = new Set((dcdn.state.accepted as { url: string }[]).map((a) => a.url))
    expect(accepted.size).toBe(1200)
    for (let i = 0; i < 1200; i++)
      expect(accepted.has(`https://www.example.com/page%20${i}.html`)).toBe(true)
    expect(run.outputs.count).toBe('1200')
  })

  it('a push of 12,000 files lists all 12,000 in a dry run', async () => {
    const repo = newRepos()
    const base = repo.commit('base', [{ write: 'README' }])
    const head = repo.commit(
      'huge',
      Array.from({ length: 12000 }, (_, i) => ({ write: `s/${i}.html` }))
    )
    repo.push()
    const run = await pushRun(repo, repo.checkout(head), repo.pushEvent(base, head), {
      'max-objects': '20000'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.count).toBe('12000')
    expect(new Set(urlsOf(run)).size).toBe(12000)
    expect(run.summary).toContain('<b>Changes:</b> 12,000 changed files from local git')
  })
})
