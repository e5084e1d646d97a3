import type { ManifestStore } from '../cache/manifest-store.js'
import { Log } from '../runner/log.js'
import { RuleSet } from '../rules/parse.js'
import { ChangedFilesMode, PushPayload, decideChanges, vetoOf } from './event.js'
import { GitRunner } from './git.js'
import type { GitHubRequest, Repo } from './github-api.js'
import type { ChangeListing } from './list.js'
import type { Manifest, ManifestOrigin } from './manifest.js'
import { noChanges as none, requireRules, whenNoManifest } from './policy.js'
import type { RunInfo } from './runs.js'

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

/** The changed paths from git or the GitHub API; the code that lists them loads only when needed. */
async function listedChanges(
  settings: ChangeSettings,
  facts: RunFacts,
  connections: ChangeConnections
): Promise<Changes> {
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
  if (ruled.note) connections.log.info(ruled.note)
  if (ruled.request.kind === 'none') return none()
  const { diffChanges } = await import('./diff.js')
  return diffChanges(ruled.request, settings, facts, connections)
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
