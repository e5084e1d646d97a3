// Shows a run as a person sees it on GitHub. The log as the runner renders it: each group a
// folded `▸ title` line, warnings and errors as annotations, masks, debug lines and stop-commands
// markers consumed. The job summary rendered from its markdown with markdown-it, as GitHub's
// renderer keeps it, then as text: what shows at once, and each folded block with its title and,
// indented below it, what opens on a click. Nothing the summary shows is cut.
import MarkdownIt from 'markdown-it'

const markdown = new MarkdownIt({ html: true, linkify: false })
const decode = (text) => text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
const unescape = (text) =>
  text
    .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
const textOf = (html) => unescape(html.replace(/<br\s*\/?>\n?/g, '\n').replace(/<[^>]+>/g, ''))

/** The log as GitHub shows it: groups folded to their title, annotations marked. */
export function renderLog(stdout) {
  const out = []
  let stopToken
  let inGroup = false
  let hidden = 0
  const closeGroup = () => {
    if (inGroup)
      out[out.length - 1] +=
        hidden > 0 ? `  (${hidden} ${hidden === 1 ? 'line' : 'lines'}, folded)` : ''
    inGroup = false
    hidden = 0
  }
  for (const line of stdout.split('\n')) {
    if (stopToken) {
      if (line === `::${stopToken}::`) stopToken = undefined
      else if (inGroup) hidden++
      else out.push(line)
      continue
    }
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
    if (!command) {
      if (line === '') continue
      if (inGroup) hidden++
      else out.push(line)
      continue
    }
    const [, name, value] = command
    if (name === 'stop-commands') stopToken = value
    else if (name === 'group') {
      closeGroup()
      out.push(`▸ ${decode(value)}`)
      inGroup = true
    } else if (name === 'endgroup') closeGroup()
    else if (name === 'warning' || name === 'error')
      out.push(
        `${name === 'warning' ? 'Warning' : 'Error'}: ${decode(value).replace(/\n/g, '\n  ')}`
      )
    // add-mask, debug and the rest are consumed by the runner.
  }
  closeGroup()
  return out.join('\n')
}

/** The outputs file, `name<<delimiter` blocks, as `name = value` lines, values whole. */
export function renderOutputs(text) {
  const lines = []
  for (const match of text.matchAll(/^(.+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm))
    lines.push(`${match[1].padEnd(17)} = ${match[3]}`)
  return lines.join('\n')
}

function table(html) {
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1]))
  )
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  const show = (row) =>
    row
      .map((cell, i) => (cell ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  return [
    show(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(show)
  ].join('\n')
}

/** Blocks of rendered HTML as text, in order. */
function blocks(html) {
  const parts = []
  for (const m of html.matchAll(
    /<h2>([\s\S]*?)<\/h2>|<h3>([\s\S]*?)<\/h3>|<p>([\s\S]*?)<\/p>|<table>([\s\S]*?)<\/table>|<pre>([\s\S]*?)<\/pre>/g
  )) {
    const [, h2, h3, p, tbl, pre] = m
    if (h2) parts.push(`${textOf(h2)}\n${'='.repeat(textOf(h2).length)}`)
    else if (h3) parts.push(textOf(h3))
    else if (p) parts.push(textOf(p))
    else if (tbl) parts.push(table(tbl))
    else if (pre) parts.push(textOf(pre).replace(/^\n|\n$/g, ''))
  }
  return parts
}

/** The job summary as GitHub shows it, then what each folded block holds. */
export function renderSummary(summary) {
  const html = markdown.render(summary)
  const out = []
  let at = 0
  for (const fold of html.matchAll(
    /<details>\s*<summary>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>/g
  )) {
    out.push(...blocks(html.slice(at, fold.index)))
    const inside = blocks(fold[2]).join('\n').replace(/^/gm, '    ')
    out.push(`▸ ${textOf(fold[1])}  (folded; opened here:)\n${inside}`)
    at = fold.index + fold[0].length
  }
  out.push(...blocks(html.slice(at)))
  return out.join('\n')
}
