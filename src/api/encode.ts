/**
 * RFC 3986 percent-encoding for signing (SPEC 6.3): UTF-8, only A-Z a-z 0-9 - _ . ~ kept, a
 * space as %20, `*` as %2A. The browser-style path encoder for URLs is src/rules/encode.ts.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()
  )
}

/** `k=v&k=v` with names in byte order and both sides percent-encoded. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort(byteOrder)
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&')
}

export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}
