import * as core from '@actions/core'
import { gatherTargets } from './collect.js'
import { Clock, systemClock } from './clock.js'
import { ENV_FAMILIES } from './credentials/resolve.js'
import { DcdnError } from './dcdn/errors.js'
import { UserError, messageOf } from './errors.js'
import { describeSettings, readSettings } from './inputs.js'
import { checkPlanSize, planBatches, scheduleBatches } from './plan.js'
import { printUntrusted } from './report/log.js'
import { RunReport } from './report/model.js'
import { buildOutputs } from './report/outputs.js'
import { buildSummary } from './report/summary.js'
import { refresh } from './refresh.js'
import { addSecret, redact } from './secrets.js'

/** The inputs that hold secrets, masked before anything else happens. */
const SECRET_INPUTS = ['access-key-secret', 'security-token', 'github-token']

function maskSecretsEarly(env: NodeJS.ProcessEnv): void {
  for (const name of SECRET_INPUTS) addSecret(core.getInput(name))
  for (const [, secretName, tokenName] of ENV_FAMILIES) {
    addSecret(env[secretName]?.trim())
    addSecret(env[tokenName]?.trim())
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
    for (const line of describeSettings(settings)) core.debug(line)
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
