/**
 * JSON.parse for the services' answers, with every integer too long for a double (an ESA site
 * ID, a task ID) kept as its exact decimal text instead of being rounded (SPEC 4.1.4).
 */
export function parseJson(text: string): unknown {
  return JSON.parse(/\d{16}/.test(text) ? quoteLongIntegers(text) : text)
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'

/** Wraps integer literals of 16 digits or more in quotes; strings are passed over as they are. */
function quoteLongIntegers(text: string): string {
  const parts: string[] = []
  let copied = 0
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      i++
      continue
    }
    if (c !== '-' && !isDigit(c)) {
      i++
      continue
    }
    const start = i
    if (c === '-') i++
    while (isDigit(text[i])) i++
    const integer = text[i] !== '.' && text[i] !== 'e' && text[i] !== 'E'
    if (integer && i - start - (c === '-' ? 1 : 0) >= 16) {
      parts.push(text.slice(copied, start), `"${text.slice(start, i)}"`)
      copied = i
    }
    while (i < text.length && /[0-9.eE+-]/.test(text[i])) i++
  }
  parts.push(text.slice(copied))
  return parts.join('')
}
