import { commands } from './commands.js'
import { percentEncode } from '../api/encode.js'

const known = new Set<string>()

/**
 * Masks a secret in the runner's log and remembers it, in every encoded form it could be echoed
 * in (a v2 SignatureDoesNotMatch message quotes the encoded string-to-sign), so that redact()
 * can strip it from outputs and the summary, which the runner does not mask.
 */
export function addSecret(value: string | undefined): void {
  if (!value) return
  const once = percentEncode(value)
  for (const form of new Set([value, once, percentEncode(once), encodeURIComponent(value)])) {
    if (known.has(form)) continue
    known.add(form)
    commands.setSecret(form)
  }
}

export function redact(text: string): string {
  let out = text
  // Longest first, so that an encoded form is not half-replaced by a shorter one.
  for (const secret of [...known].sort((a, b) => b.length - a.length))
    out = out.split(secret).join('***')
  return out
}
