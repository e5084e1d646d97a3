import * as core from '@actions/core'
import { Clock } from './clock.js'
import { assumeRoleWithOidc, defaultSessionName } from './credentials/oidc.js'
import { chooseCredentials } from './credentials/resolve.js'
import { RpcClient } from './dcdn/client.js'
import { AccessKey, signV2, signV3 } from './dcdn/sign.js'
import { DEFAULT_TRANSPORT, HttpPost, createHttpPost } from './dcdn/transport.js'
import { messageOf } from './errors.js'
import { Settings } from './inputs.js'
import { API_VERSION } from './limits.js'
import { Batch } from './plan.js'
import { preloadUrls } from './preload.js'
import { inert } from './report/log.js'
import { RunReport } from './report/model.js'
import { addSecret } from './secrets.js'
import { checkQuota, fetchQuota, quotaNeeds, submitBatches } from './submit.js'
import { waitForTasks } from './wait.js'

// The Alibaba Cloud side of a run: credentials, the quota check, submission, the wait and the
// prefetch. Progress lines may quote DCDN's messages, so they are made inert before printing.
const log = (message: string) => core.info(inert(message))

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
    if (settings.credentials.roleArn !== '' && settings.credentials.accessKeyId !== '') {
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
    clock,
    log
  })
}

function timeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env.DCDN_REFRESH_REQUEST_TIMEOUT_MS)
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TRANSPORT.requestTimeoutMs
}

/** Submits the plan, then waits and prefetches as asked; returns the messages that fail the step. */
export async function refresh(
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
    const fileUrls = (batches: Batch[]) =>
      batches.filter((b) => b.type === 'File').flatMap((b) => b.urls)
    if (settings.quotaCheck) {
      report.quotaBefore = await fetchQuota(client, clock, log)
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
      log
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
        report.quotaAfter = await fetchQuota(client, clock, log)
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
        log
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
      // With quota-check the prefetch need was checked before the refresh; without it, check now.
      const remain = settings.quotaCheck
        ? Infinity
        : (await fetchQuota(client, clock, log)).remain.Preload
      if (urls.length > remain) {
        report.status = 'failed'
        failures.push(
          `Prefetch skipped: it needs ${urls.length} URLs but only ${remain} remain of today's prefetch quota. The refresh itself was submitted.`
        )
        return failures
      }
      core.startGroup(`Prefetching ${urls.length} URLs`)
      report.preload = await preloadUrls(urls, {
        client,
        clock,
        area: settings.preloadArea,
        log
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
