import { UserError } from '../errors.js'
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

function runOf(raw: Record<string, unknown>): RunInfo {
  return {
    id: Number(raw.id),
    workflowId: Number(raw.workflow_id),
    runNumber: Number(raw.run_number),
    headSha: String(raw.head_sha ?? ''),
    headBranch: String(raw.head_branch ?? ''),
    createdAt: String(raw.created_at ?? '')
  }
}

/** Turns a 403 into the permission it needs; other failures pass as they are. */
function explain(error: unknown, what: string): never {
  if (statusOf(error) === 403) {
    throw new UserError(
      `The GitHub API refused to ${what} (HTTP 403). Give the job 'permissions: actions: read' (with contents: read), so that the action can find the last successful run.`
    )
  }
  throw error
}

/** One workflow run by ID. */
export async function getRun(request: GitHubRequest, repo: Repo, runId: number): Promise<RunInfo> {
  try {
    const { data } = await request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
      ...repo,
      run_id: runId
    })
    return runOf(data as Record<string, unknown>)
  } catch (error) {
    explain(error, `read workflow run ${runId}`)
  }
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
      explain(error, `list the successful runs of workflow ${workflowId}`)
    }
    const runs = ((data as { workflow_runs?: Record<string, unknown>[] }).workflow_runs ?? []).map(
      runOf
    )
    for (const run of runs) {
      if (run.id === exclude) continue
      if (before && run.createdAt && run.createdAt >= before) continue
      if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(run.headSha)) return run
    }
    if (runs.length < PER_PAGE) return undefined
  }
  return undefined
}
