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
import { Quota, countByType } from './plan/budget.js'
import { scheduleBatches } from './plan/pacing.js'
import { Plan, PlanOptions, collapseBudgets, needsCollapse, planRefresh } from './plan/plan.js'
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

/** A `paths-file` or `urls-file` from the workspace; a missing file names the input. */
function readListFile(runner: RunnerEnv, input: string, path: string): string {
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

/** The paths and targets from `paths-file` and `urls-file`, when given. */
function readListFiles(
  settings: Settings,
  runner: RunnerEnv
): { paths: string[]; targets: RefreshTarget[] } {
  const { pathsFile, urlsFile } = settings
  return {
    paths: pathsFile
      ? parsePathLines(readListFile(runner, 'paths-file', pathsFile), `paths-file (${pathsFile})`)
      : [],
    targets: urlsFile
      ? parseServiceTargets(
          readListFile(runner, 'urls-file', urlsFile),
          `urls-file (${urlsFile})`,
          settings.service
        )
      : []
  }
}

/** The changed paths, printed as a group the reader can open. */
async function printChanges(changes: Changes, log: Log): Promise<void> {
  const source = changes.source
  if (!source) return
  const title =
    source.kind === 'manifest'
      ? `${plural(changes.paths.length, 'changed deployed file')} of ${source.files}`
      : `${plural(changes.paths.length, 'changed file')} from ${source.listing.source} (${source.listing.base}..${source.listing.head})`
  await log.group(title, async () => log.untrusted(changes.paths))
}

/** The plan, its collapsed directories first, printed inertly. */
async function printPlan(plan: Plan, log: Log): Promise<void> {
  if (plan.collapsed && plan.collapsed.length > 0) {
    const before = plan.fileUrlsBefore ?? 0
    const left = countByType(plan.targets).File
    log.info(
      `${before} File URLs do not fit their budget: ${plural(plan.collapsed.length, 'directory', 'directories')} ${plan.collapsed.length === 1 ? 'stands' : 'stand'} for ${before - left} of them, and ${left} remain as URLs.`
    )
    log.untrusted(plan.collapsed.map((d) => `${d.url} replaces ${plural(d.replaced, 'URL')}`))
  }
  await log.group(
    `Plan: ${plural(plan.targets.length, 'object')} in ${plural(plan.batches.length, 'batch', 'batches')}`,
    async () => log.untrusted(plan.targets.map((t) => `${t.type} ${t.url}`))
  )
}

function planOptionsFor(settings: Settings, quota?: Quota): PlanOptions {
  const service = SERVICE_LIMITS[settings.service]
  return {
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
    service: service.name,
    quota
  }
}

/** Keeps this run's manifest as the next baseline, only after a refresh that fully succeeded. */
async function keepManifest(
  report: RunReport,
  changes: Changes | undefined,
  edges: Edges | undefined,
  log: Log
): Promise<void> {
  if (!changes?.manifest || !edges || report.dryRun) return
  if (!fullySucceeded(report)) {
    report.manifestSaved = false
    return
  }
  const store = await edges.changes.manifests()
  const { current, origin } = changes.manifest
  report.manifestSaved = await log.group('Saving the manifest to the Actions cache', () =>
    store.save(current, origin)
  )
}

/** A failure's message for the step: a user's or the service's error as it is, anything else flagged. */
function reportFailure(error: unknown, report: RunReport | undefined): void {
  const expected = error instanceof UserError || error instanceof ApiError
  const message = expected ? error.message : `Unexpected error: ${messageOf(error)}`
  if (report) report.fatal = redact(message)
  core.setFailed(redact(message))
  if (!expected && error instanceof Error) core.info(redact(error.stack ?? ''))
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
    // Inputs: every input, the runner's environment and the list files, read once.
    maskSecretsEarly(env)
    runner = readRunnerEnv(env, CREDENTIAL_VARIABLES)
    const settings = readSettings(inputFromEnv(env))
    for (const line of describeSettings(settings)) core.debug(line)
    const service = SERVICE_LIMITS[settings.service]
    report = newReport(service.name, settings.dryRun)
    const lists = readListFiles(settings, runner)
    const payload = readPayload(runner)
    edges = connectEdges({ settings, runner, clock, log, getIdToken })

    // Changes: which paths went stale.
    changes = await collectChanges(
      settings,
      {
        eventName: runner.eventName,
        payload,
        runId: runner.runId,
        runNumber: runner.runNumber,
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
    await printChanges(changes, log)

    // Targets: the paths through the rules, and the given targets.
    const paths: string[] = []
    for (const list of [changes.paths, settings.paths, lists.paths])
      for (const p of list) paths.push(p)
    const given: RefreshTarget[] = []
    for (const list of [changes.fallback ? settings.fallback : [], settings.urls, lists.targets])
      for (const t of list) given.push(t)
    const built = buildTargets(paths, settings.rules, given)
    report.mapping = built.mapping
    report.targets = built.targets
    if (built.targets.length === 0) {
      const note =
        'No rule matched a changed path and no URLs were given: there is nothing to refresh.'
      report.notes.push(note)
      log.info(note)
      return
    }

    // Plan: within what remains today (read first, unless this is a dry run).
    const edgeService = settings.dryRun ? undefined : await edges.service()
    if (edgeService && settings.quotaCheck)
      report.quotaBefore = await fetchQuota(edgeService, clock, (m) => log.info(m))
    const budgets = collapseBudgets(built.targets, settings.maxObjects, report.quotaBefore)
    const known =
      settings.collapse === 'auto' && needsCollapse(built.targets, budgets)
        ? await knownUrls(settings, changes, edges)
        : undefined
    const plan = planRefresh(built.targets, planOptionsFor(settings, report.quotaBefore), known)
    report.plan = plan
    report.targets = plan.targets
    await printPlan(plan, log)
    if (!edgeService) {
      report.schedule = scheduleBatches(plan.batches, 0, {
        urlRatePerDomain: settings.urlRatePerDomain,
        callsPerSecond: service.callsPerSecond
      })
      const note = `Dry run: nothing was sent to ${service.name}.`
      report.notes.push(note)
      log.info(note)
      return
    }

    // Submit: each result recorded as it arrives.
    const record = report
    await submitPlan(
      plan,
      settings,
      { service: edgeService, clock, log },
      {
        outcomes: (v) => (record.outcomes = v),
        quotaAfter: (v) => (record.quotaAfter = v),
        wait: (v) => {
          record.wait = v
          record.waitTimeoutSeconds = settings.waitTimeoutSeconds
        },
        preload: (v) => (record.preload = v),
        preloadSkipped: (v) => (record.preloadSkipped = v)
      }
    )
    const failures = failuresOf(report)
    if (failures.length > 0) core.setFailed(redact(failures.join('\n')))
  } catch (error) {
    reportFailure(error, report)
  } finally {
    // Report: the manifest kept if the refresh succeeded, then the one writer of outputs and summary.
    try {
      if (report) await keepManifest(report, changes, edges, log)
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
