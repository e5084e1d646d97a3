/**
 * File names are bytes (SPEC 4.1.4). A name that is valid UTF-8 becomes its text; in one that is
 * not, each byte that is not part of a valid sequence becomes U+DC80 to U+DCFF (the byte plus
 * 0xDC00), so that no name is lost or confused with another, its URL percent-encodes the byte itself (`%FF`).
 */
export function decodeName(bytes: Buffer): string {
  const text = bytes.toString('utf8')
  if (!text.includes('\ufffd') || Buffer.from(text, 'utf8').equals(bytes)) return text
  let out = ''
  let i = 0
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i)
    if (length === 0) {
      out += String.fromCharCode(0xdc00 + bytes[i])
      i++
    } else {
      out += bytes.subarray(i, i + length).toString('utf8')
      i += length
    }
  }
  return out
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Buffer, i: number): number {
  const b = bytes[i]
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80
  if (b < 0x80) return 1
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0
  if (b >= 0xe0 && b <= 0xef) {
    if (!cont(1) || !cont(2)) return 0
    const b1 = bytes[i + 1]
    if (b === 0xe0 && b1 < 0xa0) return 0
    if (b === 0xed && b1 >= 0xa0) return 0
    return 3
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0
    const b1 = bytes[i + 1]
    if (b === 0xf0 && b1 < 0x90) return 0
    if (b === 0xf4 && b1 >= 0x90) return 0
    return 4
  }
  return 0
}

/** Where text that must be UTF-8 is not: the 1-based line and why, or undefined when it is fine. */
export function textProblem(bytes: Buffer): { line: number; problem: string } | undefined {
  const lineAt = (end: number) => {
    let line = 1
    for (let j = bytes.indexOf(0x0a); j >= 0 && j < end; j = bytes.indexOf(0x0a, j + 1)) line++
    return line
  }
  // A NUL byte says binary first: a binary file is not a text file, whatever else it holds.
  const nul = bytes.indexOf(0)
  if (nul >= 0) return { line: lineAt(nul), problem: 'holds a NUL byte: it is not a text file' }
  let line = 1
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    if (b === 0x0a) line++
    const length = sequenceLength(bytes, i)
    if (length === 0)
      return {
        line,
        problem: `is not valid UTF-8 (byte 0x${b.toString(16).toUpperCase().padStart(2, '0')}); save the file as UTF-8`
      }
    i += length
  }
  return undefined
}
