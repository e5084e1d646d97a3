import { closeSync, openSync, readSync } from 'node:fs'

/**
 * 16 random bytes as hex, for tokens no file name can guess (stop-commands, output delimiters).
 * Read from the system's random source where there is one, so that a dry run need not load
 * node:crypto, a measured share of start-up; node:crypto otherwise.
 */
export function randomHex(): string {
  const bytes = Buffer.alloc(16)
  try {
    const fd = openSync('/dev/urandom', 'r')
    try {
      if (readSync(fd, bytes, 0, 16, null) === 16) return bytes.toString('hex')
    } finally {
      closeSync(fd)
    }
  } catch {
    // No /dev/urandom (Windows): node:crypto below.
  }
  return process.getBuiltinModule('node:crypto').randomBytes(16).toString('hex')
}
