/**
 * Percent-encodes one path segment the way a browser encodes a URL path (SPEC 3.2), because the
 * CDN's cache key is the URL as browsers request it. This is not the RFC 3986 encoder used for
 * signing (src/api/encode.ts): that one also encodes !'()*+,;=:@&$.
 *
 * A file name that is not valid UTF-8 reaches here with each stray byte as U+DC80 to U+DCFF
 * (see src/util/bytes.ts); that byte is encoded as itself (`%FF`), so the URL names the file.
 */
const KEPT = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/
const ALL_KEPT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]*$/
const ALL_KEPT_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/

const hex = (byte: number) => '%' + byte.toString(16).toUpperCase().padStart(2, '0')

export function encodePathSegment(segment: string): string {
  // Most names need no encoding at all.
  if (ALL_KEPT.test(segment)) return segment
  let out = ''
  for (const char of segment) {
    const code = char.charCodeAt(0)
    if (KEPT.test(char)) out += char
    else if (code >= 0xdc80 && code <= 0xdcff) out += hex(code - 0xdc00)
    else for (const byte of Buffer.from(char, 'utf8')) out += hex(byte)
  }
  return out
}

/** Encodes each segment of a POSIX path, keeping the `/` between them. */
export function encodePath(path: string): string {
  if (ALL_KEPT_PATH.test(path)) return path
  return path.split('/').map(encodePathSegment).join('/')
}
