import { Log } from '../runner/log.js'
import { UserError, messageOf } from '../util/errors.js'
import type { ChangeConnections, ChangeSettings, Changes, GitHubApi, RunFacts } from './collect.js'
import { ChangeRequest } from './event.js'
import { GitHubSilentError } from './github-api.js'
import { listChangedPaths } from './list.js'
import {
  fallbackChanges as fallback,
  noChanges as none,
  whenNoBase,
  whenUnlisted
} from './policy.js'
import { RunInfo, getRun, lastSuccessfulRun } from './runs.js'

// The changes of a diff (SPEC 4.1.1, 4.1.2): a push, `base` and `head`, the last successful run,
// or a deploy run; listed by git or the GitHub API. Loaded only when a run has a diff to list.

const describeRun = (run: RunInfo) =>
  `run #${run.runNumber} (ID ${run.id}) of ${run.createdAt.slice(0, 10) || 'an unknown date'}`

async function requireGitHub(connections: ChangeConnections, why: string): Promise<GitHubApi> {
  const github = await connections.github()
  if (!github) {
    throw new UserError(
      `${why} needs the GitHub API, but 'github-token' or GITHUB_REPOSITORY is missing.`
    )
  }
  return github
}

/** Turns `last-success` and `workflow_run` into a diff, or a created ref when no run came before. */
async function resolveBase(
  request: ChangeRequest,
  facts: RunFacts,
  connections: ChangeConnections
): Promise<{ request: ChangeRequest; baseRun?: RunInfo; trigger?: string }> {
  if (request.kind === 'last-success') {
    const { request: call, repo } = await requireGitHub(connections, "'base: last-success'")
    const runId = Number(facts.runId)
    const current = await getRun(call, repo, runId)
    const branch = current.headBranch || facts.refName
    const previous = await lastSuccessfulRun(call, repo, current.workflowId, branch, runId)
    if (!previous)
      return {
        request: {
          kind: 'created',
          head: request.head,
          ref: '',
          why: `This workflow has no earlier successful run on ${branch}`
        }
      }
    connections.log.info(
      `The last successful run on ${branch} is ${describeRun(previous)}, at ${previous.headSha}.`
    )
    // History may have been rewritten since: diff the two trees directly, as for a forced push.
    return {
      request: { kind: 'diff', base: previous.headSha, head: request.head, forced: true },
      baseRun: previous
    }
  }
  if (request.kind === 'workflow-run') {
    const { run } = request
    const { request: call, repo } = await requireGitHub(connections, 'A workflow_run event')
    const previous = await lastSuccessfulRun(
      call,
      repo,
      run.workflowId,
      run.headBranch,
      run.id,
      run.createdAt
    )
    const trigger = `run ${run.runNumber !== undefined ? `#${run.runNumber} ` : ''}(ID ${run.id}) of workflow ${run.workflowId}`
    if (!previous)
      return {
        request: {
          kind: 'created',
          head: run.headSha,
          ref: '',
          why: `The deploy workflow has no earlier successful run on ${run.headBranch || 'its branch'}`
        },
        trigger
      }
    return {
      request: { kind: 'diff', base: previous.headSha, head: run.headSha, forced: true },
      baseRun: previous,
      trigger
    }
  }
  return { request }
}

/** Lists the paths of a diff, or says why the fallback applies instead. */
export async function diffChanges(
  ruled: ChangeRequest,
  settings: ChangeSettings,
  facts: RunFacts,
  connections: ChangeConnections
): Promise<Changes> {
  const log: Log = connections.log
  const unlisted = (error: UserError, notes: string[]) => {
    const note = whenUnlisted(error, settings.hasFallback)
    log.warning(note)
    return fallback([...notes, note])
  }
  let resolved: Awaited<ReturnType<typeof resolveBase>>
  try {
    resolved = await resolveBase(ruled, facts, connections)
  } catch (error) {
    // A GitHub API that does not answer: the fallback, as for a diff that cannot be listed.
    if (error instanceof GitHubSilentError) return unlisted(error, [])
    throw error
  }
  const { request, baseRun, trigger } = resolved
  if (request.kind !== 'diff' && request.kind !== 'created') return none()
  const notes: string[] = []
  if (request.kind === 'created') {
    const decision = whenNoBase(
      request.why ?? `${request.ref || 'The ref'} is new`,
      settings.hasFallback
    )
    if (decision.fallback) {
      log.info(decision.note)
      return fallback([decision.note])
    }
    log.warning(decision.warning)
    notes.push(decision.warning)
  }
  if (settings.rules.mappings.length === 0) return none(notes)
  try {
    const github = await connections.github()
    const listing = await listChangedPaths(
      { workspace: connections.workspace, git: connections.git, github, info: (m) => log.info(m) },
      request
    )
    return {
      paths: listing.paths,
      removed: listing.removed,
      useFallback: false,
      source: { kind: 'git', listing, baseRun, trigger },
      notes
    }
  } catch (error) {
    // The API's own errors (too many files, a used-up rate limit, silence) say what to do already.
    if (error instanceof UserError) return unlisted(error, notes)
    const base = request.kind === 'diff' ? request.base : `${request.head}^`
    return unlisted(
      new UserError(
        `Could not list the files changed between ${base} and ${request.head}: ${messageOf(error)}. ` +
          "Check out the repository before this step (actions/checkout), or give 'github-token' with contents: read, or give 'fallback' targets."
      ),
      notes
    )
  }
}
