import type { ManifestStore } from '../cache/manifest-store.js'
import { UserError, messageOf } from '../errors.js'
import { RuleSet } from '../rules/parse.js'
import { Log } from '../log.js'
import { ChangeRequest, ChangedFilesMode, PushPayload, decideChanges } from './event.js'
import { GitRunner } from './git.js'
import { ChangesTooLargeError, GitHubRequest, Repo } from './github-api.js'
import { ChangeListing, listChangedPaths } from './list.js'
import type { Manifest, ManifestOrigin } from './manifest.js'
import { requireRules, whenNoBase, whenNoManifest, whenTooLarge } from './policy.js'
import { RunInfo, getRun, lastSuccessfulRun } from './runs.js'

// The changes stage (SPEC 4.1): which paths went stale, and where that was learned.

export interface GitHubApi {
  request: GitHubRequest
  repo: Repo
}

/** The edges the stage needs, built by main.ts. The GitHub API and the cache load on first use. */
export interface ChangeEdges {
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
  outputDir: string
  rules: RuleSet
  /** Whether `fallback` targets were given. */
  fallback: readonly unknown[]
}

/** The facts of the run the stage reads. */
export interface RunFacts {
  eventName: string
  payload: PushPayload
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

export interface Changes {
  paths: string[]
  /** The fallback targets apply. */
  fallback: boolean
  /** Why the run has nothing to do at all (a deleted ref, a failed deploy run). */
  nothingToDo?: string
  source?: ChangeSource
  notes: string[]
  /** With `output-dir`: this run's manifest, to save once the refresh has fully succeeded. */
  manifest?: { current: Manifest; origin: ManifestOrigin }
}

const describeRun = (run: RunInfo) =>
  `run #${run.runNumber} (${run.id}) of ${run.createdAt.slice(0, 10) || 'an unknown date'}`

async function requireGitHub(edges: ChangeEdges, why: string): Promise<GitHubApi> {
  const github = await edges.github()
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
  edges: ChangeEdges
): Promise<{ request: ChangeRequest; baseRun?: RunInfo; trigger?: string }> {
  if (request.kind === 'last-success') {
    const { request: call, repo } = await requireGitHub(edges, "'base: last-success'")
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
    edges.log.info(
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
    const { request: call, repo } = await requireGitHub(edges, 'A workflow_run event')
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
  edges: ChangeEdges
): Promise<Changes> {
  // Loaded only with output-dir: hashing needs node:crypto and the file system's async API.
  const { diffManifests, hashTree } = await import('./manifest.js')
  const current = await hashTree(edges.workspace, settings.outputDir)
  const origin: ManifestOrigin = {
    runId: facts.runId,
    runNumber: facts.runNumber,
    createdAt: new Date().toISOString()
  }
  const notes: string[] = []
  const store = await edges.manifests()
  const previous = await edges.log.group('The previous manifest, from the Actions cache', () =>
    store.restore()
  )
  if (!previous) {
    const decision = whenNoManifest(current.size, settings.fallback.length > 0)
    if (decision.fallback) {
      edges.log.info(decision.note)
      notes.push(decision.note)
    } else {
      edges.log.warning(decision.warning)
      notes.push(decision.warning)
    }
    return {
      paths: decision.fallback ? [] : [...current.keys()],
      fallback: decision.fallback,
      source: {
        kind: 'manifest',
        files: current.size,
        added: current.size,
        modified: 0,
        removed: 0
      },
      notes,
      manifest: { current, origin }
    }
  }
  const diff = diffManifests(previous.manifest, current)
  const paths = [...diff.added, ...diff.modified, ...diff.removed].sort()
  return {
    paths,
    fallback: false,
    source: {
      kind: 'manifest',
      files: current.size,
      baseline: previous.origin,
      added: diff.added.length,
      modified: diff.modified.length,
      removed: diff.removed.length
    },
    notes,
    manifest: { current, origin }
  }
}

/** Works out the changed paths of the run: a push, a diff, the last success, or the manifest. */
export async function collectChanges(
  settings: ChangeSettings,
  facts: RunFacts,
  edges: ChangeEdges
): Promise<Changes> {
  if (settings.outputDir !== '' && settings.changedFiles !== 'false')
    return manifestChanges(settings, facts, edges)
  const decided = decideChanges(
    settings.changedFiles,
    { base: settings.base, head: settings.head, sha: facts.sha },
    facts.eventName,
    facts.payload
  )
  if (decided.kind === 'deleted') {
    return {
      paths: [],
      fallback: false,
      nothingToDo: `The push deleted ${decided.ref || 'a ref'}: there is nothing to refresh.`,
      notes: []
    }
  }
  if (decided.kind === 'skipped')
    return { paths: [], fallback: false, nothingToDo: decided.reason, notes: [] }
  const hasFallback = settings.fallback.length > 0
  const ruled = requireRules(
    decided,
    settings.changedFiles,
    settings.rules.mappings.length > 0 || (decided.kind === 'created' && hasFallback)
  )
  if (ruled.note) edges.log.info(ruled.note)
  const { request, baseRun, trigger } = await resolveBase(ruled.request, facts, edges)
  if (request.kind !== 'diff' && request.kind !== 'created')
    return { paths: [], fallback: false, notes: [] }
  const notes: string[] = []
  if (request.kind === 'created') {
    const decision = whenNoBase(request.why ?? `${request.ref || 'The ref'} is new`, hasFallback)
    if (decision.fallback) {
      edges.log.info(decision.note)
      return { paths: [], fallback: true, notes: [decision.note] }
    }
    edges.log.warning(decision.warning)
    notes.push(decision.warning)
  }
  if (settings.rules.mappings.length === 0) return { paths: [], fallback: false, notes }
  try {
    const github = await edges.github()
    const listing = await listChangedPaths(
      { workspace: edges.workspace, git: edges.git, github, info: (m) => edges.log.info(m) },
      request
    )
    return {
      paths: listing.paths,
      fallback: false,
      source: { kind: 'git', listing, baseRun, trigger },
      notes
    }
  } catch (error) {
    if (error instanceof ChangesTooLargeError) {
      const note = whenTooLarge(error, hasFallback)
      edges.log.info(note)
      notes.push(note)
      return { paths: [], fallback: true, notes }
    }
    if (error instanceof UserError) throw error
    throw new UserError(
      `Could not list the files changed between ${request.kind === 'diff' ? request.base : `${request.head}^`} and ${request.head}: ${messageOf(error)}. ` +
        "Check out the repository before this step (actions/checkout), or give 'github-token' with contents: read, or give 'fallback' targets."
    )
  }
}
