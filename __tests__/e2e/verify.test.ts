// Verifying at the edge through the bundle (SPEC 4.6): a built site deployed twice, the refresh
// racing an origin that lags behind the deploy, against a fake edge that keeps its copies until
// the service fake completes a task naming them.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startFakeCache } from '../fakes/actions-cache.mjs'
import { startFakeDcdn } from '../fakes/dcdn-server.mjs'
import { startFakeEdge } from '../fakes/edge.mjs'
import { liveCommands, runAction, visibleOutput } from './harness.js'

const KEY = { id: 'LTAI5tVerify', secret: 'verify-Secret/Value' }
const HOST = 'http://www.example.com'
const RULES = [
  'public/**/index.html => http://www.example.com/{dir}',
  'public/** => http://www.example.com/{path}'
].join('\n')

let edge: Awaited<ReturnType<typeof startFakeEdge>>
let dcdn: Awaited<ReturnType<typeof startFakeDcdn>>
let cache: Awaited<ReturnType<typeof startFakeCache>>
let workspace: string
const roots: string[] = []
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))
beforeEach(async () => {
  edge = await startFakeEdge()
  dcdn = await startFakeDcdn({
    keys: { [KEY.id]: { secret: KEY.secret } },
    onTaskComplete: (task: { type: string; urls: string[] }) => edge.expire(task)
  })
  cache = await startFakeCache()
  workspace = mkdtempSync(join(tmpdir(), 'verify-'))
  roots.push(workspace)
})
afterEach(async () => {
  await Promise.all([edge.close(), dcdn.close(), cache.close()])
})

/** Builds the site into public/ and puts it on the origin, as a deploy step would. */
function deploy(files: Record<string, string | null>, lag: Record<string, number> = {}) {
  for (const [path, content] of Object.entries(files)) {
    const full = join(workspace, 'public', path)
    const url = `${HOST}/${path.replace(/(^|\/)index\.html$/, '$1')}`
    const urls = url.endsWith('/') ? [url, `${HOST}/${path}`] : [url]
    if (content === null) {
      rmSync(full, { force: true })
      for (const u of urls) edge.origin.remove(u, { lag: lag[path] ?? 0 })
    } else {
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, content)
      for (const u of urls) edge.origin.deploy(u, content, { lag: lag[path] ?? 0 })
    }
  }
}

function refresh(inputs: Record<string, string>, runId: string) {
  return runAction({
    eventName: 'workflow_dispatch',
    timeoutMs: 60_000,
    env: {
      GITHUB_WORKSPACE: workspace,
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: '1',
      HTTP_PROXY: edge.url,
      ...cache.env
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

/** The site as it was, refreshed and served, so that the edge holds every page. */
async function firstDeploy() {
  deploy({ 'index.html': 'home v1', 'blog/post.html': 'post v1', 'old.html': 'old page' })
  const run = await refresh({}, '100')
  expect(run.code).toBe(0)
  for (const url of [
    `${HOST}/`,
    `${HOST}/index.html`,
    `${HOST}/blog/post.html`,
    `${HOST}/old.html`
  ])
    edge.warm(
      url,
      url.includes('post') ? 'post v1' : url.includes('old') ? 'old page' : 'home v1',
      { ageSeconds: 600 }
    )
}

describe('verify: the race a refresh can lose', () => {
  it('finds the page the origin served late, refreshes it again, and then it is fresh', async () => {
    await firstDeploy()
    deploy({ 'blog/post.html': 'post v2', 'old.html': null }, { 'blog/post.html': 1 })
    const before = dcdn.state.calls.length
    const run = await refresh({ verify: 'fail' }, '101')
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('complete')
    expect(JSON.parse(run.outputs.verified)).toEqual({
      checked: 2,
      fresh: 2,
      stale: 0,
      unknown: 0,
      error: 0
    })
    expect(run.outputs['stale-urls']).toBe('[]')
    // Round one saw the old bytes; round two, after one more refresh, the new ones.
    expect(run.stdout).toMatch(/Round 1: 2 URLs checked: 1 fresh, 1 stale, 0 unknown, 0 errors\./)
    expect(run.stdout).toMatch(
      /stale http:\/\/www\.example\.com\/blog\/post\.html: the body is the file as it was before this deploy/
    )
    expect(run.stdout).toMatch(/Round 2: 1 URL checked: 1 fresh, 0 stale/)
    const refreshes = (
      dcdn.state.calls.slice(before) as { action?: string; params?: Record<string, string> }[]
    ).filter((c) => c.action === 'RefreshDcdnObjectCaches')
    expect(refreshes.map((c) => c.params!.ObjectPath)).toEqual([
      `${HOST}/blog/post.html\n${HOST}/old.html`,
      `${HOST}/blog/post.html`
    ])
    // Both refresh tasks counted, and what is left today after the second one, as the service has it.
    const left = (dcdn.quota.File - dcdn.used.File).toLocaleString('en-US')
    expect(run.summary).toMatch(
      new RegExp(
        `^<h2>✅ DCDN refresh complete: 2 URLs on 1 host in 2 tasks, [^<;]*; ${left} URLs left today; 2 of 2 checked URLs fresh at the edge</h2>`
      )
    )
    expect(run.summary).toContain(`Verification then refreshed 1 URL again: ${left} left.`)
    expect(run.summary).toContain('<summary>Verification: 2 fresh of 2 checked URLs</summary>')
    expect(run.summary).toContain(
      'Round 2: the stale URLs refreshed again (1 task, complete), then 1 URL checked: 1 fresh, 0 stale'
    )
    // Asked as a browser would: no credential, no cache-busting, the bytes as they are.
    for (const request of edge.requests as { url: string; headers: Record<string, string> }[]) {
      expect(request.url).not.toContain('?')
      expect(request.headers['accept-encoding']).toBe('identity')
      for (const name of [
        'authorization',
        'cookie',
        'cache-control',
        'pragma',
        'x-acs-security-token'
      ])
        expect(request.headers[name]).toBeUndefined()
      expect(JSON.stringify(request.headers)).not.toContain(KEY.id)
    }
    expect(visibleOutput(run)).not.toContain(KEY.secret)
  })

  it('with verify: fail, a page still stale after the second refresh fails the step with status stale', async () => {
    await firstDeploy()
    deploy({ 'blog/post.html': 'post v2' }, { 'blog/post.html': 5 })
    const run = await refresh({ verify: 'fail' }, '102')
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('stale')
    expect(JSON.parse(run.outputs['stale-urls'])).toEqual([`${HOST}/blog/post.html`])
    expect(run.stdout).toMatch(
      /::error::1 URL still serves stale content at the edge after a second refresh \(verify: fail\)/
    )
    expect(run.summary).toMatch(
      /^<h2>❌ DCDN refresh: 1 of 1 checked URL still stale at the edge after a second refresh<\/h2>/
    )
    expect(run.summary).toMatch(
      /<td>http:\/\/www\.example\.com\/blog\/post\.html<\/td><td>the body is the file as it was before this deploy<\/td><td>0<\/td><td>\d+<\/td><td>MISS TCP_MISS/
    )
    // The baseline is kept, so the next run refreshes the page again.
    expect(run.summary).toContain('The baseline manifest was kept as it was')
  })

  it('with verify: warn, the same page is a warning and the step keeps its result', async () => {
    await firstDeploy()
    deploy({ 'blog/post.html': 'post v2' }, { 'blog/post.html': 5 })
    const run = await refresh({ verify: 'warn' }, '103')
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('complete')
    expect(run.stdout).toMatch(
      /::warning::1 URL still serves stale content at the edge \(verify: warn\): http:\/\/www\.example\.com\/blog\/post\.html/
    )
    expect(JSON.parse(run.outputs.verified)).toMatchObject({ checked: 1, stale: 1 })
  })

  it('calls a removed page that the edge still serves stale', async () => {
    await firstDeploy()
    deploy({ 'old.html': null }, { 'old.html': 5 })
    const run = await refresh({ verify: 'warn' }, '104')
    expect(JSON.parse(run.outputs['stale-urls'])).toEqual([`${HOST}/old.html`])
    expect(run.stdout).toMatch(/removed, but the edge still serves it \(200\)/)
  })

  it('a dry run asks nothing of the site and says verification was skipped', async () => {
    await firstDeploy()
    const before = edge.requests.length
    deploy({ 'blog/post.html': 'post v3' })
    const run = await refresh({ verify: 'fail', 'dry-run': 'true' }, '105')
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('dry-run')
    expect(edge.requests.length).toBe(before)
    expect(run.stdout).toContain(
      'Dry run: nothing was sent to DCDN, and nothing was asked of the site (verify is skipped).'
    )
    expect(liveCommands(run.stdout).filter((l) => l.startsWith('::error'))).toEqual([])
  })
})

describe('verify: answers that do not decide', () => {
  it('gives unknown and error verdicts with their reasons, never failing the step, and no hang', async () => {
    await firstDeploy()
    deploy({ 'blog/post.html': 'post v2', 'index.html': 'home v2' })
    edge.fault(`${HOST}/blog/post.html`, 'transform', {
      age: 'x',
      'x-cache': 'HIT',
      'ali-swift-global-savetime': 'x'
    })
    edge.fault(`${HOST}/`, 'hang')
    const started = Date.now()
    const run = await refresh({ verify: 'fail' }, '106')
    expect(Date.now() - started).toBeLessThan(45_000)
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('complete')
    const verified = JSON.parse(run.outputs.verified)
    expect(verified).toMatchObject({ checked: 3, unknown: 1, error: 1 })
    expect(run.stdout).toMatch(
      /unknown http:\/\/www\.example\.com\/blog\/post\.html: the body matches neither the old nor the new file \(the edge may transform it\)/
    )
    expect(run.stdout).toMatch(/error http:\/\/www\.example\.com\/: no answer within 10 s/)
    expect(run.summary).toContain('Unknown and error verdicts never fail the step')
  })
})
