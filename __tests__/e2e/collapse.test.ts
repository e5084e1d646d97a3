// Collapsing through the bundle (issue 11): File URLs that do not fit today's quota or
// max-objects are covered by directories with the least collateral, against the fake DCDN with
// small quotas, on real pushes whose tree tells which URLs are unchanged.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakeDcdn } from '../fakes/dcdn-server.mjs'
import { Change, Repos } from '../fakes/git-repos.js'
import { errorLines, runAction } from './harness.js'

type Fake = Awaited<ReturnType<typeof startFakeDcdn>>
const KEY = { id: 'LTAI5tCollapse', secret: 'collapse-Secret' }
const RULES = 'site/** => https://www.example.com/{path}'
const SECTIONS = Array.from({ length: 10 }, (_, i) => `s${i}`)

const repo = new Repos()
let base = ''
afterAll(() => repo.cleanup())
beforeAll(() => {
  const files: Change[] = []
  for (let i = 0; i < 60; i++) files.push({ write: `site/assets/a${i}.js` })
  for (const s of SECTIONS)
    for (let p = 0; p < 30; p++) files.push({ write: `site/${s}/p${p}.html` })
  files.push({ write: 'site/index.html' })
  base = repo.commit('site', files)
  repo.push()
})

let fake: Fake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(quota: Record<string, number>) {
  fake = await startFakeDcdn({
    keys: { [KEY.id]: { secret: KEY.secret } },
    quota,
    urlRatePerDomain: 10000
  })
  return fake
}

/** Commits the changes on top of the base, and runs the action on that push. */
async function push(changes: Change[], inputs: Record<string, string>) {
  repo.reset(base)
  const head = repo.commit('deploy', changes)
  repo.push('main', true)
  return runAction({
    eventName: 'push',
    event: repo.pushEvent(base, head),
    env: { GITHUB_WORKSPACE: repo.checkout(head) },
    inputs: { rules: RULES, ...inputs }
  })
}

const keys = (server: Fake) => ({
  endpoint: server.url,
  'access-key-id': KEY.id,
  'access-key-secret': KEY.secret
})
const errorCodes = (server: Fake) =>
  (server.state.calls as { code?: string }[]).map((c) => c.code).filter(Boolean)
const accepted = (server: Fake, type: string) =>
  (server.state.accepted as { type: string; url: string }[])
    .filter((a) => a.type === type)
    .map((a) => a.url)

const allAssets = Array.from({ length: 60 }, (_, i): Change => ({
  write: `site/assets/a${i}.js`,
  content: 'v2'
}))
const scattered = SECTIONS.flatMap((s) =>
  [0, 1, 2, 3, 4].map((p): Change => ({ write: `site/${s}/p${p}.html`, content: 'v2' }))
)

describe('collapsing within small quotas (100 URLs and 10 directories remaining)', () => {
  it('covers a fully changed folder with one directory and keeps scattered pages as URLs', async () => {
    const server = await start({ File: 100, Directory: 10 })
    const run = await push([...allAssets, ...scattered], keys(server))
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.directories)).toEqual(['https://www.example.com/assets/'])
    expect(JSON.parse(run.outputs.urls)).toHaveLength(50)
    expect(run.outputs.count).toBe('51')
    expect(accepted(server, 'Directory')).toEqual(['https://www.example.com/assets/'])
    expect(accepted(server, 'File')).toHaveLength(50)
    expect(errorCodes(server)).toEqual([])
    expect(run.stdout).toMatch(/https:\/\/www\.example\.com\/assets\/ replaces 60 URLs/)
    expect(run.summary).toContain('<summary>1 directory in place of 60 URLs</summary>')
    expect(run.summary).toMatch(
      /<td>https:\/\/www\.example\.com\/assets\/<\/td><td>60<\/td><td>0<\/td>/
    )
  })

  it('covers a deploy spread evenly over every section with section directories, not the root', async () => {
    const server = await start({ File: 100, Directory: 10 })
    const every = SECTIONS.flatMap((s) =>
      Array.from({ length: 30 }, (_, p): Change => ({
        write: `site/${s}/p${p}.html`,
        content: 'v3'
      }))
    )
    const run = await push(every, keys(server))
    expect(run.code).toBe(0)
    const dirs = JSON.parse(run.outputs.directories) as string[]
    expect(dirs.length).toBeGreaterThan(0)
    expect(dirs.length).toBeLessThanOrEqual(10)
    for (const d of dirs) expect(d).toMatch(/^https:\/\/www\.example\.com\/s\d\/$/)
    expect(JSON.parse(run.outputs.urls).length).toBeLessThanOrEqual(100)
    expect(errorCodes(server)).toEqual([])
  })

  it('never drops a directory the user gave, even when one wider directory must stand for it', async () => {
    // No URL and one directory left: the given s0/ and the changed s1/p0.html fit only under
    // the host root. Narrowing that choice to s1/ would leave s0/ unrefreshed.
    const server = await start({ File: 0, Directory: 1 })
    const run = await push([{ write: 'site/s1/p0.html', content: 'v2' }], {
      ...keys(server),
      urls: 'directory https://www.example.com/s0/'
    })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.directories)).toEqual(['https://www.example.com/'])
    expect(accepted(server, 'Directory')).toEqual(['https://www.example.com/'])
    expect(JSON.parse(run.outputs.urls)).toEqual([])
  })

  it("with 'collapse: off' refuses the plan and sends no refresh", async () => {
    const server = await start({ File: 100, Directory: 10 })
    const run = await push([...allAssets, ...scattered], { ...keys(server), collapse: 'off' })
    expect(run.code).toBe(1)
    expect(server.refreshCalls()).toHaveLength(0)
    expect(errorLines(run).join('\n')).toMatch(/- 110 URLs needed, 100 remain today \(10 short\)/)
  })

  it('refuses a plan that cannot fit, giving what is needed and what remains', async () => {
    const server = await start({ File: 10, Directory: 0 })
    const run = await push([...allAssets, ...scattered], keys(server))
    expect(run.code).toBe(1)
    expect(server.refreshCalls()).toHaveLength(0)
    const error = errorLines(run).join('\n')
    expect(error).toMatch(/- URLs: 110 changed, 10 may be refreshed one by one/)
    expect(error).toMatch(/- directories: at least 1 needed \(0 given\), 0 remain/)
    // The summary's quota table gives the same figures.
    expect(run.summary).toContain('<tr><td>URLs</td><td>10</td><td>10</td><td>110</td></tr>')
    expect(run.summary).toContain('<tr><td>directories</td><td>0</td><td>0</td><td>1</td></tr>')
    expect(run.outputs.status).toBe('failed')
  })

  it("keeps within max-objects when 'quota-check' is off", async () => {
    const server = await start({ File: 10000, Directory: 100 })
    const run = await push([...allAssets, ...scattered], {
      ...keys(server),
      'quota-check': 'false',
      'max-objects': '60'
    })
    expect(run.code).toBe(0)
    expect(Number(run.outputs.count)).toBeLessThanOrEqual(60)
    expect(JSON.parse(run.outputs.directories)).toContain('https://www.example.com/assets/')
    expect(errorCodes(server)).toEqual([])
  })

  it('shows the same plan in a dry run, within max-objects', async () => {
    const run = await push([...allAssets, ...scattered], { 'dry-run': 'true', 'max-objects': '60' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('dry-run')
    expect(JSON.parse(run.outputs.directories)).toEqual(['https://www.example.com/assets/'])
    expect(run.outputs.count).toBe('51')
  })

  it('does not collapse a plan that fits', async () => {
    const server = await start({ File: 100, Directory: 10 })
    const run = await push(scattered, keys(server))
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.directories)).toEqual([])
    expect(JSON.parse(run.outputs.urls)).toHaveLength(50)
    expect(run.summary).not.toContain('in place of')
  })
})
