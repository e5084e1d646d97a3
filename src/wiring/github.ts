// The GitHub REST API for the changes stage: Octokit from @actions/github (loaded only when a run
// needs it), on a fetch whose every call has a deadline, through the runner's proxy.
import type { ProxyEnv } from '../api/proxy.js'
import type { Deadlines } from '../runner/environment.js'
import type { GitHubApi } from '../changes/collect.js'
import { retryingRequest } from '../changes/github-api.js'
import { Clock } from '../util/clock.js'

export interface GitHubOptions {
  token: string
  repository: { owner: string; repo: string }
  apiUrl: string
  proxy: ProxyEnv
  deadlines: Deadlines
  clock: Clock
  log(message: string): void
}

/**
 * Opens the API. Each call is given up when no byte of an answer has come for `callMs` (a
 * transfer still moving data goes on); the retries stop once the API has been silent for
 * `totalMs` in all. `close` ends the connections it kept.
 */
export async function openGitHub(
  options: GitHubOptions
): Promise<{ github: GitHubApi; close(): Promise<void> }> {
  const [{ getOctokit }, { fetch }, { createDispatchers }] = await Promise.all([
    import('@actions/github'),
    import('undici'),
    import('../api/dispatchers.js')
  ])
  const { callMs } = options.deadlines
  const dispatchers = createDispatchers(options.proxy, {
    connect: { timeout: callMs },
    headersTimeout: callMs,
    bodyTimeout: callMs
  })
  const deadlineFetch = (url: string | URL, init?: Record<string, unknown>) =>
    fetch(url, { ...init, dispatcher: dispatchers.for(new URL(String(url))) } as Parameters<
      typeof fetch
    >[1])
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl,
    request: { fetch: deadlineFetch }
  })
  return {
    github: {
      request: retryingRequest(
        (route, params) => octokit.request(route, params),
        options.clock,
        options.log,
        options.deadlines
      ),
      repo: options.repository
    },
    close: () => dispatchers.close()
  }
}
