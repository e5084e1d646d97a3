/**
 * The proxy for a URL from HTTPS_PROXY / HTTP_PROXY and NO_PROXY (either case), as self-hosted
 * runners set them; undefined for a direct connection.
 */
/** The proxy variables of the runner, in either case. */
export type ProxyEnv = Readonly<Record<string, string | undefined>>

export function proxyFor(url: URL, env: ProxyEnv): string | undefined {
  const read = (name: string) => env[name] ?? env[name.toLowerCase()] ?? ''
  const proxy = url.protocol === 'https:' ? read('HTTPS_PROXY') : read('HTTP_PROXY')
  if (proxy.trim() === '') return undefined
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  for (const raw of read('NO_PROXY').split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return undefined
    const [name, entryPort] = entry.replace(/^\[|\]$/g, '').split(/:(?=\d+$)/)
    if (entryPort && entryPort !== port) continue
    const bare = name.replace(/^\*?\./, '')
    if (host === bare || host.endsWith(`.${bare}`)) return undefined
  }
  return proxy.trim()
}
