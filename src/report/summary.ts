import { ChangeSource } from '../changes/collect.js'
import { inert, plural } from '../log.js'
import { TYPE_ORDER } from '../plan/budget.js'
import { RefreshTarget } from '../targets/target.js'
import { RunReport } from './model.js'
import { GITHUB_LIMITS } from './outputs.js'
import { statusOf } from './status.js'

export function escapeHtml(text: string): string {
  return inert(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const MAX_TABLE_ROWS = 200

function table(headers: string[], rows: string[][]): string {
  const shown = rows.slice(0, MAX_TABLE_ROWS)
  const head = `<tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`
  const body = shown
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n')
  const cut =
    rows.length > shown.length ? `\n<p>Showing ${shown.length} of ${rows.length} rows.</p>` : ''
  return `<table>\n${head}\n${body}\n</table>${cut}\n`
}

const short = (sha: string) => (/^[0-9a-f]{40,64}$/.test(sha) ? sha.slice(0, 12) : sha)
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`

/** Where the changed paths came from (SPEC 4.5): the push, the last successful run, or the manifest. */
function changesSection(source: ChangeSource): string {
  if (source.kind === 'manifest') {
    const base = source.baseline
      ? `the manifest of run ${escapeHtml(source.baseline.runNumber ? `#${source.baseline.runNumber} ` : '')}(${escapeHtml(source.baseline.runId)})${source.baseline.createdAt ? ` of ${escapeHtml(source.baseline.createdAt.slice(0, 10))}` : ''}`
      : 'no previous manifest'
    return (
      `<p>Deployed files: <b>${source.files}</b> hashed, compared with ${base}: ` +
      `<b>${source.added}</b> added, <b>${source.modified}</b> modified, <b>${source.removed}</b> removed.</p>\n`
    )
  }
  const c = source.listing
  const parts = [
    `<p>Changed files: <b>${c.paths.length}</b> from ${escapeHtml(c.source)}, <code>${escapeHtml(short(c.base))}..${escapeHtml(short(c.head))}</code>`
  ]
  if (source.trigger) parts.push(`, for the deploy of ${escapeHtml(source.trigger)}`)
  if (source.baseRun) {
    const run = source.baseRun
    parts.push(
      `; the base is the last successful run, #${run.runNumber} (${run.id}) of ${escapeHtml(run.createdAt.slice(0, 10))}`
    )
  }
  return parts.join('') + '.</p>\n'
}

/** The fixed parts of the summary: everything but the URL lists, which get what space is left. */
function sections(report: RunReport): string {
  const parts: string[] = [
    `<h2>${escapeHtml(report.service)} refresh: ${escapeHtml(statusOf(report))}</h2>\n`
  ]
  if (report.fatal !== undefined) parts.push(`<p><b>Error:</b> ${escapeHtml(report.fatal)}</p>\n`)
  if (report.nothingToDo) parts.push(`<p>${escapeHtml(report.nothingToDo)}</p>\n`)
  for (const note of report.notes) parts.push(`<p>${escapeHtml(note)}</p>\n`)
  if (report.changes) parts.push(changesSection(report.changes))
  if (report.mapping) {
    const m = report.mapping
    parts.push('<h3>Rule hits</h3>\n')
    parts.push(
      table(
        ['Line', 'Rule', 'Paths matched'],
        m.hits.map((h) => [String(h.line), h.text, String(h.paths)])
      )
    )
    parts.push(
      `<p>${m.paths} paths: ${m.excluded} excluded by a ! rule, ${m.unmatched} matched no rule.</p>\n`
    )
  }
  const collapsed = report.plan?.collapsed ?? []
  if (collapsed.length > 0) {
    const dirs = plural(collapsed.length, 'directory', 'directories')
    const verb = collapsed.length === 1 ? 'stands' : 'stand'
    const replaced = collapsed.reduce((n, d) => n + d.replaced, 0)
    parts.push('<h3>Directories in place of URLs</h3>\n')
    parts.push(
      `<p>${report.plan?.fileUrlsBefore ?? 0} File URLs did not fit their budget (max-objects, and today's quota when it was read), so ${dirs} now ${verb} for ${replaced} of them.</p>\n`
    )
    const known = report.plan?.treeKnown === true
    parts.push(
      table(
        ['Directory', 'URLs replaced', 'Unchanged known URLs below'],
        collapsed.map((d) => [
          d.url,
          String(d.replaced),
          known ? String(d.collateral) : 'unknown (no tree)'
        ])
      )
    )
  }
  const batches = report.plan?.batches ?? []
  if (batches.length > 0) {
    parts.push('<h3>Batches</h3>\n')
    const rows = batches.map((batch, i) => {
      const outcome = report.outcomes?.[i]
      const hosts = [...batch.hosts.keys()].join(', ')
      if (!outcome) {
        const at = report.schedule?.[i]
        return [
          String(i + 1),
          batch.type,
          String(batch.urls.length),
          hosts,
          '',
          '',
          at === undefined ? 'planned' : `planned at +${seconds(at)}`
        ]
      }
      const status = outcome.ok ? 'accepted' : `failed: ${outcome.error?.message ?? ''}`
      return [
        String(i + 1),
        batch.type,
        String(batch.urls.length),
        hosts,
        outcome.taskIds.join(', '),
        outcome.requestId,
        status
      ]
    })
    parts.push(table(['#', 'Type', 'Objects', 'Hosts', 'Task IDs', 'Request ID', 'Status'], rows))
  }
  const needs = report.plan?.needs
  if (needs || report.quotaBefore) {
    parts.push('<h3>Quota today</h3>\n')
    const kinds = needs?.map((n) => n.kind) ?? TYPE_ORDER
    const show = (n: number | undefined) =>
      n === undefined || !Number.isFinite(n) ? '' : String(n)
    const rows = kinds.map((kind) => [
      kind,
      show(needs?.find((n) => n.kind === kind)?.need),
      show(report.quotaBefore?.remain[kind]),
      show(report.quotaAfter?.remain[kind]),
      show(report.quotaBefore?.quota[kind])
    ])
    parts.push(
      table(['Kind', 'Needed', 'Remaining before', 'Remaining after', 'Daily quota'], rows)
    )
  }
  if (report.wait) {
    parts.push(`<h3>Tasks: ${escapeHtml(report.wait.status)}</h3>\n`)
    parts.push(
      table(
        ['Task', 'Status', 'Progress', 'Object', 'Description'],
        report.wait.tasks.map((t) => [t.taskId, t.status, t.process, t.objectPath, t.description])
      )
    )
  }
  if (report.preload && report.preload.length > 0) {
    parts.push('<h3>Preload</h3>\n')
    parts.push(
      table(
        ['#', 'URLs', 'Task IDs', 'Request ID', 'Status'],
        report.preload.map((p, i) => [
          String(i + 1),
          String(p.urls.length),
          p.taskIds.join(', '),
          p.requestId,
          p.ok ? 'accepted' : `failed: ${p.error?.message ?? ''}`
        ])
      )
    )
  }
  if (report.preloadSkipped) parts.push(`<p>${escapeHtml(report.preloadSkipped)}</p>\n`)
  if (report.manifestSaved !== undefined) {
    parts.push(
      report.manifestSaved
        ? "<p>This run's manifest is now the baseline for the next run.</p>\n"
        : '<p>The baseline manifest was kept as it was, so the next run refreshes these files again.</p>\n'
    )
  }
  return parts.join('')
}

/** A collapsed list of the targets, cut to `budget` bytes with a note saying so. */
function targetList(targets: readonly RefreshTarget[], budget: number): string {
  if (targets.length === 0) return ''
  const open = `<details><summary>${targets.length} objects</summary>\n<pre>\n`
  const close = '</pre>\n</details>\n'
  let used = Buffer.byteLength(open + close) + 200
  const lines: string[] = []
  for (const target of targets) {
    const line = `${target.type === 'File' ? '' : `${target.type} `}${escapeHtml(target.url)}\n`
    const size = Buffer.byteLength(line)
    if (used + size > budget) break
    lines.push(line)
    used += size
  }
  const cut =
    lines.length < targets.length
      ? `<p>The list shows ${lines.length} of ${targets.length} objects: it was cut to keep the summary under GitHub's 1 MiB limit. The full list is in the step's log.</p>\n`
      : ''
  return open + lines.join('') + close + cut
}

/** The job summary as HTML, always under GitHub's 1 MiB limit. */
export function buildSummary(
  report: RunReport,
  limitBytes: number = GITHUB_LIMITS.summaryBytes - 16 * 1024
): string {
  let fixed = sections(report)
  if (Buffer.byteLength(fixed) > limitBytes / 2) {
    fixed =
      Buffer.from(fixed)
        .subarray(0, limitBytes / 2)
        .toString('utf8')
        .replace(/<[^>]*$/, '') + '\n<p>(cut to fit the summary limit)</p>\n'
  }
  return fixed + targetList(report.targets, limitBytes - Buffer.byteLength(fixed))
}
