import { GITHUB_LIMITS } from '../limits.js'
import { TYPE_ORDER } from '../plan.js'
import { RefreshTarget } from '../targets.js'
import { inert } from './log.js'
import { RunReport } from './model.js'

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

/** The fixed parts of the summary: everything but the URL lists, which get what space is left. */
function sections(report: RunReport): string {
  const parts: string[] = [`<h2>DCDN refresh: ${escapeHtml(report.status)}</h2>\n`]
  for (const note of report.notes) parts.push(`<p>${escapeHtml(note)}</p>\n`)
  if (report.changes) {
    const c = report.changes
    parts.push(
      `<p>Changed files: <b>${c.paths.length}</b> from ${escapeHtml(c.source)}, <code>${escapeHtml(short(c.base))}..${escapeHtml(short(c.head))}</code>.</p>\n`
    )
  }
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
  if (report.batches.length > 0) {
    parts.push('<h3>Batches</h3>\n')
    const rows = report.batches.map((batch, i) => {
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
      const status = outcome.ok ? 'submitted' : `failed: ${outcome.error?.message ?? ''}`
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
  if (report.quotaNeeds || report.quotaBefore) {
    parts.push('<h3>Quota today</h3>\n')
    const kinds = report.quotaNeeds?.map((n) => n.kind) ?? TYPE_ORDER
    const show = (n: number | undefined) =>
      n === undefined || !Number.isFinite(n) ? '' : String(n)
    const rows = kinds.map((kind) => [
      kind,
      show(report.quotaNeeds?.find((n) => n.kind === kind)?.need),
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
          p.ok ? 'submitted' : `failed: ${p.error?.message ?? ''}`
        ])
      )
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
