// Shows a run as a person sees it on GitHub: the log as the runner renders it (groups, warnings
// and errors; masks, debug lines and stop-commands markers consumed), and the job summary as text.

const decode = (text) => text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
const unescape = (text) =>
  text.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&')

/** The log as GitHub shows it: `▸ group` headers with their lines indented. */
export function renderLog(stdout) {
  const out = []
  let stopToken
  let indent = ''
  for (const line of stdout.split('\n')) {
    if (stopToken) {
      if (line === `::${stopToken}::`) stopToken = undefined
      else out.push(indent + line)
      continue
    }
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
    if (!command) {
      if (line !== '') out.push(indent + line)
      continue
    }
    const [, name, value] = command
    if (name === 'stop-commands') stopToken = value
    else if (name === 'group') {
      out.push(`▸ ${decode(value)}`)
      indent = '    '
    } else if (name === 'endgroup') indent = ''
    else if (name === 'warning')
      out.push(`${indent}Warning: ${decode(value).replace(/\n/g, `\n${indent}  `)}`)
    else if (name === 'error')
      out.push(`${indent}Error: ${decode(value).replace(/\n/g, `\n${indent}  `)}`)
    // add-mask, debug and the rest are consumed by the runner.
  }
  return out.join('\n')
}

/** The outputs file, `name<<delimiter` blocks, as `name = value` lines. */
export function renderOutputs(text) {
  const lines = []
  for (const match of text.matchAll(/^(.+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm))
    lines.push(
      `${match[1].padEnd(17)} = ${match[3].length > 160 ? `${match[3].slice(0, 157)}...` : match[3]}`
    )
  return lines.join('\n')
}

function table(html) {
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((cell) => unescape(cell[1]))
  )
  const widths = rows[0].map((_, i) =>
    Math.min(48, Math.max(...rows.map((r) => (r[i] ?? '').length)))
  )
  const cut = (text, width) =>
    text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)
  const show = (row) =>
    '  ' +
    row
      .map((cell, i) => cut(cell, widths[i]))
      .join('  ')
      .trimEnd()
  return [
    show(rows[0]),
    '  ' + widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(show)
  ].join('\n')
}

/** The job summary's HTML as plain text: headings, paragraphs, tables and the folded list. */
export function renderSummary(html) {
  const parts = []
  for (const block of html.matchAll(
    /<h2>([\s\S]*?)<\/h2>|<h3>([\s\S]*?)<\/h3>|<p>([\s\S]*?)<\/p>|<table>([\s\S]*?)<\/table>|<details><summary>([\s\S]*?)<\/summary>\s*<pre>([\s\S]*?)<\/pre>/g
  )) {
    const [, h2, h3, p, tbl, summary, pre] = block
    if (h2) parts.push(`\n${unescape(h2)}\n${'='.repeat(unescape(h2).length)}`)
    else if (h3) parts.push(`\n${unescape(h3)}`)
    else if (p) parts.push(unescape(p.replace(/<[^>]+>/g, '')))
    else if (tbl) parts.push(table(tbl))
    else if (summary) {
      const items = pre.trim().split('\n')
      const shown = items.slice(0, 8).map((i) => `  ${unescape(i)}`)
      if (items.length > 8) shown.push(`  … and ${items.length - 8} more`)
      parts.push(`\n▸ ${unescape(summary)} (folded on GitHub)\n${shown.join('\n')}`)
    }
  }
  return parts.join('\n')
}
