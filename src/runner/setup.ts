import { readFileSync } from 'node:fs'
import type { ChangeSettings, RunFacts } from '../changes/collect.js'
import type { PushPayload } from '../changes/event.js'
import { CREDENTIAL_VARIABLES } from '../credentials/resolve.js'
import { PlanLimits } from '../plan/batches.js'
import { SERVICE_LIMITS, SERVICE_NAMES } from '../services/limits.js'
import type { SubmitSettings } from '../submit/stage.js'
import { GivenTargets, parseTargetLines } from '../targets/target.js'
import { UserError, messageOf } from '../util/errors.js'
import { RunnerEnv } from './environment.js'
import {
  SECRET_INPUTS,
  Settings,
  describeSettings,
  inputFromEnv,
  parsePathLines,
  readSettings,
  targetFormOf
} from './inputs.js'
import { commands } from './commands.js'
import { addSecret } from './secrets.js'

// The inputs stage: every input, the runner's environment, the list files and the event, read
// once, with every secret masked before anything else is printed.

export interface Setup {
  settings: Settings
  runner: RunnerEnv
  /** The lines of `paths-file` and `urls-file`. */
  lists: { paths: string[]; targets: GivenTargets }
  changeSettings: ChangeSettings
  facts: RunFacts
}

type Env = Readonly<Record<string, string | undefined>>

/** Masks every secret the run could meet, before anything else is printed. */
function maskSecretsEarly(env: Env): void {
  const input = inputFromEnv(env)
  for (const name of SECRET_INPUTS) addSecret(input(name))
  for (const name of CREDENTIAL_VARIABLES)
    if (!/_ID$|_ACCESS_KEY$/.test(name)) addSecret(env[name]?.trim())
  // The runner's own tokens: the cache library and the OIDC request carry them.
  for (const name of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
    addSecret(env[name])
}

/** The service's name for the report, as soon as the `service` input says it; empty if it cannot. */
export function serviceNameOf(env: Env): string {
  const service = inputFromEnv(env)('service') || 'dcdn'
  return (SERVICE_NAMES as string[]).includes(service)
    ? SERVICE_LIMITS[service as keyof typeof SERVICE_LIMITS].name
    : ''
}

function readPayload(runner: RunnerEnv): PushPayload {
  if (!runner.eventPath) return {}
  try {
    return JSON.parse(readFileSync(runner.eventPath, 'utf8')) as PushPayload
  } catch (error) {
    throw new UserError(
      `Could not read the event payload at GITHUB_EVENT_PATH: ${messageOf(error)}`
    )
  }
}

export async function readSetup(env: Env, runner: RunnerEnv): Promise<Setup> {
  maskSecretsEarly(env)
  const read = await readSettings(inputFromEnv(env))
  const { workspace } = runner
  // Files the inputs name lie inside the workspace, symlinks resolved (SPEC 4.1.4); what checks
  // them loads only when an input names one.
  const names = read.outputDir || read.pathsFile || read.urlsFile
  const { readListFile, workspacePath } = names
    ? await import('./files.js')
    : { readListFile: () => '', workspacePath: (_w: string, _i: string, value: string) => value }
  const settings: Settings = {
    ...read,
    outputDir: workspacePath(workspace, 'output-dir', read.outputDir),
    pathsFile: workspacePath(workspace, 'paths-file', read.pathsFile),
    urlsFile: workspacePath(workspace, 'urls-file', read.urlsFile)
  }
  for (const line of describeSettings(settings)) commands.debug(line)
  const lists = {
    paths: settings.pathsFile
      ? parsePathLines(
          readListFile(workspace, 'paths-file', settings.pathsFile),
          `paths-file (${settings.pathsFile})`
        )
      : [],
    targets: settings.urlsFile
      ? parseTargetLines(
          readListFile(workspace, 'urls-file', settings.urlsFile),
          `urls-file (${settings.urlsFile})`,
          targetFormOf(settings.service)
        )
      : { urls: [], tags: [] }
  }
  const payload = readPayload(runner)
  return {
    settings,
    runner,
    lists,
    changeSettings: {
      changedFiles: settings.changedFiles,
      base: settings.base,
      head: settings.head,
      outputDir: settings.outputDir,
      rules: settings.rules,
      hasFallback: settings.fallback.urls.length + settings.fallback.tags.length > 0
    },
    facts: {
      eventName: runner.eventName,
      payload,
      repository: runner.repositoryName,
      runId: runner.runId,
      runNumber: runner.runNumber,
      sha: runner.sha,
      refName: runner.refName
    }
  }
}

/** What the planner needs of the service and the inputs. */
export function planLimitsOf(settings: Settings): PlanLimits {
  const service = SERVICE_LIMITS[settings.service]
  return {
    maxUrlsPerRequest: settings.maxUrlsPerRequest,
    urlRatePerDomain: settings.urlRatePerDomain,
    directoriesPerRequest: service.directoriesPerRequest,
    regexesPerRequest: service.regexesPerRequest,
    hostsPerRequest: service.hostsPerRequest,
    tagCharsPerRequest: service.tagCharsPerRequest,
    tagsPerRequest: service.tagsPerRequest
  }
}

/** What the submit stage needs of the inputs: `verify` waits for the tasks as `wait` does. */
export function submitSettingsOf(settings: Settings): SubmitSettings {
  return {
    force: settings.force,
    quotaCheck: settings.quotaCheck,
    wait: settings.wait || settings.verify !== 'off',
    waitTimeoutSeconds: settings.waitTimeoutSeconds,
    preload: settings.preload,
    preloadArea: settings.preloadArea
  }
}
