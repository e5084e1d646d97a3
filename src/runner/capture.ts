import { librariesMayWrite } from './commands.js'

/**
 * Holds back what a library writes to stdout and stderr while its operation runs, so that its
 * lines never reach the log raw (SPEC 4.1.3, 5): they are given back, to be printed inertly. The
 * action's own lines do not go through process.stdout (runner/commands.ts), so they pass. The
 * hold lasts until `release`, which the caller gives when the library is really done, even after
 * it has stopped waiting for it: whatever an abandoned operation prints later is dropped.
 */
export function captureOutput(): { lines(): string[]; release(): void } {
  librariesMayWrite()
  const chunks: string[] = []
  const streams = [process.stdout, process.stderr]
  const originals = streams.map((stream) => stream.write)
  streams.forEach((stream) => {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(
        typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')
      )
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined
      done?.()
      return true
    }) as typeof stream.write
  })
  let released = false
  return {
    lines: () =>
      chunks
        .join('')
        .split(/\r?\n/)
        .filter((line) => line !== ''),
    release() {
      if (released) return
      released = true
      streams.forEach((stream, i) => (stream.write = originals[i]))
    }
  }
}
