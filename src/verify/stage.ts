import { Changes } from '../changes/collect.js'
import { PlanLimits, planBatches } from '../plan/batches.js'
import { Pacer } from '../plan/pacing.js'
import { Plan } from '../plan/plan.js'
import { Log } from '../runner/log.js'
import { RefreshService } from '../services/service.js'
import { submitBatches } from '../submit/batches.js'
import { Submitted, waitForOutcomes } from '../submit/stage.js'
import { BuiltTargets } from '../targets/build.js'
import { RefreshTarget, canonicalUrl } from '../targets/target.js'
import { Clock } from '../util/clock.js'
import { formatCount, plural } from '../util/text.js'
import { EdgeClient } from './fetch.js'
import { Verification, VerifyRound, countVerdicts, describeVerdicts } from './model.js'
import { chooseChecks } from './sample.js'
import { Check, Expectation, judge } from './verdict.js'

// Verifying at the edge (SPEC 4.6): after the tasks complete, ask the edge for a sample of the
// refreshed URLs; refresh once more what is still stale, wait, and ask again.

export interface VerifySettings {
  mode: 'warn' | 'fail'
  max: number
  force: boolean
  quotaCheck: boolean
  waitTimeoutSeconds: number
  limits: PlanLimits
}

export interface VerifyConnections {
  service: RefreshService
  pacer: Pacer
  clock: Clock
  log: Log
  edge(): Promise<EdgeClient>
}

/** One round: every expectation asked of the edge, each answer judged. */
async function checkRound(expectations: Expectation[], edge: EdgeClient): Promise<Check[]> {
  const answers = await edge.fetchAll(
    expectations.map((e) => ({ url: e.url, readBody: e.newHash !== undefined && !e.removed }))
  )
  return answers.map((answer, i) => judge(expectations[i], answer))
}

function describeRound(checks: readonly Check[]): string {
  return describeVerdicts(countVerdicts(checks))
}

/** Every check that is not fresh, with the headers that decided it, printed inertly. */
function printChecks(checks: readonly Check[], log: Log): void {
  const lines = checks
    .filter((c) => c.verdict !== 'fresh')
    .map((c) => {
      const h = c.headers
      const headers = [
        ['Age', h.age],
        ['Ali-Swift-Global-Savetime', h.savetime],
        ['X-Cache', h.xCache],
        ['Via', h.via],
        ['EagleId', h.eagleId]
      ]
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')
      return `${c.verdict} ${c.url}: ${c.reason}${headers ? ` [${headers}]` : ''}`
    })
  if (lines.length > 0) log.untrusted(lines)
}

/** The stale URLs refreshed once more, within the quota, and waited for. */
async function refreshAgain(
  stale: readonly Check[],
  plan: Plan,
  submitted: Submitted,
  settings: VerifySettings,
  connections: VerifyConnections
): Promise<NonNullable<VerifyRound['refresh']>> {
  const { service, pacer, clock, log } = connections
  const types = new Map(plan.targets.map((t) => [canonicalUrl(t.url), t.type]))
  const targets: RefreshTarget[] = stale.map((c) => ({
    type: types.get(canonicalUrl(c.url)) === 'IgnoreParams' ? 'IgnoreParams' : 'File',
    url: c.url
  }))
  const remain = submitted.quotaAfter?.remain.File
  if (
    settings.quotaCheck &&
    remain !== undefined &&
    !Number.isNaN(remain) &&
    targets.length > remain
  )
    return {
      outcomes: [],
      skipped: `They were not refreshed again: ${plural(targets.length, 'URL')} needed, ${formatCount(remain)} remain of today's quota.`
    }
  const outcomes = await submitBatches(planBatches(targets, [], settings.limits), {
    service,
    pacer,
    clock,
    force: settings.force,
    log: (m) => log.info(m)
  })
  const wait = await waitForOutcomes(outcomes, settings.waitTimeoutSeconds, connections)
  if (outcomes.every((o) => !o.ok))
    return {
      outcomes,
      skipped: `They could not be refreshed again: ${outcomes[0]?.error?.message ?? 'no batch was accepted'}.`
    }
  if (wait?.status === 'timeout')
    return {
      outcomes,
      wait,
      skipped: `They were refreshed again, but the tasks did not complete within wait-timeout (${settings.waitTimeoutSeconds} s).`
    }
  return { outcomes, wait }
}

export interface VerifyInputs {
  plan: Plan
  built: BuiltTargets
  changes: Changes
  submitted: Submitted
}

export async function verifyAtEdge(
  inputs: VerifyInputs,
  settings: VerifySettings,
  connections: VerifyConnections
): Promise<Verification> {
  const { plan, built, changes, submitted } = inputs
  const { log } = connections
  const verification: Verification = { mode: settings.mode, rounds: [], final: [] }
  const wait = submitted.wait
  if (!wait || wait.status === 'timeout') {
    verification.skipped = `Nothing was verified: the tasks did not complete within wait-timeout (${settings.waitTimeoutSeconds} s).`
    log.info(verification.skipped)
    return verification
  }
  const accepted = submitted.outcomes.flatMap((o) =>
    o.ok && o.acceptedAt !== undefined ? [{ batch: o.batch, acceptedAt: o.acceptedAt }] : []
  )
  const expectations = chooseChecks({
    targets: plan.targets,
    changed: built.targets,
    accepted,
    sources: built.sources,
    removed: new Set(changes.removed),
    hashes: changes.manifest
      ? { current: changes.manifest.current, previous: changes.manifest.previous }
      : undefined,
    max: settings.max
  })
  if (expectations.length === 0) {
    verification.skipped =
      'Nothing was verified: no refreshed URL to ask the edge about (regexes and cache tags are not checked).'
    log.info(verification.skipped)
    return verification
  }
  const edge = await connections.edge()
  const first = await log.group(
    `Verifying ${plural(expectations.length, 'URL')} at the edge`,
    async () => {
      const checks = await checkRound(expectations, edge)
      log.info(`Round 1: ${describeRound(checks)}.`)
      printChecks(checks, log)
      return checks
    }
  )
  verification.rounds.push({ checks: first })
  const final = new Map(first.map((c) => [c.url, c]))
  const stale = first.filter((c) => c.verdict === 'stale')
  if (stale.length > 0) {
    log.info(
      `${plural(stale.length, 'URL')} still stale: refreshing ${stale.length === 1 ? 'it' : 'them'} once more.`
    )
    const refresh = await refreshAgain(stale, plan, submitted, settings, connections)
    const again = new Map<string, number>()
    for (const o of refresh.outcomes)
      if (o.ok && o.acceptedAt !== undefined)
        for (const url of o.objects) again.set(url, o.acceptedAt)
    let second: Check[] = []
    if (!refresh.skipped) {
      const retry = expectations
        .filter((e) => again.has(e.url))
        .map((e) => ({ ...e, refreshedAt: again.get(e.url)! }))
      second = await log.group(`Verifying ${plural(retry.length, 'URL')} again`, async () => {
        const checks = await checkRound(retry, edge)
        log.info(`Round 2: ${describeRound(checks)}.`)
        printChecks(checks, log)
        return checks
      })
      for (const check of second) final.set(check.url, check)
    } else log.info(refresh.skipped)
    verification.rounds.push({ checks: second, refresh })
  }
  verification.final = [...final.values()]
  const still = verification.final.filter((c) => c.verdict === 'stale')
  if (still.length > 0 && settings.mode === 'warn')
    log.warning(
      `${plural(still.length, 'URL')} still ${still.length === 1 ? 'serves' : 'serve'} stale content at the edge (verify: warn): ${still.map((c) => c.url).join(', ')}`
    )
  return verification
}
