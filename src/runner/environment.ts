import { ProxyEnv } from '../api/proxy.js'
import { CREDENTIAL_VARIABLES } from '../credentials/resolve.js'

/** How long a GitHub service (the REST API, the Actions cache) may stay silent (SPEC 4.1.4). */
export interface Deadlines {
  /** A call silent this long is given up. */
  callMs: number
  /** The silence one service may cost in all, retries included. */
  totalMs: number
}

const GITHUB_DEADLINES: Deadlines = { callMs: 30_000, totalMs: 90_000 }

/** Everything the action takes from the runner's environment, read once by main.ts. */
export interface RunnerEnv {
  eventName: string
  /** The event payload file; empty on a local run. */
  eventPath: string
  workspace: string
  /** `owner/repo`, split; undefined when GITHUB_REPOSITORY is missing. */
  repository?: { owner: string; repo: string }
  /** GITHUB_REPOSITORY as given. */
  repositoryName: string
  runId: string
  runAttempt: string
  /** The run's number in its workflow, for the summary. */
  runNumber: string
  /** The commit and ref the workflow runs on. */
  sha: string
  refName: string
  apiUrl: string
  outputPath: string
  summaryPath: string
  /** Whether the job may request an OIDC token (permissions: id-token: write). */
  idTokenAvailable: boolean
  /** Whether the Actions cache service is reachable from this job. */
  cacheAvailable: boolean
  proxy: ProxyEnv
  /** The Alibaba Cloud credential variables, by name. */
  credentials: Readonly<Record<string, string | undefined>>
  /** The whole environment, for child processes (git). */
  all: Readonly<Record<string, string | undefined>>
  /** Time to connect to an API, and for a whole request (DCDN_REFRESH_REQUEST_TIMEOUT_MS). */
  connectTimeoutMs: number
  requestTimeoutMs: number
  /** The GitHub services' deadlines (SPEC 4.1.4): 30 s a call, 90 s in all; tests shorten them. */
  githubDeadlines: Deadlines
}

/** Each API request gets 10 s to connect and 20 s in all before it counts as a network error. */
const TIMEOUTS = { connectMs: 10_000, requestMs: 20_000 }

const PROXY_NAMES = ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY']

export function readRunnerEnv(env: Readonly<Record<string, string | undefined>>): RunnerEnv {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const proxy: Record<string, string | undefined> = {}
  for (const name of PROXY_NAMES) {
    proxy[name] = env[name]
    proxy[name.toLowerCase()] = env[name.toLowerCase()]
  }
  const credentials: Record<string, string | undefined> = {}
  for (const name of CREDENTIAL_VARIABLES) credentials[name] = env[name]
  const timeout = Number(env.DCDN_REFRESH_REQUEST_TIMEOUT_MS)
  const githubCall = Number(env.DCDN_REFRESH_GITHUB_TIMEOUT_MS)
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH ?? '',
    workspace: env.GITHUB_WORKSPACE ?? '',
    repository: owner && repo ? { owner, repo } : undefined,
    repositoryName: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    runNumber: env.GITHUB_RUN_NUMBER ?? '',
    sha: env.GITHUB_SHA ?? '',
    refName: env.GITHUB_REF_NAME ?? '',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    outputPath: env.GITHUB_OUTPUT ?? '',
    summaryPath: env.GITHUB_STEP_SUMMARY ?? '',
    idTokenAvailable: Boolean(
      env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    ),
    cacheAvailable: Boolean(
      (env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL) && env.ACTIONS_RUNTIME_TOKEN
    ),
    proxy,
    credentials,
    all: env,
    connectTimeoutMs: TIMEOUTS.connectMs,
    requestTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : TIMEOUTS.requestMs,
    githubDeadlines:
      Number.isFinite(githubCall) && githubCall > 0
        ? { callMs: githubCall, totalMs: 3 * githubCall }
        : GITHUB_DEADLINES
  }
}
