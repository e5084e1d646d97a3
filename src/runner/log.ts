import { randomHex } from '../util/random.js'
import { inert } from '../util/text.js'

/** Where the stages write what a person reads in the step's log. main.ts builds the one instance. */
export interface Log {
  info(message: string): void
  warning(message: string): void
  /** Lines from untrusted text (file names, URLs made from them), printed inertly. */
  untrusted(lines: readonly string[]): void
  /** A collapsible group around a phase; closed even when the phase throws. */
  group<T>(title: string, phase: () => Promise<T>): Promise<T>
}

/**
 * Prints untrusted lines (file names, URLs made from them) so that none can issue a workflow
 * command: each is escaped onto one line, and the block is wrapped in ::stop-commands:: with a
 * token no file name can guess. Lines are written in blocks, not one call each.
 */
export function printUntrusted(write: (text: string) => void, lines: readonly string[]): void {
  const token = randomHex()
  write(`::stop-commands::${token}`)
  const block: string[] = []
  for (const line of lines) {
    block.push(inert(line))
    if (block.length === 2000) {
      write(block.join('\n'))
      block.length = 0
    }
  }
  if (block.length > 0) write(block.join('\n'))
  write(`::${token}::`)
}
