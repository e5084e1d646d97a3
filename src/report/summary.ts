import { ApiError } from '../api/errors.js'
import { ChangeSource } from '../changes/collect.js'
import { SHA_PATTERN } from '../changes/event.js'
import { BATCH_ORDER, BatchType } from '../plan/batches.js'
import { QuotaKind, countOf } from '../plan/budget.js'
import { FINISHED_STATUSES } from '../services/service.js'
import { formatCount, formatDuration, inert, naturalCompare, plural } from '../util/text.js'
import { countVerdicts, describeVerdicts } from '../verify/model.js'
import { Check } from '../verify/verdict.js'
import { RunRecord, RunStatus } from './model.js'
import { GITHUB_LIMITS, acceptedObjects } from './outputs.js'
import {
  batchOutcomes,
  failedBatches,
  failedTasks,
  refreshTaskIds,
  refreshedAgain,
  refreshedTwice,
  staleChecks,
  statusOf
} from './status.js'

// The job summary (SPEC 4.5): a headline that answers "is my site fresh?", then what needs
// attention, then the facts, each folded. HTML that GitHub's markdown renderer keeps; every text
// from file names and the services escaped.

export function escapeHtml(text: string): string {
  return inert(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Text of several lines (an error with a list under it), each line escaped, kept as lines. */
function lines(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>\n')
}

const natural = naturalCompare

/** A part of the summary: fixed HTML, or rows that are cut when the summary would be too large. */
type Part = { html: string } | { rows: string[]; render(rows: string[], total: number): string }

const html = (text: string): Part => ({ html: text })

/** A table whose columns are dropped when empty on every row; cells are already escaped. */
function table(headers: string[], rows: string[][]): Part {
  const keep = headers.map((_, i) => rows.some((row) => (row[i] ?? '') !== ''))
  const pick = <T>(cells: T[]) => cells.filter((_, i) => keep[i])
  const head = `<tr>${pick(headers)
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join('')}</tr>`
  return {
    rows: rows.map(
      (row) =>
        `<tr>${pick(row)
          .map((cell) => `<td>${cell}</td>`)
          .join('')}</tr>\n`
    ),
    render: (shown, total) =>
      `<table>\n${head}\n${shown.join('')}</table>\n${cutNote(shown.length, total, 'rows')}`
  }
}

function cutNote(shown: number, total: number, noun: string): string {
  return shown < total
    ? `<p>Showing ${formatCount(shown)} of ${formatCount(total)} ${noun}: the summary is kept under GitHub's 1 MiB limit. The step's log has them all.</p>\n`
    : ''
}

/** A folded block: the summary line shows, the parts open on a click. */
function folded(summary: string, parts: Part[]): Part[] {
  return [html(`<details><summary>${summary}</summary>\n\n`), ...parts, html('</details>\n')]
}

const code = (text: string) => `<code>${escapeHtml(text)}</code>`
const short = (sha: string) => (SHA_PATTERN.test(sha) ? sha.slice(0, 12) : sha)

/** "2,400 URLs, 3 directories and 2 cache tags". */
function objectsPhrase(counts: Partial<Record<QuotaKind, number>>): string {
  const parts = BATCH_ORDER.filter((k) => (counts[k] ?? 0) > 0).map((k) => countOf(k, counts[k]!))
  if (parts.length === 0) return 'no objects'
  return parts.length === 1
    ? parts[0]
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

function countKinds(
  targets: { type: BatchType }[],
  tags: number
): Partial<Record<QuotaKind, number>> {
  const counts: Partial<Record<QuotaKind, number>> = { Tag: tags }
  for (const t of targets) counts[t.type] = (counts[t.type] ?? 0) + 1
  return counts
}

/** The hosts a plan touches: those of its URLs and of its tags. */
function hostCount(record: RunRecord): number {
  const hosts = new Set<string>()
  for (const batch of record.planned?.plan?.batches ?? [])
    for (const host of batch.hosts.keys()) hosts.add(host || record.settings?.site || 'site')
  return hosts.size
}

const ICONS: Record<RunStatus, string> = {
  complete: '✅',
  submitted: '✅',
  timeout: '⏳',
  failed: '❌',
  stale: '❌',
  'dry-run': '📝',
  'nothing-to-do': '➖'
}

/** A run that succeeded while the edge still serves stale URLs (verify: warn) is not a tick. */
function iconOf(record: RunRecord, status: RunStatus): string {
  const ok = status === 'complete' || status === 'submitted'
  return ok && staleChecks(record).length > 0 ? '⚠️' : ICONS[status]
}

/** The first line: the outcome and its figures. */
function headline(record: RunRecord, status: RunStatus): { title: string; more?: string } {
  const service = escapeHtml(record.service)
  const plan = record.planned?.plan
  const planned = plan ? countKinds(plan.targets, plan.tags.length) : {}
  const plannedCount = plan ? plan.targets.length + plan.tags.length : 0
  const accepted = acceptedObjects(record)
  const acceptedCount = accepted.targets.length + accepted.tags.length
  const hosts = plural(hostCount(record), 'host')
  const tasks = refreshTaskIds(record).length
  const took =
    record.finishedAt !== undefined ? formatDuration(record.finishedAt - record.startedAt) : ''
  const left = urlsLeft(record)
  const leftToday = left !== undefined ? `; ${countOf('File', left)} left today` : ''
  const checked = record.verification?.final ?? []
  const verdicts = countVerdicts(checked)
  const verified =
    checked.length > 0
      ? `; ${formatCount(verdicts.fresh)} of ${plural(verdicts.checked, 'checked URL')} fresh at the edge${verdicts.stale > 0 ? `, ${formatCount(verdicts.stale)} still stale` : ''}`
      : ''
  const refusedFor = (record.planned?.refused ? (record.planned.needs ?? []) : []).filter(
    (n) => Number.isNaN(n.remain) || n.need > n.remain
  )
  if (record.fatal !== undefined && refusedFor.length > 0) {
    const figures = refusedFor.map(
      (n) =>
        `${countOf(n.kind, n.need)} needed, ${Number.isNaN(n.remain) ? 'what remains is unknown' : `${formatCount(n.remain)} left today`}`
    )
    return {
      title: `${service} refresh refused, nothing was sent: ${figures.join('; ')}`,
      more: lines(record.fatal.split('\n').slice(1).join('\n'))
    }
  }
  if (record.fatal !== undefined && !record.submitted) {
    const [first, ...rest] = record.fatal.split('\n')
    return {
      title: `${service} refresh failed: ${escapeHtml(first)}`,
      more: rest.length > 0 ? lines(rest.join('\n')) : undefined
    }
  }
  switch (status) {
    case 'nothing-to-do':
      return {
        title: `${service} refresh: nothing to do`,
        more: escapeHtml(
          record.changes?.nothingToDo ??
            'No rule matched a changed path and no URLs or tags were given.'
        )
      }
    case 'dry-run': {
      const span = record.planned?.schedule?.length ? Math.max(...record.planned.schedule) : 0
      return {
        title: `${service} dry run: ${objectsPhrase(planned)} on ${hosts} in ${plural(plan?.batches.length ?? 0, 'batch', 'batches')}; nothing was sent`,
        more: span > 0 ? `Pacing would spread the batches over ${formatDuration(span)}.` : undefined
      }
    }
    case 'complete':
    case 'submitted':
      return {
        title: `${service} refresh ${status === 'complete' ? 'complete' : 'submitted'}: ${objectsPhrase(countKinds(accepted.targets, accepted.tags.length))} on ${hosts} in ${plural(tasks, 'task')}${took ? `, ${took}` : ''}${leftToday}${verified}`
      }
    case 'timeout': {
      const open = new Set(
        (record.submitted?.wait?.tasks ?? [])
          .filter((t) => !FINISHED_STATUSES.has(t.status))
          .map((t) => t.taskId)
      )
      return {
        title: `${service} refresh submitted, not finished: ${formatCount(open.size)} of ${plural(tasks, 'task')} still running after ${formatCount(record.settings?.waitTimeoutSeconds ?? 0)} s (wait-timeout)`,
        more: `${objectsPhrase(countKinds(accepted.targets, accepted.tags.length))} on ${hosts} were accepted; the tasks go on at ${service}.${record.verification ? ' Nothing was verified at the edge.' : ''}`
      }
    }
    case 'stale': {
      const stale = staleChecks(record).length
      return {
        title: `${service} refresh: ${formatCount(stale)} of ${plural(verdicts.checked, 'checked URL')} still stale at the edge${refreshedTwice(record) ? ' after a second refresh' : ''}`
      }
    }
    case 'failed': {
      const failed = failedBatches(record)
      const parts: string[] = []
      if (failed.length > 0) {
        const objects = failed.reduce((n, o) => n + o.objects.length, 0)
        parts.push(
          `${formatCount(acceptedCount)} of ${plural(plannedCount, 'object')} accepted; ${plural(failed.length, 'batch', 'batches')} of ${formatCount(objects)} failed`
        )
      } else
        parts.push(`${formatCount(acceptedCount)} of ${plural(plannedCount, 'object')} accepted`)
      const tasksFailed = failedTasks(record).length
      if (tasksFailed > 0) parts.push(`${plural(tasksFailed, 'object')} failed to refresh`)
      if (record.submitted?.preloadSkipped || (record.submitted?.preload ?? []).some((p) => !p.ok))
        parts.push('the prefetch failed')
      if (record.fatal !== undefined) parts.push(escapeHtml(record.fatal.split('\n')[0]))
      return { title: `${service} refresh failed: ${parts.join('; ')}` }
    }
  }
}

/** Advice from the services' errors, each once, for the failed batches. */
function adviceOf(errors: (Error | undefined)[]): string[] {
  const advice = new Set<string>()
  for (const error of errors)
    if (error instanceof ApiError && error.advice) advice.add(error.advice)
  return [...advice]
}

const headerCells = (c: Check) => [
  escapeHtml(c.headers.age ?? ''),
  escapeHtml(c.headers.savetime ?? ''),
  escapeHtml(c.headers.xCache ?? ''),
  escapeHtml(c.headers.via ?? ''),
  escapeHtml(c.headers.eagleId ?? '')
]
const HEADER_NAMES = ['Age', 'Ali-Swift-Global-Savetime', 'X-Cache', 'Via', 'EagleId']

/** What needs attention: every failure, each once, before anything else. */
function attention(record: RunRecord): Part[] {
  const parts: Part[] = []
  const site = record.settings?.site ?? ''
  const outcomes = batchOutcomes(record)
  const failed = failedBatches(record)
  if (record.fatal !== undefined && record.submitted)
    parts.push(html(`<p><b>Error:</b> ${lines(record.fatal)}</p>\n`))
  if (failed.length > 0) {
    parts.push(html(`<h3>Failed ${failed.length === 1 ? 'batch' : 'batches'}</h3>\n`))
    parts.push(
      table(
        ['Batch', 'Type', 'Objects', 'Hosts', 'Code', 'Message', 'Request ID'],
        failed.map((o) => {
          const error = o.error
          const api = error instanceof ApiError ? error : undefined
          return [
            formatCount(outcomes.indexOf(o) + 1),
            escapeHtml(o.batch.type),
            formatCount(o.objects.length),
            escapeHtml([...o.batch.hosts.keys()].map((h) => h || site).join(', ')),
            escapeHtml(api?.code ?? ''),
            escapeHtml(api ? api.apiMessage : (error?.message ?? '')),
            escapeHtml(api?.requestId ?? '')
          ]
        })
      )
    )
    for (const advice of adviceOf(failed.map((o) => o.error)))
      parts.push(html(`<p>${escapeHtml(advice)}</p>\n`))
  }
  const tasks = failedTasks(record)
  if (tasks.length > 0) {
    parts.push(html(`<h3>${plural(tasks.length, 'object')} failed to refresh</h3>\n`))
    parts.push(
      table(
        ['Task', 'Object', 'Reason'],
        tasks.map((t) => [
          escapeHtml(t.taskId),
          escapeHtml(t.objectPath),
          escapeHtml(t.description || 'no reason given')
        ])
      )
    )
  }
  const stale = staleChecks(record)
  if (stale.length > 0) {
    parts.push(html(`<h3>${plural(stale.length, 'URL')} still stale at the edge</h3>\n`))
    parts.push(
      html(
        `<p>${refreshedTwice(record) ? 'Refreshed twice, and the edge still serves the old content.' : 'The edge still serves the old content, and the URLs were not refreshed a second time (see Verification).'} Check that the origin serves the new files (a cache in front of the origin, or a deploy that had not finished), then refresh again.</p>\n`
      )
    )
    parts.push(
      table(
        ['URL', 'Why', ...HEADER_NAMES],
        stale.map((c) => [escapeHtml(c.url), escapeHtml(c.reason), ...headerCells(c)])
      )
    )
  }
  const submitted = record.submitted
  if (submitted?.preloadSkipped)
    parts.push(html(`<p>${escapeHtml(submitted.preloadSkipped)}</p>\n`))
  const preloads = (submitted?.preload ?? []).filter((p) => !p.ok)
  if (preloads.length > 0) {
    parts.push(html(`<h3>Failed ${preloads.length === 1 ? 'prefetch' : 'prefetches'}</h3>\n`))
    parts.push(
      table(
        ['URLs', 'Code', 'Message', 'Request ID'],
        preloads.map((p) => {
          const api = p.error instanceof ApiError ? p.error : undefined
          return [
            formatCount(p.objects.length),
            escapeHtml(api?.code ?? ''),
            escapeHtml(api ? api.apiMessage : (p.error?.message ?? '')),
            escapeHtml(api?.requestId ?? p.requestId)
          ]
        })
      )
    )
    for (const advice of adviceOf(preloads.map((p) => p.error)))
      parts.push(html(`<p>${escapeHtml(advice)}</p>\n`))
  }
  return parts
}

/** Where the changed paths came from (SPEC 4.1): the push, the last successful run, or the manifest. */
function changesLine(record: RunRecord): string {
  const source: ChangeSource | undefined = record.changes?.source
  const notes = (record.changes?.notes ?? []).map((n) => `<br>\n${escapeHtml(n)}`).join('')
  let text = ''
  if (source?.kind === 'manifest') {
    const base = source.baseline
      ? `the manifest of run ${escapeHtml(source.baseline.runNumber ? `#${source.baseline.runNumber} ` : '')}(ID ${escapeHtml(source.baseline.runId)})${source.baseline.createdAt ? ` of ${escapeHtml(source.baseline.createdAt.slice(0, 10))}` : ''}`
      : 'no previous manifest'
    const changed = source.added + source.modified + source.removed
    text =
      `<b>Changes:</b> ${plural(changed, 'deployed file')} changed of ${formatCount(source.files)} hashed, compared with ${base}: ` +
      `${formatCount(source.added)} added, ${formatCount(source.modified)} modified, ${formatCount(source.removed)} removed.`
  } else if (source?.kind === 'git') {
    const c = source.listing
    text = `<b>Changes:</b> ${plural(c.paths.length, 'changed file')} from ${escapeHtml(c.source)}, ${code(`${short(c.base)}..${short(c.head)}`)}`
    if (source.trigger) text += `, for the deploy of ${escapeHtml(source.trigger)}`
    if (source.baseRun) {
      const run = source.baseRun
      text += `; the base is the last successful run, #${formatCount(run.runNumber)} (ID ${run.id}) of ${escapeHtml(run.createdAt.slice(0, 10))}`
    }
    text += '.'
  } else if (record.changes?.useFallback) text = '<b>Changes:</b> the fallback targets.'
  const saved =
    record.manifestSaved === undefined
      ? ''
      : record.manifestSaved
        ? "<br>\nThis run's manifest is now the baseline for the next run."
        : '<br>\nThe baseline manifest was kept as it was, so the next run refreshes these files again.'
  return text || notes || saved ? `<p>${text.replace(/^<br>\n/, '')}${notes}${saved}</p>\n` : ''
}

function collapseParts(record: RunRecord): Part[] {
  const collapse = record.planned?.plan?.collapse
  if (!collapse || collapse.directories.length === 0) return []
  const replaced = collapse.directories.reduce((n, d) => n + d.replaced, 0)
  const sorted = [...collapse.directories].sort(
    (a, b) => b.replaced - a.replaced || natural(a.url, b.url)
  )
  return folded(
    `${plural(collapse.directories.length, 'directory', 'directories')} in place of ${countOf('File', replaced)}`,
    [
      html(
        `<p>${countOf('File', collapse.fileUrlsBefore)} did not fit today's quota or max-objects, so directory refreshes stand for ${formatCount(replaced)} of them.</p>\n`
      ),
      table(
        ['Directory', 'URLs replaced', 'Unchanged known URLs below'],
        sorted.map((d) => [
          escapeHtml(d.url),
          formatCount(d.replaced),
          collapse.treeKnown ? formatCount(d.collateral) : 'unknown (no tree)'
        ])
      )
    ]
  )
}

function batchParts(record: RunRecord): Part[] {
  const batches = record.planned?.plan?.batches ?? []
  if (batches.length === 0) return []
  const outcomes = batchOutcomes(record)
  const schedule = record.planned?.schedule
  const accepted = outcomes.filter((o) => o.ok).length
  const title =
    outcomes.length > 0
      ? `Batches: ${formatCount(batches.length)}, ${accepted === batches.length ? 'all accepted' : `${formatCount(accepted)} accepted`}`
      : `Batches: ${formatCount(batches.length)} planned`
  return folded(title, [
    table(
      ['#', 'Type', 'Objects', 'Hosts', 'Sent at', 'Task IDs', 'Request ID', 'Status'],
      batches.map((batch, i) => {
        const outcome = outcomes[i]
        const at = schedule?.[i]
        return [
          formatCount(i + 1),
          escapeHtml(batch.type),
          formatCount(batch.objects.length),
          escapeHtml(
            [...batch.hosts.keys()].map((h) => h || record.settings?.site || '').join(', ')
          ),
          at === undefined || !schedule?.some((t) => t > 0)
            ? ''
            : at === 0
              ? 'at once'
              : `+${formatDuration(at)}`,
          escapeHtml(outcome?.taskIds.join(', ') ?? ''),
          escapeHtml(outcome?.requestId ?? ''),
          outcome ? (outcome.ok ? 'accepted' : 'failed (above)') : ''
        ]
      })
    )
  ])
}

function taskParts(record: RunRecord): Part[] {
  const wait = record.submitted?.wait
  if (!wait) return []
  const byStatus = new Map<string, { tasks: Set<string>; objects: number }>()
  for (const t of wait.tasks) {
    const entry = byStatus.get(t.status) ?? { tasks: new Set(), objects: 0 }
    entry.tasks.add(t.taskId)
    entry.objects++
    byStatus.set(t.status, entry)
  }
  const taskCount = new Set(wait.tasks.map((t) => t.taskId)).size
  const statuses = [...byStatus.keys()].sort(natural)
  // A task lists each of its objects with its own status, so one task can count under two
  // statuses: when they differ, the title counts objects, which always add up.
  const title =
    statuses.length === 1
      ? `Tasks: ${formatCount(taskCount)}, all ${statuses[0].toLowerCase()}`
      : `Tasks: ${formatCount(taskCount)}; objects ${statuses.map((s) => `${formatCount(byStatus.get(s)!.objects)} ${s.toLowerCase()}`).join(', ')}`
  const open = wait.tasks.filter((t) => !FINISHED_STATUSES.has(t.status))
  const parts: Part[] = [
    table(
      ['Status', 'Tasks', 'Objects'],
      statuses.map((s) => [
        escapeHtml(s),
        formatCount(byStatus.get(s)!.tasks.size),
        formatCount(byStatus.get(s)!.objects)
      ])
    )
  ]
  if (open.length > 0) {
    parts.push(html('<p>Objects of the tasks that had not finished:</p>\n'))
    parts.push(
      table(
        ['Task', 'Status', 'Progress', 'Object'],
        open.map((t) => [
          escapeHtml(t.taskId),
          escapeHtml(t.status),
          escapeHtml(t.process),
          escapeHtml(t.objectPath)
        ])
      )
    )
  }
  return folded(title, parts)
}

function quotaParts(record: RunRecord): Part[] {
  const before = record.planned?.quotaBefore
  const after = record.submitted?.quotaAfter
  const needs = record.planned?.needs
  if (!before && !after) return []
  const accepted = acceptedObjects(record)
  const acceptedKinds = countKinds(accepted.targets, accepted.tags.length)
  const kinds = needs?.map((n) => n.kind) ?? ['File', 'Directory']
  const show = (n: number | undefined) =>
    n === undefined || Number.isNaN(n) ? '' : n === Infinity ? 'not published' : formatCount(n)
  const rows = kinds.map((kind) => [
    escapeHtml(countOf(kind, 2).replace(/^2 /, '')),
    show(before?.quota[kind] ?? after?.quota[kind]),
    show(before?.remain[kind]),
    show(needs?.find((n) => n.kind === kind)?.need),
    record.submitted ? show(kind === 'Preload' ? undefined : (acceptedKinds[kind] ?? 0)) : '',
    show(after?.remain[kind])
  ])
  const left = urlsLeft(record) ?? before?.remain.File
  const title =
    left !== undefined && Number.isFinite(left)
      ? `Quota: ${countOf('File', left)} left today`
      : 'Quota'
  const again = refreshedAgain(record)
  return folded(title, [
    table(
      ['Kind', 'Daily quota', 'Remaining before', 'Needed', 'Accepted', 'Remaining after'],
      rows
    ),
    ...(again > 0 && left !== undefined
      ? [
          html(
            `<p>Verification then refreshed ${countOf('File', again)} again: ${formatCount(left)} left.</p>\n`
          )
        ]
      : []),
    html(
      '<p>The quota resets at midnight (UTC+8). Other refreshes of the account draw on it too.</p>\n'
    )
  ])
}

/** File URLs left today after the run: the quota read after submitting, less what verification refreshed again. */
function urlsLeft(record: RunRecord): number | undefined {
  const after = record.submitted?.quotaAfter?.remain.File
  if (after === undefined || !Number.isFinite(after)) return undefined
  return Math.max(0, after - refreshedAgain(record))
}

function verificationParts(record: RunRecord): Part[] {
  const v = record.verification
  if (!v) return []
  if (v.skipped) return [html(`<p><b>Verification:</b> ${escapeHtml(v.skipped)}</p>\n`)]
  const counts = countVerdicts(v.final)
  const summaryText = (['fresh', 'stale', 'unknown', 'error'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => (k === 'error' ? plural(counts[k], 'error') : `${formatCount(counts[k])} ${k}`))
    .join(', ')
  const parts: Part[] = []
  v.rounds.forEach((round, i) => {
    const c = countVerdicts(round.checks)
    const refresh = round.refresh
    if (refresh?.skipped)
      parts.push(html(`<p>Round ${i + 1}: nothing checked. ${escapeHtml(refresh.skipped)}</p>\n`))
    else if (refresh) {
      const tasks = refresh.outcomes.flatMap((o) => o.taskIds)
      parts.push(
        html(
          `<p>Round ${i + 1}: the stale URLs refreshed again (${plural(tasks.length, 'task')}${refresh.wait ? `, ${escapeHtml(refresh.wait.status)}` : ''}), then ${describeVerdicts(c)}.</p>\n`
        )
      )
    } else parts.push(html(`<p>Round ${i + 1}: ${describeVerdicts(c)}.</p>\n`))
  })
  const unsure = v.final.filter((c) => c.verdict === 'unknown' || c.verdict === 'error')
  if (unsure.length > 0) {
    parts.push(html('<p>Unknown and error verdicts never fail the step; each says why:</p>\n'))
    parts.push(
      table(
        ['URL', 'Verdict', 'Why', ...HEADER_NAMES],
        unsure.map((c) => [escapeHtml(c.url), c.verdict, escapeHtml(c.reason), ...headerCells(c)])
      )
    )
  }
  return folded(`Verification: ${summaryText} of ${plural(counts.checked, 'checked URL')}`, parts)
}

function prefetchParts(record: RunRecord): Part[] {
  const preload = record.submitted?.preload
  if (!preload || preload.length === 0) return []
  const urls = preload.reduce((n, p) => n + (p.ok ? p.objects.length : 0), 0)
  return folded(
    `Prefetch: ${plural(urls, 'URL')} in ${plural(preload.length, 'request')}, ${preload.every((p) => p.ok) ? 'all accepted' : `${formatCount(preload.filter((p) => p.ok).length)} accepted`}`,
    [
      table(
        ['#', 'URLs', 'Task IDs', 'Request ID', 'Status'],
        preload.map((p, i) => [
          formatCount(i + 1),
          formatCount(p.objects.length),
          escapeHtml(p.taskIds.join(', ')),
          escapeHtml(p.requestId),
          p.ok ? 'accepted' : 'failed (above)'
        ])
      )
    ]
  )
}

function ruleParts(record: RunRecord): Part[] {
  const m = record.targets?.mapping
  if (!m || m.hits.length === 0) return []
  return folded(`Rules: ${plural(m.paths, 'path')} mapped`, [
    table(
      ['Line', 'Rule', 'Paths matched'],
      m.hits.map((h) => [formatCount(h.line), escapeHtml(h.text), formatCount(h.paths)])
    ),
    html(
      `<p>${formatCount(m.excluded)} excluded by a ! rule, ${formatCount(m.unmatched)} matched no rule.</p>\n`
    )
  ])
}

/** The objects refreshed (planned, in a dry run), and those that were not accepted, marked. */
function objectParts(record: RunRecord, status: RunStatus): Part[] {
  const accepted = status === 'dry-run' || record.submitted ? acceptedObjects(record) : undefined
  if (!accepted) return []
  const site = record.settings?.site ?? ''
  const rows = [
    ...accepted.targets.map(
      (t) => `${t.type === 'File' ? '' : `${t.type} `}${escapeHtml(t.url)}\n`
    ),
    ...accepted.tags.map((t) => `tag ${escapeHtml(t.host || site)} ${escapeHtml(t.tag)}\n`)
  ]
  const rejected = failedBatches(record).flatMap((o) =>
    o.objects.map((x) =>
      o.batch.type === 'Tag'
        ? `tag ${escapeHtml([...o.batch.hosts.keys()][0] || site)} ${escapeHtml(x)} (not accepted)\n`
        : `${o.batch.type === 'File' ? '' : `${o.batch.type} `}${escapeHtml(x)} (not accepted)\n`
    )
  )
  const all = [...rows, ...rejected]
  if (all.length === 0) return []
  const verb = status === 'dry-run' ? 'planned' : 'refreshed'
  const title = `${objectsPhrase(countKinds(accepted.targets, accepted.tags.length))} ${verb}${rejected.length > 0 ? `; ${formatCount(rejected.length)} not accepted` : ''}`
  return folded(title, [
    {
      rows: all,
      render: (shown, total) =>
        `<pre>\n${shown.join('')}</pre>\n${cutNote(shown.length, total, 'objects')}`
    }
  ])
}

/**
 * Gives each list a share of the room left: the shortest lists keep all their rows, and the
 * longest are cut first, so a failure is never pushed out by a long list of successes.
 */
function allocate(parts: Part[], limitBytes: number): string {
  const lists = parts.filter((p): p is Extract<Part, { rows: string[] }> => 'rows' in p)
  const fixed = parts.reduce(
    (n, p) =>
      n + ('html' in p ? Buffer.byteLength(p.html) : Buffer.byteLength(p.render([], 1)) + 400),
    0
  )
  const sizes = new Map(lists.map((l) => [l, l.rows.reduce((n, r) => n + Buffer.byteLength(r), 0)]))
  const keep = new Map<Part, number>()
  let room = Math.max(0, limitBytes - fixed)
  const order = [...lists].sort((a, b) => sizes.get(a)! - sizes.get(b)!)
  order.forEach((list, i) => {
    const share = Math.floor(room / (order.length - i))
    let used = 0
    let count = 0
    for (const row of list.rows) {
      const size = Buffer.byteLength(row)
      if (used + size > share) break
      used += size
      count++
    }
    keep.set(list, count)
    room -= used
  })
  return parts
    .map((p) => ('html' in p ? p.html : p.render(p.rows.slice(0, keep.get(p)), p.rows.length)))
    .join('')
}

/** The job summary as HTML, always under GitHub's 1 MiB limit. */
export function buildSummary(
  record: RunRecord,
  limitBytes: number = GITHUB_LIMITS.summaryBytes - 16 * 1024
): string {
  const status = statusOf(record)
  const { title, more } = headline(record, status)
  const parts: Part[] = [
    html(`<h2>${iconOf(record, status)} ${title}</h2>\n`),
    ...(more ? [html(`<p>${more}</p>\n`)] : []),
    ...attention(record),
    html(changesLine(record)),
    ...verificationParts(record),
    ...collapseParts(record),
    ...batchParts(record),
    ...taskParts(record),
    ...quotaParts(record),
    ...prefetchParts(record),
    ...ruleParts(record),
    ...objectParts(record, status)
  ]
  return allocate(parts, limitBytes)
}
