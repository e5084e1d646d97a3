import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ApiError } from './api/errors.js'
import { Changes, collectChanges } from './changes/collect.js'
import { PushPayload } from './changes/event.js'
import { Clock, systemClock } from './clock.js'
import { commands as core, getIdToken } from './commands.js'
import { Edges, connectEdges } from './connect.js'
import { CREDENTIAL_VARIABLES } from './credentials/resolve.js'
import { UserError, messageOf } from './errors.js'
import {
  SECRET_INPUTS,
  Settings,
  describeSettings,
  inputFromEnv,
  parsePathLines,
  parseServiceTargets,
  readSettings
} from './inputs.js'
import { Log, inert, plural, printUntrusted } from './log.js'
import { countByType } from './plan/budget.js'
import { scheduleBatches } from './plan/pacing.js'
import { collapseBudgets, needsCollapse, planRefresh } from './plan/plan.js'
import { RunReport, newReport } from './report/model.js'
import { failuresOf, fullySucceeded } from './report/status.js'
import { writeReport } from './report/write.js'
import { RunnerEnv, readRunnerEnv } from './runner.js'
import { addSecret, redact } from './secrets.js'
import { SERVICE_LIMITS } from './services/limits.js'
import { fetchQuota } from './submit/quota.js'
import { submitPlan } from './submit/sequence.js'
import { buildTargets, knownFileUrls } from './targets/build.js'
import { RefreshTarget } from './targets/target.js'

const DEFAULT_REQUEST_TIMEOUT_MS = 20_000

/** The step's log: every line redacted, untrusted text made inert. */
function actionLog(): Log {
  const info = (message: string) => {
    const line = redact(inert(message))
    // A line that starts like a workflow command is printed as untrusted text.
    if (/^\s*::/.test(line)) printUntrusted(core.info, [line])
    else core.info(line)
  }
  return {
    info,
    warning: (message) => core.warning(redact(message)),
    untrusted: (lines) => printUntrusted((text) => core.info(redact(text)), lines),
    async group(title, phase) {
      core.startGroup(redact(inert(title)))
      try {
        return await phase()
      } finally {
        core.endGroup()
      }
    }
  }
}

/** Masks every secret the run could meet, before anything else is printed. */
function maskSecretsEarly(env: Readonly<Record<string, string | undefined>>): void {
  const input = inputFromEnv(env)
  for (const name of SECRET_INPUTS) addSecret(input(name))
  for (const name of CREDENTIAL_VARIABLES)
    if (!/_ID$|_ACCESS_KEY$/.test(name)) addSecret(env[name]?.trim())
  // The runner's own tokens: the cache library and the OIDC request carry them.
  for (const name of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
    addSecret(env[name])
}

async function readPayload(runner: RunnerEnv): Promise<PushPayload> {
  if (!runner.eventPath) return {}
  try {
    return JSON.parse(readFileSync(runner.eventPath, 'utf8')) as PushPayload
  } catch (error) {
    throw new UserError(
      `Could not read the event payload at GITHUB_EVENT_PATH: ${messageOf(error)}`
    )
  }
}

/** A `paths-file` or `urls-file` from the workspace; a missing file names the input. */
async function readListFile(runner: RunnerEnv, input: string, path: string): Promise<string> {
  try {
    return readFileSync(join(runner.workspace, path), 'utf8')
  } catch (error) {
    throw new UserError(
      `Input '${input}': could not read '${path}' in the workspace: ${messageOf(error)}`
    )
  }
}

/** The File URLs of the whole deployed tree, for choosing directories with the least collateral. */
async function knownUrls(
  settings: Settings,
  changes: Changes,
  edges: Edges
): Promise<string[] | undefined> {
  if (changes.manifest) return knownFileUrls(changes.manifest.current.keys(), settings.rules)
  const head = changes.source?.kind === 'git' ? changes.source.listing.head : 'HEAD'
  const tree = await edges.treeAt(head)
  return tree ? knownFileUrls(tree, settings.rules) : undefined
}

/** The action: inputs → changes → targets → plan → submit → report. */
export async function run(
  env: Readonly<Record<string, string | undefined>> = process.env,
  clock: Clock = systemClock
): Promise<void> {
  const log = actionLog()
  let report: RunReport | undefined
  let runner: RunnerEnv | undefined
  let edges: Edges | undefined
  let changes: Changes | undefined
  try {
    maskSecretsEarly(env)
    runner = readRunnerEnv(env, CREDENTIAL_VARIABLES, DEFAULT_REQUEST_TIMEOUT_MS)
    const settings = readSettings(inputFromEnv(env))
    for (const line of describeSettings(settings)) core.debug(line)
    const service = SERVICE_LIMITS[settings.service]
    report = newReport(service.name, settings.dryRun)
    const filePaths = settings.pathsFile
      ? parsePathLines(
          await readListFile(runner, 'paths-file', settings.pathsFile),
          `paths-file (${settings.pathsFile})`
        )
      : []
    const fileUrls = settings.urlsFile
      ? parseServiceTargets(
          await readListFile(runner, 'urls-file', settings.urlsFile),
          `urls-file (${settings.urlsFile})`,
          settings.service
        )
      : []
    const payload = await readPayload(runner)
    edges = connectEdges({
      settings,
      runner,
      clock,
      log,
      getIdToken
    })

    changes = await collectChanges(
      settings,
      {
        eventName: runner.eventName,
        payload,
        runId: runner.runId,
        runNumber: env.GITHUB_RUN_NUMBER,
        sha: runner.sha,
        refName: runner.refName
      },
      edges.changes
    )
    for (const note of changes.notes) report.notes.push(note)
    report.changes = changes.source
    if (changes.nothingToDo) {
      report.nothingToDo = changes.nothingToDo
      log.info(changes.nothingToDo)
      return
    }
    if (changes.source) {
      const where =
        changes.source.kind === 'manifest'
          ? `${plural(changes.paths.length, 'changed deployed file')} of ${changes.source.files}`
          : `${plural(changes.paths.length, 'changed file')} from ${changes.source.listing.source} (${changes.source.listing.base}..${changes.source.listing.head})`
      await log.group(where, async () => log.untrusted(changes!.paths))
    }

    const paths: string[] = []
    for (const list of [changes.paths, settings.paths, filePaths])
      for (const p of list) paths.push(p)
    const given: RefreshTarget[] = []
    for (const list of [changes.fallback ? settings.fallback : [], settings.urls, fileUrls])
      for (const t of list) given.push(t)
    const built = buildTargets(paths, settings.rules, given)
    report.mapping = built.mapping
    report.targets = built.targets
    if (built.targets.length === 0) {
      report.notes.push(
        'No rule matched a changed path and no URLs were given: there is nothing to refresh.'
      )
      log.info(report.notes.join('\n'))
      return
    }

    const planOptions = {
      limits: {
        maxUrlsPerRequest: settings.maxUrlsPerRequest,
        urlRatePerDomain: settings.urlRatePerDomain,
        directoriesPerRequest: service.directoriesPerRequest,
        regexesPerRequest: service.regexesPerRequest,
        hostsPerRequest: service.hostsPerRequest
      },
      maxObjects: settings.maxObjects,
      collapse: settings.collapse,
      preload: settings.preload,
      service: service.name
    }
    let edgeService
    if (!settings.dryRun) {
      edgeService = await edges.service()
      if (settings.quotaCheck) {
        report.quotaBefore = await fetchQuota(edgeService, clock, (m) => log.info(m))
      }
    }
    const budgets = collapseBudgets(built.targets, settings.maxObjects, report.quotaBefore)
    const known =
      settings.collapse === 'auto' && needsCollapse(built.targets, budgets)
        ? await knownUrls(settings, changes, edges)
        : undefined
    const plan = planRefresh(built.targets, { ...planOptions, quota: report.quotaBefore }, known)
    report.plan = plan
    report.targets = plan.targets
    if (plan.collapsed && plan.collapsed.length > 0) {
      const counts = countByType(plan.targets)
      log.info(
        `${plan.fileUrlsBefore} File URLs do not fit today's budget: ${plural(plan.collapsed.length, 'directory', 'directories')} stand for ${plan.fileUrlsBefore! - counts.File} of them, and ${counts.File} remain as URLs.`
      )
      log.untrusted(plan.collapsed.map((d) => `${d.url} replaces ${plural(d.replaced, 'URL')}`))
    }
    await log.group(
      `Plan: ${plural(plan.targets.length, 'object')} in ${plural(plan.batches.length, 'batch', 'batches')}`,
      async () => log.untrusted(plan.targets.map((t) => `${t.type} ${t.url}`))
    )
    if (settings.dryRun) {
      report.schedule = scheduleBatches(plan.batches, 0, {
        urlRatePerDomain: settings.urlRatePerDomain,
        callsPerSecond: service.callsPerSecond
      })
      const note = `Dry run: nothing was sent to ${service.name}.`
      report.notes.push(note)
      log.info(note)
      return
    }
    await submitPlan(
      plan,
      settings,
      { service: edgeService!, clock, log },
      {
        outcomes: (v) => (report!.outcomes = v),
        quotaAfter: (v) => (report!.quotaAfter = v),
        wait: (v) => {
          report!.wait = v
          report!.waitTimeoutSeconds = settings.waitTimeoutSeconds
        },
        preload: (v) => (report!.preload = v),
        preloadSkipped: (v) => (report!.preloadSkipped = v)
      }
    )
    const failures = failuresOf(report)
    if (failures.length > 0) core.setFailed(redact(failures.join('\n')))
  } catch (error) {
    const message =
      error instanceof UserError || error instanceof ApiError
        ? error.message
        : `Unexpected error: ${messageOf(error)}`
    if (report) report.fatal = redact(message)
    core.setFailed(redact(message))
    if (!(error instanceof UserError || error instanceof ApiError) && error instanceof Error)
      core.info(redact(error.stack ?? ''))
  } finally {
    try {
      if (report && changes?.manifest && edges && !report.dryRun && fullySucceeded(report)) {
        const store = await edges.changes.manifests()
        const { current, origin } = changes.manifest
        report.manifestSaved = await log.group('Saving the manifest to the Actions cache', () =>
          store.save(current, origin)
        )
      } else if (report && changes?.manifest && !report.dryRun) {
        report.manifestSaved = false
      }
      await edges?.close()
    } catch (error) {
      log.warning(`Could not finish cleanly: ${messageOf(error)}`)
    }
    if (report) {
      await writeReport(report, {
        outputPath: runner?.outputPath ?? '',
        summaryPath: runner?.summaryPath ?? '',
        warning: (m) => log.warning(m),
        redact
      })
    }
  }
}
