import { ApiError } from './api/errors.js'
import { Changes, collectChanges } from './changes/collect.js'
import { PlanRefused, QuotaKind, quotaKinds } from './plan/budget.js'
import { Plan, planRefresh } from './plan/plan.js'
import { Planned, RunRecord } from './report/model.js'
import { failuresOf, fullySucceeded, statusOf } from './report/status.js'
import { writeReport } from './report/write.js'
import { commands as core, getIdToken } from './runner/commands.js'
import { RunnerEnv, readRunnerEnv } from './runner/environment.js'
import { Log, printUntrusted } from './runner/log.js'
import { redact } from './runner/secrets.js'
import { Setup, planLimitsOf, readSetup, serviceNameOf, submitSettingsOf } from './runner/setup.js'
import { SERVICE_LIMITS } from './services/limits.js'
import { fetchQuota } from './submit/quota.js'
import { BuiltTargets, buildTargets, knownFileUrls } from './targets/build.js'
import { Clock, systemClock } from './util/clock.js'
import { UserError, messageOf } from './util/errors.js'
import { inert, plural } from './util/text.js'
import { Connections, connect } from './wiring/connect.js'

/** The step's log: every line redacted, untrusted text made inert. */
function actionLog(): Log {
  return {
    info(message) {
      const line = redact(inert(message))
      // A line that starts like a workflow command is printed as untrusted text.
      if (/^\s*::/.test(line)) printUntrusted(core.info, [line])
      else core.info(line)
    },
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

/** The changed paths, in a group the reader can open, with exact counts. */
async function printChanges(changes: Changes, log: Log): Promise<void> {
  const source = changes.source
  if (!source) return
  const title =
    source.kind === 'manifest'
      ? `${plural(changes.paths.length, 'deployed file')} changed (${source.added} added, ${source.modified} modified, ${source.removed} removed) of ${plural(source.files, 'file')} hashed`
      : `${plural(changes.paths.length, 'changed file')} from ${source.listing.source} (${source.listing.base}..${source.listing.head})`
  await log.group(title, async () => log.untrusted(changes.paths))
}

/** The targets: the changed paths through the rules, and the given URLs and tags. */
function gatherTargets(setup: Setup, changes: Changes, log: Log): BuiltTargets {
  const { settings, lists } = setup
  const given = [settings.urls, lists.targets, ...(changes.useFallback ? [settings.fallback] : [])]
  const built = buildTargets(
    [...changes.paths, ...settings.paths, ...lists.paths],
    settings.rules,
    {
      urls: given.flatMap((g) => g.urls),
      tags: given.flatMap((g) => g.tags)
    }
  )
  if (built.targets.length + built.tags.length === 0)
    log.info(
      'No rule matched a changed path and no URLs or tags were given: there is nothing to refresh.'
    )
  return built
}

/** The plan: within what remains today (read first, unless this is a dry run). */
async function planStage(
  setup: Setup,
  built: BuiltTargets,
  changes: Changes,
  connections: Connections,
  log: Log
): Promise<Planned> {
  const { settings } = setup
  const limits = SERVICE_LIMITS[settings.service]
  let quotaBefore
  if (!settings.dryRun && settings.quotaCheck) {
    const types: QuotaKind[] = built.targets.map((t) => t.type)
    if (built.tags.length > 0) types.push('Tag')
    quotaBefore = await fetchQuota(
      await connections.service(),
      quotaKinds(types, settings.preload),
      connections.clock,
      (m) => log.info(m)
    )
  }
  let plan: Plan
  try {
    plan = await planRefresh(
      built.targets,
      built.tags,
      {
        limits: planLimitsOf(settings),
        maxObjects: settings.maxObjects,
        collapse: settings.collapse,
        preload: settings.preload,
        service: limits.name,
        quota: quotaBefore
      },
      async () => {
        if (changes.manifest) return knownFileUrls(changes.manifest.current.keys(), settings.rules)
        const tree = await connections.treeAt(
          changes.source?.kind === 'git' ? changes.source.listing.head : 'HEAD'
        )
        return tree && knownFileUrls(tree, settings.rules)
      }
    )
  } catch (error) {
    if (error instanceof PlanRefused) return { quotaBefore, needs: error.needs, refused: error }
    throw error
  }
  printPlan(plan, log)
  if (!settings.dryRun) return { plan, quotaBefore, needs: plan.needs }
  const { scheduleBatches } = await import('./submit/schedule.js')
  const schedule = await scheduleBatches(plan.batches, limits, {
    callsPerSecond: limits.callsPerSecond,
    urlRatePerDomain: settings.urlRatePerDomain,
    preloadCallsPerSecond: limits.preloadCallsPerSecond
  })
  log.info(
    `Dry run: nothing was sent to ${limits.name}${settings.verify !== 'off' ? ', and nothing was asked of the site (verify is skipped)' : ''}.`
  )
  return { plan, needs: plan.needs, schedule }
}

/** The plan, its collapsed directories first, printed inertly. */
function printPlan(plan: Plan, log: Log): void {
  const collapse = plan.collapse
  if (collapse && collapse.directories.length > 0) {
    log.info(
      `${plural(collapse.fileUrlsBefore, 'File URL')} do not fit today's quota or max-objects: ${plural(collapse.directories.length, 'directory', 'directories')} stand in for some of them.`
    )
    log.untrusted(collapse.directories.map((d) => `${d.url} replaces ${plural(d.replaced, 'URL')}`))
  }
  const objects = plan.targets
    .map((t) => `${t.type} ${t.url}`)
    .concat(plan.tags.map((t) => `Tag ${t.host ? `${t.host} ` : ''}${t.tag}`))
  log.info(
    `Plan: ${plural(objects.length, 'object')} in ${plural(plan.batches.length, 'batch', 'batches')}.`
  )
  log.untrusted(objects)
}

/** The stale URLs checked at the edge, and refreshed once more (SPEC 4.6). */
async function verifyStage(
  setup: Setup,
  record: RunRecord,
  connections: Connections,
  log: Log
): Promise<RunRecord['verification']> {
  const { settings } = setup
  const plan = record.planned!.plan!
  const { verifyAtEdge } = await import('./verify/stage.js')
  return verifyAtEdge(
    { plan, built: record.targets!, changes: record.changes!, submitted: record.submitted! },
    {
      mode: settings.verify === 'fail' ? 'fail' : 'warn',
      max: settings.verifyMax,
      force: settings.force,
      quotaCheck: settings.quotaCheck,
      waitTimeoutSeconds: settings.waitTimeoutSeconds,
      limits: planLimitsOf(settings)
    },
    {
      service: await connections.service(),
      pacer: connections.pacer,
      clock: connections.clock,
      log,
      edge: connections.edge
    }
  )
}

/** A failure's message for the report: a user's or the service's error as it is, anything else flagged. */
function fatalOf(error: unknown, log: Log): string {
  if (error instanceof UserError || error instanceof ApiError) return redact(error.message)
  if (error instanceof Error) log.info(redact(error.stack ?? ''))
  return redact(`Unexpected error: ${messageOf(error)}`)
}

/** The manifest kept if the refresh succeeded, the connections closed, then the report written. */
async function finish(
  record: RunRecord,
  connections: Connections | undefined,
  runner: RunnerEnv,
  log: Log
): Promise<void> {
  try {
    const manifest = record.changes?.manifest
    if (manifest && connections && record.submitted && !record.settings?.dryRun) {
      record.manifestSaved =
        fullySucceeded(record) &&
        (await (await connections.changes.manifests()).save(manifest.current, manifest.origin))
    }
    await connections?.close()
  } catch (error) {
    log.warning(`Could not finish cleanly: ${messageOf(error)}`)
  }
  record.finishedAt = connections?.clock.now() ?? Date.now()
  const failures = record.fatal !== undefined ? [record.fatal] : failuresOf(record)
  if (failures.length > 0) core.setFailed(redact(failures.join('\n')))
  writeReport(record, {
    outputPath: runner.outputPath,
    summaryPath: runner.summaryPath,
    warning: (m) => log.warning(m),
    print: (title, lines) => void log.group(title, async () => log.untrusted(lines)),
    redact
  })
  log.info(`Status: ${statusOf(record)}.`)
}

/** The action: inputs → changes → targets → plan → submit → verify → report. */
export async function run(
  env: Readonly<Record<string, string | undefined>> = process.env,
  clock: Clock = systemClock
): Promise<void> {
  const log = actionLog()
  const runner = readRunnerEnv(env)
  const record: RunRecord = { startedAt: clock.now(), service: serviceNameOf(env) }
  let connections: Connections | undefined
  try {
    const setup = await readSetup(env, runner)
    record.settings = setup.settings
    connections = connect({ ...setup, clock, log, getIdToken })
    const changes = (record.changes = await collectChanges(
      setup.changeSettings,
      setup.facts,
      connections.changes
    ))
    if (changes.nothingToDo) return log.info(changes.nothingToDo)
    await printChanges(changes, log)
    const built = (record.targets = gatherTargets(setup, changes, log))
    if (built.targets.length + built.tags.length === 0) return
    const planned = (record.planned = await planStage(setup, built, changes, connections, log))
    if (!planned.plan) throw planned.refused
    if (setup.settings.dryRun) return
    const service = await connections.service()
    const { submitPlan } = await import('./submit/stage.js')
    const submitted = (record.submitted = await submitPlan(
      planned.plan,
      submitSettingsOf(setup.settings),
      { service, pacer: connections.pacer, clock, log }
    ))
    if (submitted.error !== undefined) throw submitted.error
    if (setup.settings.verify !== 'off')
      record.verification = await verifyStage(setup, record, connections, log)
  } catch (error) {
    record.fatal = fatalOf(error, log)
  } finally {
    await finish(record, connections, runner, log)
  }
}
