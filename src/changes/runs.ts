import { UserError, messageOf } from '../util/errors.js'
import { SHA_PATTERN } from './event.js'
import { GitHubRequest, Repo, statusOf } from './github-api.js'

/** A workflow run, as much of it as the action needs. */
export interface RunInfo {
  id: number
  workflowId: number
  runNumber: number
  headSha: string
  headBranch: string
  createdAt: string
}

const PER_PAGE = 100
/** Pages of successful runs read at most: 1,000 runs. */
const MAX_PAGES = 10

/** What came back, in a few words: for an answer that is not what the Actions API sends. */
function describeAnswer(data: unknown): string {
  if (typeof data === 'string') {
    const text = data.trim()
    const kind = /^<(!doctype|html)/i.test(text) ? 'an HTML page' : 'text'
    return `${kind} (${JSON.stringify(text.slice(0, 80))}${text.length > 80 ? '…' : ''})`
  }
  if (data === null || data === undefined) return 'an empty answer'
  return `JSON without the expected fields (${JSON.stringify(data).slice(0, 80)})`
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A run object of the Actions API, or undefined when the answer is not one. */
function runOf(raw: unknown): RunInfo | undefined {
  if (!isObject(raw)) return undefined
  const id = Number(raw.id)
  const workflowId = Number(raw.workflow_id)
  if (!Number.isSafeInteger(id) || !Number.isSafeInteger(workflowId)) return undefined
  return {
    id,
    workflowId,
    runNumber: Number(raw.run_number),
    headSha: String(raw.head_sha ?? ''),
    headBranch: String(raw.head_branch ?? ''),
    createdAt: String(raw.created_at ?? '')
  }
}

/** Every failure of the runs API as an error that says what was asked and what came back. */
function explain(error: unknown, what: string): never {
  if (error instanceof UserError) throw error
  const status = statusOf(error)
  if (status === 403) {
    throw new UserError(
      `The GitHub API refused to ${what} (HTTP 403). Give the job 'permissions: actions: read' (with contents: read), so that the action can find the last successful run.`
    )
  }
  throw new UserError(
    `Could not ${what}: the GitHub API answered ${status ? `HTTP ${status}` : 'nothing'} (${messageOf(error)}). Check 'github-token' and that GITHUB_API_URL points at the GitHub API.`
  )
}

function unexpected(what: string, data: unknown): never {
  throw new UserError(
    `Could not ${what}: the GitHub API answered with ${describeAnswer(data)}, not the JSON of the Actions API. Check that GITHUB_API_URL points at the GitHub API.`
  )
}

/** One workflow run by ID. */
export async function getRun(request: GitHubRequest, repo: Repo, runId: number): Promise<RunInfo> {
  const what = `read workflow run ${runId}`
  let data: unknown
  try {
    ;({ data } = await request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
      ...repo,
      run_id: runId
    }))
  } catch (error) {
    explain(error, what)
  }
  return runOf(data) ?? unexpected(what, data)
}

/**
 * The newest successful run of a workflow on a branch, other than `exclude` and (when given)
 * created before `before`; undefined when there is none.
 */
export async function lastSuccessfulRun(
  request: GitHubRequest,
  repo: Repo,
  workflowId: number,
  branch: string,
  exclude: number,
  before?: string
): Promise<RunInfo | undefined> {
  const what = `list the successful runs of workflow ${workflowId}`
  for (let page = 1; page <= MAX_PAGES; page++) {
    let data: unknown
    try {
      ;({ data } = await request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
        ...repo,
        workflow_id: workflowId,
        branch,
        status: 'success',
        per_page: PER_PAGE,
        page
      }))
    } catch (error) {
      explain(error, what)
    }
    const list = isObject(data) ? data.workflow_runs : undefined
    if (!Array.isArray(list)) unexpected(what, data)
    for (const raw of list) {
      const run = runOf(raw) ?? unexpected(what, raw)
      if (run.id === exclude) continue
      if (before && run.createdAt && run.createdAt >= before) continue
      if (SHA_PATTERN.test(run.headSha)) return run
    }
    if (list.length < PER_PAGE) return undefined
  }
  return undefined
}
