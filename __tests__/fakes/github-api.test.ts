// Proves the fake GitHub API with the real Octokit of @actions/github: its routes, parameters and
// answers are the ones the typed REST methods use.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { startFakeGitHub } from './github-api.mjs'

type Fake = Awaited<ReturnType<typeof startFakeGitHub>>
let fake: Fake
const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const runs = Array.from({ length: 150 }, (_, i) => ({
  id: 1000 + i,
  workflow_id: 7,
  head_sha: i % 2 ? A : B,
  head_branch: i % 3 ? 'main' : 'dev',
  run_number: i,
  created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  conclusion: i % 5 ? 'success' : 'failure'
}))

beforeAll(async () => {
  fake = await startFakeGitHub(
    {
      [A]: { parents: [], files: [] },
      [B]: { parents: [A], files: [{ filename: 'x.html', status: 'modified' }] }
    },
    { runs, lifetimeMs: 60_000 }
  )
})
afterAll(() => fake.close())

describe('the fake GitHub API, driven by Octokit', () => {
  const octokit = () => getOctokit(fake.token, { baseUrl: fake.url })

  it('lists the successful runs of a workflow on a branch, newest first', async () => {
    const listed = await octokit().paginate(octokit().rest.actions.listWorkflowRuns, {
      owner: 'o',
      repo: 'r',
      workflow_id: 7,
      branch: 'main',
      status: 'success',
      per_page: 100
    })
    const expected = runs
      .filter((r) => r.head_branch === 'main' && r.conclusion === 'success')
      .sort((a, b) => (a.created_at < b.created_at ? 1 : -1))
    expect(listed.map((r) => r.id)).toEqual(expected.map((r) => r.id))
  })

  it('reads one run', async () => {
    const { data } = await octokit().rest.actions.getWorkflowRun({
      owner: 'o',
      repo: 'r',
      run_id: 1003
    })
    expect([data.workflow_id, data.head_sha, data.run_number]).toEqual([7, A, 3])
  })

  it('compares two commits', async () => {
    const { data } = await octokit().rest.repos.compareCommitsWithBasehead({
      owner: 'o',
      repo: 'r',
      basehead: `${A}...${B}`
    })
    expect(data.files?.map((f) => f.filename)).toEqual(['x.html'])
  })

  it("gives GitHub's rate-limit headers with its 403s, as Octokit reads them", async () => {
    const limited = await startFakeGitHub(
      {},
      {
        runs,
        lifetimeMs: 10_000,
        faults: [
          {
            match: /runs/,
            status: 403,
            message: 'API rate limit exceeded',
            headers: { 'x-ratelimit-remaining': '0' }
          },
          {
            match: /runs/,
            status: 403,
            message: 'secondary rate limit',
            headers: { 'retry-after': '7' }
          }
        ]
      }
    )
    const client = getOctokit(limited.token, { baseUrl: limited.url })
    const get = () => client.rest.actions.getWorkflowRun({ owner: 'o', repo: 'r', run_id: 1000 })
    await expect(get()).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('API rate limit exceeded'),
      response: { headers: expect.objectContaining({ 'x-ratelimit-remaining': '0' }) }
    })
    await expect(get()).rejects.toMatchObject({
      response: { headers: expect.objectContaining({ 'retry-after': '7' }) }
    })
    await expect(get()).resolves.toMatchObject({ data: { id: 1000 } })
    await limited.close()
  })

  it('compares by the net difference from the merge base, not every commit’s files', async () => {
    const C = 'c'.repeat(40)
    const D = 'd'.repeat(40)
    const net = await startFakeGitHub(
      {
        [A]: { parents: [], files: [{ filename: 'keep.html', status: 'added' }] },
        [C]: {
          parents: [A],
          files: [
            { filename: 'draft.html', status: 'added' },
            { filename: 'keep.html', status: 'modified' }
          ]
        },
        [D]: { parents: [C], files: [{ filename: 'draft.html', status: 'removed' }] }
      },
      { lifetimeMs: 10_000 }
    )
    const client = getOctokit(net.token, { baseUrl: net.url })
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
      owner: 'o',
      repo: 'r',
      basehead: `${A}...${D}`
    })
    expect(data.files?.map((f) => [f.filename, f.status])).toEqual([['keep.html', 'modified']])
    expect(data.commits.map((c) => c.sha)).toEqual([C, D])
    await net.close()
  })

  it('says 403 for the runs API when the token may not read actions', async () => {
    const locked = await startFakeGitHub({}, { runs, forbidActions: true, lifetimeMs: 10_000 })
    const client = getOctokit(locked.token, { baseUrl: locked.url })
    await expect(
      client.rest.actions.getWorkflowRun({ owner: 'o', repo: 'r', run_id: 1000 })
    ).rejects.toMatchObject({ status: 403 })
    await locked.close()
  })
})
