import type { ManifestStore } from '../cache/manifest-store.js'
import { Log } from '../runner/log.js'
import { UserError, messageOf } from '../util/errors.js'
import { RuleSet } from '../rules/parse.js'
import { ChangeRequest, ChangedFilesMode, PushPayload, decideChanges, vetoOf } from './event.js'
import { GitRunner } from './git.js'
import { GitHubRequest, GitHubSilentError, Repo } from './github-api.js'
import { ChangeListing, listChangedPaths } from './list.js'
import type { Manifest, ManifestOrigin } from './manifest.js'
import { requireRules, whenNoBase, whenNoManifest, whenUnlisted } from './policy.js'
import { RunInfo, getRun, lastSuccessfulRun } from './runs.js'

// The changes stage (SPEC 4.1): which paths went stale, and where that was learned.

export interface GitHubApi {
  request: GitHubRequest
  repo: Repo
}

/** The connections the stage needs, built by wiring/connect.ts; GitHub and the cache load on use. */
export interface ChangeConnections {
  workspace: string
  git: GitRunner
  github(): Promise<GitHubApi | undefined>
  manifests(): Promise<ManifestStore>
  log: Log
}

/** The inputs the stage reads. */
export interface ChangeSettings {
  changedFiles: ChangedFilesMode
  base: string
  head: string
  /** Workspace-relative ('.' for the workspace itself), or empty. */
  outputDir: string
  rules: RuleSet
  /** Whether `fallback` targets were given. */
  hasFallback: boolean
}

/** The facts of the run the stage reads. */
export interface RunFacts {
  eventName: string
  payload: PushPayload
  /** `owner/repo` of this run. */
  repository: string
  runId: string
  runNumber?: string
  sha: string
  refName: string
}

/** Where the changed paths came from, for the summary. */
export type ChangeSource =
  | { kind: 'git'; listing: ChangeListing; baseRun?: RunInfo; trigger?: string }
  | {
      kind: 'manifest'
      files: number
      baseline?: ManifestOrigin
      added: number
      modified: number
      removed: number
    }

/** With `output-dir`: this run's manifest, and the previous bytes of the paths that changed. */
export interface ManifestChanges {
  current: Manifest
  origin: ManifestOrigin
  /** The previous manifest's hash of each changed path, for telling old bytes at the edge. */
  previous: Map<string, string>
}

export interface Changes {
  paths: string[]
  /** The changed paths that the deploy no longer has. */
  removed: string[]
  /** The fallback targets are refreshed instead of (or besides) the paths. */
  useFallback: boolean
  /** Why the run has nothing to do at all (a deleted ref, a failed deploy run, a fork). */
  nothingToDo?: string
  source?: ChangeSource
  notes: string[]
  /** With `output-dir`: to save once the refresh has fully succeeded, and to verify against. */
  manifest?: ManifestChanges
}

const none = (notes: string[] = []): Changes => ({
  paths: [],
  removed: [],
  useFallback: false,
  notes
})
const fallback = (notes: string[]): Changes => ({ ...none(notes), useFallback: true })

const describeRun = (run: RunInfo) =>
  `run #${run.runNumber} (${run.id}) of ${run.createdAt.slice(0, 10) || 'an unknown date'}`

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
    const trigger = `run ${run.runNumber !== undefined ? `#${run.runNumber} ` : ''}(${run.id}) of workflow ${run.workflowId}`
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

/** With `output-dir`: the deployed files whose bytes changed since the last good refresh. */
async function manifestChanges(
  settings: ChangeSettings,
  facts: RunFacts,
  connections: ChangeConnections
): Promise<Changes> {
  const { log } = connections
  // Loaded only with output-dir: hashing needs node:crypto and the file system's calls.
  const { diffManifests, hashTree } = await import('./manifest.js')
  const current = await hashTree(connections.workspace, settings.outputDir)
  const origin: ManifestOrigin = {
    runId: facts.runId,
    runNumber: facts.runNumber,
    createdAt: new Date().toISOString()
  }
  const store = await connections.manifests()
  const previous = await store.restore()
  if (!previous) {
    const decision = whenNoManifest(current.size, settings.hasFallback)
    if (decision.fallback) log.info(decision.note)
    else log.warning(decision.warning)
    return {
      paths: decision.fallback ? [] : [...current.keys()],
      removed: [],
      useFallback: decision.fallback,
      source: {
        kind: 'manifest',
        files: current.size,
        added: current.size,
        modified: 0,
        removed: 0
      },
      notes: [decision.fallback ? decision.note : decision.warning],
      manifest: { current, origin, previous: new Map() }
    }
  }
  const diff = diffManifests(previous.manifest, current)
  const paths = [...diff.added, ...diff.modified, ...diff.removed].sort()
  const before = new Map<string, string>()
  for (const path of [...diff.modified, ...diff.removed])
    before.set(path, previous.manifest.get(path)!)
  return {
    paths,
    removed: diff.removed,
    useFallback: false,
    source: {
      kind: 'manifest',
      files: current.size,
      baseline: previous.origin,
      added: diff.added.length,
      modified: diff.modified.length,
      removed: diff.removed.length
    },
    notes: [],
    manifest: { current, origin, previous: before }
  }
}

/** The changed paths from git or the GitHub API: a push, a diff, the last success, a deploy run. */
async function listedChanges(
  settings: ChangeSettings,
  facts: RunFacts,
  connections: ChangeConnections
): Promise<Changes> {
  const { log } = connections
  const decided = decideChanges(
    settings.changedFiles,
    { base: settings.base, head: settings.head, sha: facts.sha },
    facts.eventName,
    facts.payload
  )
  const ruled = requireRules(
    decided,
    settings.changedFiles,
    settings.rules.mappings.length > 0 || (decided.kind === 'created' && settings.hasFallback)
  )
  if (ruled.note) log.info(ruled.note)
  const unlisted = (error: UserError, notes: string[]) => {
    const note = whenUnlisted(error, settings.hasFallback)
    log.warning(note)
    return fallback([...notes, note])
  }
  let resolved: Awaited<ReturnType<typeof resolveBase>>
  try {
    resolved = await resolveBase(ruled.request, facts, connections)
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

/**
 * Works out the changed paths of the run (SPEC 4.1): the event's own rules first, then the
 * manifest of the deployed files, or a diff.
 */
export async function collectChanges(
  settings: ChangeSettings,
  facts: RunFacts,
  connections: ChangeConnections
): Promise<Changes> {
  const veto = vetoOf(facts.eventName, facts.payload, facts.repository)
  if (veto) return { ...none(), nothingToDo: veto }
  if (settings.outputDir !== '' && settings.changedFiles !== 'false')
    return manifestChanges(settings, facts, connections)
  return listedChanges(settings, facts, connections)
}
