import type { ManifestStore } from '../cache/manifest-store.js'
import { ChangeConnections, GitHubApi } from '../changes/collect.js'
import type { GitRunner } from '../changes/git.js'
import { Pacer } from '../plan/pacing.js'
import { RunnerEnv } from '../runner/environment.js'
import { Settings } from '../runner/inputs.js'
import { Log } from '../runner/log.js'
import { SERVICE_LIMITS } from '../services/limits.js'
import type { RefreshService } from '../services/service.js'
import type { EdgeClient } from '../verify/fetch.js'
import { Clock } from '../util/clock.js'

/** Every connection to the outside, built here and handed to the stages; closed at the end. */
export interface Connections {
  changes: ChangeConnections
  /** The paths of the tree at a commit, when there is a checkout; for collapsing. */
  treeAt(commit: string): Promise<string[] | undefined>
  /** The account's pacing, for every call of the run and the dry run's schedule alike. */
  pacer: Pacer
  /** The Alibaba Cloud service, with credentials resolved and its calls paced. */
  service(): Promise<RefreshService>
  /** The site as the edge serves it, for verifying (SPEC 4.6). */
  edge(): Promise<EdgeClient>
  clock: Clock
  close(): Promise<void>
}

export interface ConnectOptions {
  settings: Settings
  runner: RunnerEnv
  clock: Clock
  log: Log
  getIdToken(audience: string): Promise<string>
}

/** `<service>-<hash of what the manifest describes>`, when the user gave no `manifest-key`. */
export function manifestKey(settings: Settings): string {
  if (settings.manifestKey) return settings.manifestKey
  const { createHash } = process.getBuiltinModule('node:crypto')
  const described = [
    settings.service,
    settings.service === 'esa' ? settings.site : settings.endpoint.origin,
    settings.outputDir,
    settings.rules.mappings.map((r) => r.text).join('\n'),
    settings.rules.exclusions.map((r) => r.text).join('\n')
  ].join('\0')
  return `edge-refresh-${settings.service}-${createHash('sha256').update(described).digest('hex').slice(0, 16)}`
}

export function connect(options: ConnectOptions): Connections {
  const { settings, runner, clock, log } = options
  const workspace = runner.workspace
  const limits = SERVICE_LIMITS[settings.service]
  const pacer = new Pacer({
    callsPerSecond: limits.callsPerSecond,
    urlRatePerDomain: settings.urlRatePerDomain,
    preloadCallsPerSecond: limits.preloadCallsPerSecond
  })
  // git, and what lists changes with it, load only when a run has a diff or a tree to read.
  const gitModule = () => import('../changes/git.js')
  let gitRunner: Promise<GitRunner> | undefined
  const git: GitRunner = async (args) =>
    (
      await (gitRunner ??= gitModule().then((m) => m.createGitRunner(workspace || '.', runner.all)))
    )(args)
  const closers: (() => Promise<void>)[] = []
  let github: Promise<GitHubApi | undefined> | undefined
  let store: Promise<ManifestStore> | undefined
  let service: Promise<RefreshService> | undefined
  let edge: Promise<EdgeClient> | undefined

  const openGitHub = async (): Promise<GitHubApi | undefined> => {
    if (!settings.githubToken || !runner.repository) return undefined
    const opened = await (
      await import('./github.js')
    ).openGitHub({
      token: settings.githubToken,
      repository: runner.repository,
      apiUrl: runner.apiUrl,
      proxy: runner.proxy,
      deadlines: runner.githubDeadlines,
      clock,
      log: (m) => log.info(m)
    })
    closers.push(opened.close)
    return opened.github
  }

  const openService = async (): Promise<RefreshService> => {
    const { openService } = await import('./alibaba.js')
    const opened = await openService({ ...options, pacer })
    closers.push(opened.close)
    return opened.service
  }

  const openStore = async (): Promise<ManifestStore> => {
    const { createManifestStore } = await import('../cache/manifest-store.js')
    return createManifestStore({
      key: manifestKey(settings),
      runId: runner.runId,
      runAttempt: runner.runAttempt,
      workspace,
      available: runner.cacheAvailable,
      deadlines: runner.githubDeadlines,
      log
    })
  }

  return {
    changes: {
      workspace,
      git,
      github: () => (github ??= openGitHub()),
      manifests: () => (store ??= openStore()),
      log
    },
    async treeAt(commit) {
      const { isGitCheckout, listTree } = await gitModule()
      if (!(await isGitCheckout(workspace, git))) return undefined
      try {
        return await listTree(git, commit)
      } catch {
        return undefined
      }
    },
    pacer,
    clock,
    service: () => (service ??= openService()),
    edge: () =>
      (edge ??= import('../verify/fetch.js').then(({ createEdgeClient }) => {
        const client = createEdgeClient(runner.proxy, clock)
        closers.push(() => client.close())
        return client
      })),
    async close() {
      await Promise.all(closers.map((close) => close()))
    }
  }
}
