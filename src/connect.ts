import type { ManifestStore } from './cache/manifest-store.js'
import { ChangeEdges, GitHubApi } from './changes/collect.js'
import { GitRunner, createGitRunner, isGitCheckout, listTree } from './changes/git.js'
import { retryingRequest } from './changes/github-api.js'
import { Clock } from './clock.js'
import { Settings } from './inputs.js'
import { Log } from './log.js'
import { RunnerEnv } from './runner.js'
import type { EdgeService } from './services/service.js'

/** Every connection to the outside, built here and handed to the stages; closed at the end. */
export interface Edges {
  changes: ChangeEdges
  /** The paths of the tree at a commit, when there is a checkout; for collapsing. */
  treeAt(commit: string): Promise<string[] | undefined>
  /** The Alibaba Cloud service, with credentials resolved and its calls paced. */
  service(): Promise<EdgeService>
  close(): Promise<void>
}

export interface EdgeOptions {
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

export function connectEdges(options: EdgeOptions): Edges {
  const { settings, runner, clock, log } = options
  const workspace = runner.workspace
  const git: GitRunner = createGitRunner(workspace || '.', runner.all)
  let github: Promise<GitHubApi | undefined> | undefined
  let store: Promise<ManifestStore> | undefined
  let closeService: (() => Promise<void>) | undefined
  let service: Promise<EdgeService> | undefined

  const loadGitHub = async (): Promise<GitHubApi | undefined> => {
    if (!settings.githubToken || !runner.repository) return undefined
    // Loaded only now: @actions/github reads the event payload as it loads.
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(settings.githubToken, { baseUrl: runner.apiUrl })
    return {
      request: retryingRequest(
        (route, params) => octokit.request(route, params),
        clock,
        (m) => log.info(m)
      ),
      repo: runner.repository
    }
  }

  const connectService = async (): Promise<EdgeService> => {
    const { openService } = await import('./alibaba.js')
    const opened = await openService(options)
    closeService = opened.close
    return opened.service
  }

  return {
    changes: {
      workspace,
      git,
      github: () => (github ??= loadGitHub()),
      manifests: () =>
        (store ??= import('./cache/manifest-store.js').then(({ createManifestStore }) =>
          createManifestStore({
            key: manifestKey(settings),
            runId: runner.runId,
            runAttempt: runner.runAttempt,
            workspace,
            available: runner.cacheAvailable,
            warn: (m) => log.warning(m),
            info: (m) => log.info(m)
          })
        )),
      log
    },
    async treeAt(commit) {
      if (!(await isGitCheckout(workspace, git))) return undefined
      try {
        return await listTree(git, commit)
      } catch {
        return undefined
      }
    },
    service: () => (service ??= connectService()),
    async close() {
      await closeService?.()
    }
  }
}
