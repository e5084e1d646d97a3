// Since the last successful run, and deploys in another workflow (issue 10, SPEC 4.1.2), through
// the bundle: a real repository and checkout, and a fake GitHub API with the Actions runs API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeGitHub } from '../fakes/github-api.mjs'
import { Repos } from '../fakes/git-repos.js'
import { errorLines, runAction, visibleOutput } from './harness.js'

type Api = Awaited<ReturnType<typeof startFakeGitHub>>
const RULES = '** => https://www.example.com/{path}'
const repo = new Repos()
let c1 = ''
let c2 = ''
let c3 = ''
afterAll(() => repo.cleanup())
beforeAll(() => {
  c1 = repo.commit('one', [{ write: 'index.html' }, { write: 'about.html' }])
  c2 = repo.commit('two: its deploy failed', [{ write: 'about.html', content: 'new about' }])
  c3 = repo.commit('three', [{ write: 'news.html' }])
  repo.push()
})

const DEPLOY = 77
/** A run of the deploy workflow, as the Actions runs API gives it. */
function deployRun(
  id: number,
  headSha: string,
  runNumber: number,
  day: number,
  conclusion: string | null,
  branch = 'main'
) {
  return {
    id,
    workflow_id: DEPLOY,
    head_sha: headSha,
    head_branch: branch,
    run_number: runNumber,
    created_at: `2026-11-${day}T08:00:00Z`,
    conclusion
  }
}
function runs() {
  return [
    deployRun(500, c1, 10, 20, 'success'),
    deployRun(501, c2, 11, 21, 'failure'),
    deployRun(502, c3, 12, 22, null),
    deployRun(499, c1, 9, 23, 'success', 'other')
  ]
}

let api: Api | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

async function run(
  eventName: string,
  event: unknown,
  inputs: Record<string, string>,
  options: { runId?: string; apiOptions?: Record<string, unknown>; checkout?: boolean } = {}
) {
  api = await startFakeGitHub({}, { runs: runs(), ...options.apiOptions })
  return runAction({
    eventName,
    event,
    env: {
      GITHUB_API_URL: api.url,
      GITHUB_RUN_ID: options.runId ?? '502',
      GITHUB_SHA: c3,
      GITHUB_REF_NAME: 'main',
      GITHUB_WORKSPACE: options.checkout === false ? '/nonexistent' : repo.checkout(c3)
    },
    inputs: { rules: RULES, 'dry-run': 'true', 'github-token': api.token, ...inputs }
  })
}

const planned = (r: { outputs: Record<string, string> }) =>
  (JSON.parse(r.outputs.urls) as string[]).sort()
const url = (p: string) => `https://www.example.com/${p}`

describe('base: last-success', () => {
  it.each([
    ['push', () => repo.pushEvent(c2, c3)],
    ['schedule', () => ({ schedule: '0 3 * * *' })],
    ['workflow_dispatch', () => ({ inputs: {} })]
  ])(
    'on %s, diffs from the last successful run, so a failed deploy’s files are refreshed too',
    async (eventName, event) => {
      const result = await run(eventName, event(), { base: 'last-success' })
      expect(errorLines(result)).toEqual([])
      expect(result.code).toBe(0)
      expect(planned(result)).toEqual([url('about.html'), url('news.html')])
      expect(result.summary).toMatch(
        /the base is the last successful run, #10 \(ID 500\) of 2026-11-20/
      )
      expect(api!.requests.map((r) => r.path)).toEqual(
        expect.arrayContaining([
          '/repos/octo-org/site/actions/runs/502',
          `/repos/octo-org/site/actions/workflows/${DEPLOY}/runs`
        ])
      )
      expect(visibleOutput(result)).not.toContain(api!.token)
    }
  )

  it('with no earlier successful run, refreshes the head commit against its parent, with a warning', async () => {
    api = undefined
    const result = await run(
      'workflow_dispatch',
      {},
      { base: 'last-success' },
      { apiOptions: { runs: runs().filter((r) => r.conclusion !== 'success') } }
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/::warning::This workflow has no earlier successful run on main/)
    expect(planned(result)).toEqual([url('news.html')])
  })

  it("names 'actions: read' when the token may not read the runs", async () => {
    const result = await run(
      'workflow_dispatch',
      {},
      { base: 'last-success' },
      { apiOptions: { forbidActions: true } }
    )
    expect(result.code).toBe(1)
    expect(errorLines(result).join('\n')).toMatch(/permissions: actions: read/)
  })
})

describe('base: last-success after history was rewritten', () => {
  it('diffs the two trees directly when the last success is no ancestor of head', async () => {
    const rewritten = new Repos()
    // GitHub serves any commit it still holds, reachable or not; so does this origin.
    rewritten.git(rewritten.origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
    try {
      const root = rewritten.commit('root', [{ write: 'index.html' }, { write: 'a.html' }])
      const deployed = rewritten.commit('deployed, then dropped', [
        { write: 'a.html', content: 'v2' }
      ])
      rewritten.push()
      rewritten.reset(root)
      const head = rewritten.commit('rewritten', [{ write: 'b.html' }])
      rewritten.push('main', true)
      api = await startFakeGitHub(
        {},
        { runs: [deployRun(800, deployed, 3, 24, 'success'), deployRun(801, head, 4, 25, null)] }
      )
      const result = await runAction({
        eventName: 'workflow_dispatch',
        env: {
          GITHUB_API_URL: api.url,
          GITHUB_RUN_ID: '801',
          GITHUB_SHA: head,
          GITHUB_REF_NAME: 'main',
          GITHUB_WORKSPACE: rewritten.checkout(head)
        },
        inputs: { rules: RULES, 'dry-run': 'true', 'github-token': api.token, base: 'last-success' }
      })
      expect(errorLines(result)).toEqual([])
      // a.html went back to its old bytes and b.html is new: both differ between the two trees.
      expect(planned(result)).toEqual([url('a.html'), url('b.html')])
    } finally {
      rewritten.cleanup()
    }
  })
})

describe('workflow_run: a deploy in another workflow', () => {
  const event = (conclusion: string) => ({
    action: 'completed',
    workflow_run: {
      id: 502,
      workflow_id: DEPLOY,
      head_sha: c3,
      head_branch: 'main',
      run_number: 12,
      created_at: '2026-11-22T08:00:00Z',
      conclusion,
      event: 'push'
    }
  })

  it('diffs the triggering run’s head from the deploy workflow’s previous successful run', async () => {
    const result = await run('workflow_run', event('success'), {}, { runId: '900' })
    expect(errorLines(result)).toEqual([])
    expect(planned(result)).toEqual([url('about.html'), url('news.html')])
    expect(result.summary).toMatch(/for the deploy of run #12 \(ID 502\) of workflow 77/)
    expect(result.summary).toMatch(/#10 \(ID 500\) of 2026-11-20/)
  })

  it('does nothing when the deploy run did not succeed', async () => {
    const result = await run('workflow_run', event('failure'), {}, { runId: '900' })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('nothing-to-do')
    expect(result.stdout).toMatch(/ended 'failure', not 'success'/)
    expect(api!.requests).toEqual([])
  })
})

describe('the GitHub API, retried', () => {
  it('recovers from a 502 of the compare API when there is no checkout', async () => {
    const history = {
      [c2]: { parents: [c1], files: [{ filename: 'about.html', status: 'modified' }] },
      [c3]: { parents: [c2], files: [{ filename: 'news.html', status: 'added' }] },
      [c1]: { parents: [], files: [] }
    }
    api = await startFakeGitHub(history, { faults: [{ match: /compare/, status: 502, times: 1 }] })
    const result = await runAction({
      eventName: 'push',
      event: repo.pushEvent(c2, c3),
      env: { GITHUB_API_URL: api.url },
      inputs: { rules: RULES, 'dry-run': 'true', 'github-token': api.token }
    })
    expect(errorLines(result)).toEqual([])
    expect(planned(result)).toEqual([url('news.html')])
    expect(result.stdout).toMatch(/GitHub API .*compare.*attempt 1 failed \(502\)/)
    expect(api.requests.filter((r) => r.path.includes('/compare/'))).toHaveLength(2)
  })
})

describe('paths-file', () => {
  it('takes 30,000 paths from a file in the workspace', async () => {
    const workspace = repo.checkout(c3)
    const lines = Array.from({ length: 30_000 }, (_, i) => `pages/p${i}.html`)
    writeFileSync(join(workspace, 'uploaded.txt'), lines.join('\n') + '\n')
    const result = await runAction({
      env: { GITHUB_WORKSPACE: workspace },
      inputs: {
        rules: RULES,
        'paths-file': 'uploaded.txt',
        'dry-run': 'true',
        'max-objects': '30000',
        collapse: 'off'
      }
    })
    expect(errorLines(result)).toEqual([])
    expect(result.outputs.count).toBe('30000')
  })

  it('names the file and the line of a bad entry', async () => {
    const workspace = repo.checkout(c3)
    writeFileSync(join(workspace, 'list.txt'), 'a.html\n../etc/passwd\n')
    writeFileSync(join(workspace, 'urls.txt'), 'https://www.example.com/a\nftp://x/y\n')
    const paths = await runAction({
      env: { GITHUB_WORKSPACE: workspace },
      inputs: { rules: RULES, 'paths-file': 'list.txt', 'dry-run': 'true' }
    })
    expect(errorLines(paths).join('\n')).toMatch(
      /paths-file \(list\.txt\) line 2 \("\.\.\/etc\/passwd"\)/
    )
    const urls = await runAction({
      env: { GITHUB_WORKSPACE: workspace },
      inputs: { 'urls-file': 'urls.txt', 'dry-run': 'true' }
    })
    expect(errorLines(urls).join('\n')).toMatch(/urls-file \(urls\.txt\) line 2 \("ftp:\/\/x\/y"\)/)
    const missing = await runAction({
      env: { GITHUB_WORKSPACE: workspace },
      inputs: { 'urls-file': 'nope.txt', 'dry-run': 'true' }
    })
    expect(errorLines(missing).join('\n')).toMatch(/Input 'urls-file': could not read 'nope\.txt'/)
  })
})
