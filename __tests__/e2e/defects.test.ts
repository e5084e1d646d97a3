// The defects a hostile run found (issue 9), each through the bundle as the runner runs it.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeDcdn } from '../fakes/dcdn-server.mjs'
import { errorLines, runAction } from './harness.js'

type Fake = Awaited<ReturnType<typeof startFakeDcdn>>
const KEY = { id: 'LTAI5tDefects', secret: 'defects-Secret' }
let fake: Fake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})
async function start(options: Parameters<typeof startFakeDcdn>[0] = {}) {
  fake = await startFakeDcdn({ keys: { [KEY.id]: { secret: KEY.secret } }, ...options })
  return fake
}
const keys = (server: Fake) => ({
  endpoint: server.url,
  'access-key-id': KEY.id,
  'access-key-secret': KEY.secret
})
interface Call {
  action?: string
  code?: string
  params?: Record<string, string>
}

describe('pacing', () => {
  it('keeps every call of the account, quota reads and task look-ups included, to 30 a second', async () => {
    const server = await start({ objectsPerTask: 1 })
    const urls = Array.from({ length: 400 }, (_, i) => `https://h${i}.example.com/a.html`)
    const run = await runAction({
      inputs: { ...keys(server), urls: urls.join('\n'), wait: 'true' },
      timeoutMs: 90_000
    })
    expect(errorLines(run)).toEqual([])
    expect(run.outputs.status).toBe('complete')
    const calls = server.state.calls as Call[]
    expect(calls.filter((c) => c.action === 'RefreshDcdnObjectCaches')).toHaveLength(40)
    expect(
      calls.filter((c) => c.action === 'DescribeDcdnRefreshTaskById').length
    ).toBeGreaterThanOrEqual(40)
    expect(server.busiestSecond()).toBeLessThanOrEqual(30)
    expect(calls.filter((c) => c.code === 'Throttling.User')).toEqual([])
  }, 90_000)

  it('does not hold directories back by the per-domain URL rate', async () => {
    const server = await start({ urlRatePerDomain: 10 })
    const dirs = Array.from({ length: 15 }, (_, i) => `directory https://www.example.com/d${i}/`)
    const run = await runAction({
      inputs: { ...keys(server), urls: dirs.join('\n'), 'url-rate-per-domain': '10' }
    })
    expect(run.code).toBe(0)
    expect(server.refreshCalls()).toHaveLength(1)
    expect(run.ms).toBeLessThan(20_000)
  })
})

describe('robustness', () => {
  it('reports a malformed event payload cleanly, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'payload-'))
    const eventPath = join(dir, 'event.json')
    writeFileSync(eventPath, '{not json')
    const run = await runAction({
      eventName: 'push',
      env: { GITHUB_EVENT_PATH: eventPath },
      inputs: { rules: '** => https://www.example.com/{path}', 'dry-run': 'true' }
    })
    rmSync(dir, { recursive: true, force: true })
    expect(run.code).toBe(1)
    expect(errorLines(run).join('\n')).toMatch(
      /^Could not read the event payload at GITHUB_EVENT_PATH/
    )
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
  })

  it('warns, and keeps the result, when the outputs file cannot be written', async () => {
    const server = await start()
    const run = await runAction({
      inputs: { ...keys(server), urls: 'https://www.example.com/a.html' },
      env: { GITHUB_OUTPUT: '/nonexistent-folder/output' }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::Could not write the step outputs/)
    expect(run.stderr).toBe('')
    expect(run.summary).toContain('<h2>✅ DCDN refresh submitted: 1 URL on 1 host in 1 task')
  })

  it('counts URLs that differ only in the case of scheme or host, or a default port, once', async () => {
    const run = await runAction({
      inputs: {
        urls: 'https://WWW.Example.COM/a.html\nhttps://www.example.com/a.html\nhttps://www.example.com:443/a.html\nHTTPS://www.example.com/A.html',
        'dry-run': 'true'
      }
    })
    expect(JSON.parse(run.outputs.urls)).toEqual([
      'https://www.example.com/a.html',
      'https://www.example.com/A.html'
    ])
    expect(run.outputs.count).toBe('2')
  })

  it('refuses a step that can never refresh anything, naming the inputs', async () => {
    const run = await runAction({ inputs: { wait: 'true' } })
    expect(run.code).toBe(1)
    expect(errorLines(run).join('\n')).toMatch(
      /Nothing can ever be refreshed: give at least one of 'rules', 'paths', 'urls'/
    )
    // Every exit sets the status and writes the summary, input errors included (SPEC 4.4, 4.5).
    expect(run.outputs.status).toBe('failed')
    expect(run.summary).toMatch(/^<h2>❌ DCDN refresh failed: Nothing can ever be refreshed/)
  })

  it('plans a push of 100,000 files without running out of stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'many-'))
    writeFileSync(
      join(dir, 'paths.txt'),
      Array.from({ length: 100_000 }, (_, i) => `p/${i}.html`).join('\n')
    )
    const run = await runAction({
      env: { GITHUB_WORKSPACE: dir },
      inputs: {
        rules: 'p/** => https://www.example.com/{path}',
        'paths-file': 'paths.txt',
        'dry-run': 'true',
        'max-objects': '100000',
        collapse: 'off'
      }
    })
    rmSync(dir, { recursive: true, force: true })
    expect(errorLines(run)).toEqual([])
    expect(run.outputs.count).toBe('100000')
    expect(run.stdout).toContain('Dry run: nothing was sent to DCDN.')
  })
})
