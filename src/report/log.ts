import { randomBytes } from 'node:crypto'

/** Shows control characters (a newline in a file name) as visible escapes, one line per name. */
export function inert(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

/**
 * Prints untrusted lines (file names, URLs made from them) so that none can issue a workflow
 * command: each is escaped onto one line, and the block is wrapped in ::stop-commands:: with a
 * token no file name can guess.
 */
export function printUntrusted(write: (line: string) => void, lines: readonly string[]): void {
  const token = randomBytes(16).toString('hex')
  write(`::stop-commands::${token}`)
  for (const line of lines) write(inert(line))
  write(`::${token}::`)
}
