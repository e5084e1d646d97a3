import * as core from '@actions/core'
import * as github from '@actions/github'
import { readFileSync } from 'node:fs'
import { ChangeRequest, PushPayload, decideChanges } from './changes/event.js'
import { createGitRunner } from './changes/git.js'
import { ChangesTooLargeError, GitHubRequest } from './changes/github-api.js'
import { ChangeListing, listChangedPaths } from './changes/list.js'
import { Clock, systemClock } from './clock.js'
import { assumeRoleWithOidc, defaultSessionName } from './credentials/oidc.js'
import { ENV_FAMILIES, chooseCredentials } from './credentials/resolve.js'
import { RpcClient } from './dcdn/client.js'
import { DcdnError } from './dcdn/errors.js'
import { AccessKey, signV2, signV3 } from './dcdn/sign.js'
import { DEFAULT_TRANSPORT, HttpPost, createHttpPost } from './dcdn/transport.js'
import { UserError, messageOf } from './errors.js'
import { Settings, readSettings } from './inputs.js'
import { API_VERSION } from './limits.js'
import { checkPlanSize, dedupeTargets, planBatches, scheduleBatches } from './plan.js'
import { preloadUrls } from './preload.js'
import { printUntrusted } from './report/log.js'
import { RunReport } from './report/model.js'
import { buildOutputs } from './report/outputs.js'
import { buildSummary } from './report/summary.js'
import { mapPaths } from './rules/map.js'
import { addSecret, redact } from './secrets.js'
import { checkQuota, fetchQuota, quotaNeeds, submitBatches } from './submit.js'
import { RefreshTarget } from './targets.js'
import { waitForTasks } from './wait.js'

/** The inputs that hold secrets, masked before anything else happens. */
const SECRET_INPUTS = ['access-key-secret', 'security-token', 'github-token']

function maskSecretsEarly(env: NodeJS.ProcessEnv): void {
  for (const name of SECRET_INPUTS) addSecret(core.getInput(name))
  for (const [, secretName, tokenName] of ENV_FAMILIES) {
    addSecret(env[secretName]?.trim())
    addSecret(env[tokenName]?.trim())
  }
}

function readPayload(env: NodeJS.ProcessEnv): PushPayload {
  const path = env.GITHUB_EVENT_PATH
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PushPayload
  } catch (error) {
    throw new UserError(
      `Could not read the event payload at GITHUB_EVENT_PATH: ${messageOf(error)}`
    )
  }
}

function githubApi(
  settings: Settings,
  env: NodeJS.ProcessEnv
): { request: GitHubRequest; repo: { owner: string; repo: string } } | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!settings.githubToken || !owner || !repo) return undefined
  const octokit = github.getOctokit(settings.githubToken)
  return { request: (route, params) => octokit.request(route, params), repo: { owner, repo } }
}

/** Where the paths to map come from: the push's changed files, or none. */
async function changedPaths(
  settings: Settings,
  request: ChangeRequest & { kind: 'diff' | 'created' },
  env: NodeJS.ProcessEnv,
  report: RunReport
): Promise<{ listing?: ChangeListing; fallback: boolean }> {
  if (request.kind === 'created') {
    if (settings.fallback.length > 0) {
      report.notes.push(
        `${request.ref || 'The ref'} is new, so there is no base to diff against: refreshing the fallback targets.`
      )
      return { fallback: true }
    }
    const warning = `${request.ref || 'The ref'} is new, so there is no base to diff against: refreshing the files of its head commit against its parent. Give 'fallback' targets to refresh something broader.`
    core.warning(warning)
    report.notes.push(warning)
  }
  const workspace = env.GITHUB_WORKSPACE ?? ''
  try {
    const listing = await listChangedPaths(
      {
        workspace,
        git: createGitRunner(workspace || process.cwd()),
        github: githubApi(settings, env),
        warn: core.warning,
        debug: core.debug
      },
      request
    )
    return { listing, fallback: false }
  } catch (error) {
    if (error instanceof ChangesTooLargeError && settings.fallback.length > 0) {
      report.notes.push(`${error.message} Refreshing the fallback targets instead.`)
      return { fallback: true }
    }
    if (error instanceof UserError) throw error
    throw new UserError(
      `Could not list the files changed between ${request.kind === 'diff' ? request.base : `${request.head}^`} and ${request.head}: ${messageOf(error)}. ` +
        "Check out the repository before this step (actions/checkout), or give 'github-token' with contents: read, or give 'fallback' targets."
    )
  }
}

/** Works out every target: mapped changed files and `paths`, `urls`, and the fallback if used. */
async function gatherTargets(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  report: RunReport
): Promise<RefreshTarget[] | 'deleted'> {
  let request = decideChanges(
    settings.changedFiles,
    settings,
    env.GITHUB_EVENT_NAME ?? '',
    readPayload(env)
  )
  if (request.kind === 'deleted') {
    report.notes.push(`The push deleted ${request.ref || 'a ref'}: there is nothing to refresh.`)
    return 'deleted'
  }
  if (
    request.kind !== 'none' &&
    settings.rules.mappings.length === 0 &&
    !(request.kind === 'created' && settings.fallback.length > 0)
  ) {
    if (settings.changedFiles === 'true') {
      throw new UserError(
        "changed-files is true, but 'rules' is empty: add rules that turn changed paths into URLs."
      )
    }
    core.info("No 'rules' are given, so the push's changed files are not used.")
    request = { kind: 'none' }
  }
  const targets: RefreshTarget[] = []
  const paths: string[] = []
  if (request.kind === 'diff' || request.kind === 'created') {
    const { listing, fallback } = await changedPaths(settings, request, env, report)
    if (fallback) targets.push(...settings.fallback)
    if (listing) {
      report.changes = listing
      paths.push(...listing.paths)
      core.startGroup(
        `${listing.paths.length} changed files from ${listing.source} (${listing.base}..${listing.head})`
      )
      printUntrusted(core.info, listing.paths)
      core.endGroup()
    }
  }
  paths.push(...settings.paths)
  if (paths.length > 0 || settings.rules.mappings.length > 0) {
    const unique = [...new Set(paths)]
    const mapping = mapPaths(unique, settings.rules)
    report.mapping = {
      paths: unique.length,
      hits: mapping.hits,
      excluded: mapping.excluded,
      unmatched: mapping.unmatched
    }
    targets.push(...mapping.targets)
  }
  targets.push(...settings.urls)
  return dedupeTargets(targets)
}

async function credentialsFor(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  post: HttpPost,
  clock: Clock
): Promise<AccessKey> {
  const choice = chooseCredentials(settings.credentials, env)
  if (choice.kind === 'key') {
    addSecret(choice.resolved.key.accessKeySecret)
    addSecret(choice.resolved.key.securityToken)
    if (settings.credentials.roleArn !== '' && choice.resolved.source.includes('input')) {
      core.warning(
        "Both access keys and 'role-arn' are given; the access keys are used and OIDC is skipped."
      )
    }
    core.info(`Using credentials from ${choice.resolved.source}.`)
    return choice.resolved.key
  }
  core.info(`Assuming ${settings.credentials.roleArn} through GitHub OIDC.`)
  return assumeRoleWithOidc({
    roleArn: settings.credentials.roleArn,
    oidcProviderArn: settings.credentials.oidcProviderArn,
    roleSessionName: settings.credentials.roleSessionName || defaultSessionName(env.GITHUB_RUN_ID),
    audience: settings.credentials.audience,
    stsEndpoint: settings.stsEndpoint,
    getIdToken: (audience) => core.getIDToken(audience),
    env,
    post,
    clock
  })
}

function timeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env.DCDN_REFRESH_REQUEST_TIMEOUT_MS)
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TRANSPORT.requestTimeoutMs
}

/** Submits the plan, then waits and prefetches as asked; returns the messages that fail the step. */
async function refresh(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  report: RunReport,
  clock: Clock
): Promise<string[]> {
  const http = createHttpPost({ ...DEFAULT_TRANSPORT, requestTimeoutMs: timeoutFromEnv(env) })
  try {
    const key = await credentialsFor(settings, env, http.post, clock)
    const client = new RpcClient({
      endpoint: settings.endpoint,
      version: API_VERSION.dcdn,
      signer: settings.signatureVersion === 'v2' ? signV2 : signV3,
      key,
      post: http.post,
      clock
    })
    const fileUrls = (batches: typeof report.batches) =>
      batches.filter((b) => b.type === 'File').flatMap((b) => b.urls)
    if (settings.quotaCheck) {
      report.quotaBefore = await fetchQuota(client, clock, core.info)
      report.quotaNeeds = quotaNeeds(
        report.batches,
        report.quotaBefore,
        settings.preload ? fileUrls(report.batches).length : 0
      )
      checkQuota(report.quotaNeeds)
    }
    core.startGroup(
      `Submitting ${report.targets.length} objects in ${report.batches.length} batches`
    )
    report.outcomes = await submitBatches(report.batches, {
      client,
      clock,
      pacing: { urlRatePerDomain: settings.urlRatePerDomain },
      force: settings.force,
      log: core.info
    })
    core.endGroup()
    const failures: string[] = []
    const failed = report.outcomes.filter((o) => !o.ok)
    report.status = failed.length > 0 ? 'failed' : 'submitted'
    if (failed.length > 0) {
      failures.push(
        `${failed.length} of ${report.outcomes.length} batches failed; the others were submitted:\n` +
          failed
            .map(
              (o) =>
                `- batch ${report.outcomes!.indexOf(o) + 1} (${o.batch.urls.length} ${o.batch.type}): ${o.error?.message}`
            )
            .join('\n')
      )
    }
    if (settings.quotaCheck) {
      try {
        report.quotaAfter = await fetchQuota(client, clock, core.info)
      } catch (error) {
        core.warning(`Could not read the quota after submitting: ${messageOf(error)}`)
      }
    }
    const taskIds = report.outcomes.flatMap((o) => o.taskIds)
    if (settings.wait && taskIds.length > 0) {
      core.startGroup(`Waiting up to ${settings.waitTimeoutSeconds} s for ${taskIds.length} tasks`)
      report.wait = await waitForTasks(taskIds, {
        client,
        clock,
        timeoutMs: settings.waitTimeoutSeconds * 1000,
        log: core.info
      })
      core.endGroup()
      if (failed.length === 0) report.status = report.wait.status
      if (report.wait.status === 'timeout') {
        const unfinished = report.wait.tasks.filter(
          (t) => t.status !== 'Complete' && t.status !== 'Failed'
        )
        const open = new Set(unfinished.map((t) => t.taskId)).size
        core.warning(
          `${open} of ${taskIds.length} refresh tasks had not finished after ${settings.waitTimeoutSeconds} s (wait-timeout); they go on in DCDN.`
        )
      }
      const failedTasks = report.wait.tasks.filter((t) => t.status === 'Failed')
      if (failedTasks.length > 0) {
        report.status = 'failed'
        failures.push(
          `${failedTasks.length} objects failed to refresh:\n` +
            failedTasks
              .map(
                (t) => `- task ${t.taskId} ${t.objectPath}: ${t.description || 'no reason given'}`
              )
              .join('\n')
        )
      }
    }
    if (settings.preload) {
      const urls = fileUrls(report.outcomes.filter((o) => o.ok).map((o) => o.batch))
      core.startGroup(`Prefetching ${urls.length} URLs`)
      report.preload = await preloadUrls(urls, {
        client,
        clock,
        area: settings.preloadArea,
        log: core.info
      })
      core.endGroup()
      const failedPreloads = report.preload.filter((p) => !p.ok)
      if (failedPreloads.length > 0) {
        report.status = 'failed'
        failures.push(
          `${failedPreloads.length} prefetch requests failed:\n` +
            failedPreloads.map((p) => `- ${p.urls.length} URLs: ${p.error?.message}`).join('\n')
        )
      }
    }
    return failures
  } finally {
    await http.close()
  }
}

async function writeReport(report: RunReport, env: NodeJS.ProcessEnv): Promise<void> {
  const { outputs, warnings } = buildOutputs(report)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value))
  for (const warning of warnings) core.warning(warning)
  if (env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(redact(buildSummary(report))).write()
    } catch (error) {
      core.warning(`Could not write the job summary: ${messageOf(error)}`)
    }
  }
}

/** The action: inputs → changes → targets → plan → submit → report. */
export async function run(
  env: NodeJS.ProcessEnv = process.env,
  clock: Clock = systemClock
): Promise<void> {
  let report: RunReport | undefined
  try {
    maskSecretsEarly(env)
    const settings = readSettings((name) => core.getInput(name))
    report = { status: 'nothing-to-do', notes: [], targets: [], batches: [] }
    const targets = await gatherTargets(settings, env, report)
    if (targets === 'deleted' || targets.length === 0) {
      if (targets !== 'deleted')
        report.notes.push(
          'No rule matched a changed path and no URLs were given: there is nothing to refresh.'
        )
      core.info(report.notes.join('\n'))
      return
    }
    report.targets = targets
    checkPlanSize(targets, settings.maxObjects)
    report.batches = planBatches(targets, settings)
    core.startGroup(`Plan: ${targets.length} objects in ${report.batches.length} batches`)
    printUntrusted(
      core.info,
      targets.map((t) => `${t.type} ${t.url}`)
    )
    core.endGroup()
    if (settings.dryRun) {
      report.status = 'dry-run'
      report.schedule = scheduleBatches(report.batches, 0, {
        urlRatePerDomain: settings.urlRatePerDomain
      })
      report.notes.push('Dry run: nothing was sent to Alibaba Cloud.')
      return
    }
    const failures = await refresh(settings, env, report, clock)
    if (failures.length > 0) core.setFailed(redact(failures.join('\n')))
  } catch (error) {
    if (report) report.status = 'failed'
    if (error instanceof UserError || error instanceof DcdnError) {
      core.setFailed(redact(error.message))
    } else {
      core.setFailed(redact(`Unexpected error: ${messageOf(error)}`))
      if (error instanceof Error && error.stack) core.info(redact(error.stack))
    }
  } finally {
    if (report) await writeReport(report, env)
  }
}
