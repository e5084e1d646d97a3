// The job summary as GitHub shows it: GitHub-flavoured markdown with HTML kept, rendered by
// markdown-it; then what a person sees before opening anything, and about how tall that is.
import MarkdownIt from 'markdown-it'

const markdown = new MarkdownIt({ html: true, linkify: false })

export function render(summary: string): string {
  return markdown.render(summary)
}

/** The rendered page with every folded block closed: its <summary> line shows, nothing more. */
export function unfolded(rendered: string): string {
  return rendered.replace(
    /<details>\s*<summary>([\s\S]*?)<\/summary>[\s\S]*?<\/details>/g,
    '<details-closed>$1</details-closed>'
  )
}

/** The text of some HTML, tags dropped and entities read, one line per block. */
export function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(p|h\d|tr|li|pre|details-closed|table)>/g, '\n')
    .replace(/<\/t[dh]>/g, ' | ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/** The text before the first folded block: the headline and what needs attention. */
export function beforeFirstFold(summary: string): string {
  const rendered = unfolded(render(summary))
  const fold = rendered.indexOf('<details-closed>')
  return textOf(fold < 0 ? rendered : rendered.slice(0, fold))
}

/**
 * About how tall the page is with every list folded, at 1,280 pixels wide, as GitHub's summary
 * lays it out: a line of text takes 24 px and holds about 120 characters, a heading 40 px a
 * line, a table row 37 px, a closed fold 28 px. An estimate for tests; look at a screenshot too.
 */
export function foldedHeight(summary: string): number {
  const page = unfolded(render(summary))
  let px = 0
  const wrapped = (text: string, perLine: number) =>
    Math.max(1, Math.ceil(textOf(text).length / perLine))
  for (const m of page.matchAll(
    /<h2>([\s\S]*?)<\/h2>|<h3>([\s\S]*?)<\/h3>|<p>([\s\S]*?)<\/p>|<tr>[\s\S]*?<\/tr>|<details-closed>|<pre>([\s\S]*?)<\/pre>/g
  )) {
    if (m[1] !== undefined) px += 40 * wrapped(m[1], 70) + 24
    else if (m[2] !== undefined) px += 32 * wrapped(m[2], 90) + 16
    else if (m[3] !== undefined)
      px += 24 * m[3].split(/<br\s*\/?>/).reduce((n, l) => n + wrapped(l, 120), 0) + 16
    else if (m[4] !== undefined) px += 20 * m[4].split('\n').length
    else if (m[0] === '<details-closed>') px += 28
    else px += 37
  }
  return px
}
