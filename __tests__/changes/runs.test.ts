import { describe, expect, it } from '@jest/globals'
import { GitHubRequest } from '../../src/changes/github-api.js'
import { getRun, lastSuccessfulRun } from '../../src/changes/runs.js'
import { UserError } from '../../src/util/errors.js'

const repo = { owner: 'o', repo: 'r' }
const sha = (c: string) => c.repeat(40)
const run = (id: number, head: string, created: string) => ({
  id,
  workflow_id: 5,
  head_sha: head,
  head_branch: 'main',
  run_number: id - 100,
  created_at: created
})
/** A GitHub API that answers each call with the next of `answers`, recording what was asked. */
function api(...answers: (unknown | Error)[]) {
  const asked: Record<string, unknown>[] = []
  const request: GitHubRequest = async (_route, params) => {
    asked.push(params)
    const next = answers.shift()
    if (next instanceof Error) throw next
    return { data: next }
  }
  return { request, asked }
}
const failure = (status: number, message: string) => Object.assign(new Error(message), { status })

describe('getRun', () => {
  it('reads a run', async () => {
    const { request } = api(run(700, sha('a'), '2026-12-01T00:00:00Z'))
    expect(await getRun(request, repo, 700)).toEqual({
      id: 700,
      workflowId: 5,
      runNumber: 600,
      headSha: sha('a'),
      headBranch: 'main',
      createdAt: '2026-12-01T00:00:00Z'
    })
  })

  it.each<[string, unknown, RegExp]>([
    [
      'a 403',
      failure(403, 'Resource not accessible by integration'),
      /refused to read workflow run 700 \(HTTP 403\)\. Give the job 'permissions: actions: read'/
    ],
    [
      'a 404',
      failure(404, 'Not Found'),
      /^Could not read workflow run 700: the GitHub API answered HTTP 404 \(Not Found\)/
    ],
    [
      'no answer',
      Object.assign(new Error('fetch failed'), { status: undefined }),
      /answered nothing \(fetch failed\)/
    ],
    [
      'an HTML page',
      '<!DOCTYPE html><html>login</html>',
      /answered with an HTML page \("<!DOCTYPE html><html>login<\/html>"\)/
    ],
    [
      'JSON without a run',
      { message: 'hi' },
      /answered with JSON without the expected fields \(\{"message":"hi"\}\)/
    ],
    ['nothing', null, /answered with an empty answer/]
  ])('%s is an error that says what was asked and what came back', async (_, answer, message) => {
    const { request } = api(answer)
    const asking = getRun(request, repo, 700)
    await expect(asking).rejects.toThrow(UserError)
    await expect(getRun(api(answer).request, repo, 700)).rejects.toThrow(message)
  })
})

describe('lastSuccessfulRun', () => {
  it('takes the newest run but this one, and those created before a time, with a full SHA', async () => {
    const page = {
      workflow_runs: [
        run(702, sha('c'), '2026-12-03T00:00:00Z'),
        run(701, 'not-a-sha', '2026-12-02T00:00:00Z'),
        run(700, sha('a'), '2026-12-01T00:00:00Z'),
        run(699, sha('9'), '2026-11-30T00:00:00Z')
      ]
    }
    expect((await lastSuccessfulRun(api(page).request, repo, 5, 'main', 702))?.id).toBe(700)
    expect(
      (await lastSuccessfulRun(api(page).request, repo, 5, 'main', 0, '2026-12-01T00:00:00Z'))?.id
    ).toBe(699)
    const { request, asked } = api(page)
    await lastSuccessfulRun(request, repo, 5, 'dev', 0)
    expect(asked[0]).toMatchObject({
      workflow_id: 5,
      branch: 'dev',
      status: 'success',
      per_page: 100,
      page: 1
    })
  })

  it('pages on while a page is full, and says none when the list ends', async () => {
    const full = {
      workflow_runs: Array.from({ length: 100 }, (_, i) =>
        run(1000 + i, 'x', '2026-12-01T00:00:00Z')
      )
    }
    const { request, asked } = api(full, {
      workflow_runs: [run(5, sha('e'), '2026-11-01T00:00:00Z')]
    })
    expect((await lastSuccessfulRun(request, repo, 5, 'main', 0))?.id).toBe(5)
    expect(asked.map((a) => a.page)).toEqual([1, 2])
    expect(
      await lastSuccessfulRun(api({ workflow_runs: [] }).request, repo, 5, 'main', 0)
    ).toBeUndefined()
  })

  it('never reads an answer that is not a list of runs as "no earlier run"', async () => {
    await expect(
      lastSuccessfulRun(api('<html></html>').request, repo, 5, 'main', 0)
    ).rejects.toThrow(
      /Could not list the successful runs of workflow 5: the GitHub API answered with an HTML page/
    )
    await expect(
      lastSuccessfulRun(api({ total_count: 0 }).request, repo, 5, 'main', 0)
    ).rejects.toThrow(/JSON without the expected fields/)
  })
})
