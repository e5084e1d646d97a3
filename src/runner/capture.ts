/**
 * Runs `operation` while holding back what it writes to stdout and stderr, for a library whose
 * lines must not reach the log raw (SPEC 4.1.3, 5): the lines come back, to be printed inertly.
 * The writes are restored even when the operation throws.
 */
export async function captureOutput<T>(
  operation: () => Promise<T>
): Promise<{ lines: string[]; value?: T; error?: unknown; failed: boolean }> {
  const chunks: string[] = []
  const streams = [process.stdout, process.stderr]
  const originals = streams.map((stream) => stream.write)
  for (const stream of streams) {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(
        typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')
      )
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined
      done?.()
      return true
    }) as typeof stream.write
  }
  const restore = () => streams.forEach((stream, i) => (stream.write = originals[i]))
  try {
    const value = await operation()
    return { lines: linesOf(chunks), value, failed: false }
  } catch (error) {
    return { lines: linesOf(chunks), error, failed: true }
  } finally {
    restore()
  }
}

const linesOf = (chunks: string[]) =>
  chunks
    .join('')
    .split(/\r?\n/)
    .filter((line) => line !== '')
