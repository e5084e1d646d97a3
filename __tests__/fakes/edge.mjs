// A fake CDN edge on loopback, for verifying at the edge (SPEC 4.6). It is an HTTP forward proxy,
// as HTTP_PROXY points at it: it answers both forms a client may use for a plain http:// URL, the
// absolute-form request (`GET http://host/path`) and a CONNECT tunnel (undici's ProxyAgent
// tunnels even plain http://), and lets loopback hosts (the service fakes) pass straight through.
//
// For the sites it plays, it keeps each URL's copy from an in-memory origin, as a CDN node does:
// a copy stays until the service fake completes a refresh task that names its URL or a directory
// above it (wire `expire` to the service fake's onTaskComplete). The origin can lag behind the
// deploy (the race a refresh loses), and any URL can answer 500, hang, redirect or serve
// transformed bytes. Each answer carries Age, X-Cache, Ali-Swift-Global-Savetime, Via and EagleId.
// It counts requests in flight and records each request's headers.
import { randomBytes } from 'node:crypto'
import { createServer, request as forward } from 'node:http'
import { connect } from 'node:net'
import { serveOnLoopback } from './loopback.mjs'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/

/**
 * Options: now (ms; default Date.now), delayMs (before each answer; default 0), lifetimeMs.
 * Returns { url, origin, warm, expire, fault, requests, maxInFlight, headersOf, close }.
 */
export async function startFakeEdge(options = {}) {
  const now = options.now ?? (() => Date.now())
  const delayMs = options.delayMs ?? 0
  /** The origin's files: url → { body, status }, and what it served before the deploy. */
  const files = new Map()
  const before = new Map()
  /** url → fetches still to be answered with the bytes before the deploy. */
  const lagging = new Map()
  /** The edge's copies: url → { body, status, storedAt }. */
  const cache = new Map()
  /** url → { kind: '500' | 'hang' | 'redirect' | 'transform' }. */
  const faults = new Map()
  const requests = []
  let inFlight = 0
  let maxInFlight = 0
  const sockets = new Set()

  function fromOrigin(url) {
    const left = lagging.get(url) ?? 0
    if (left > 0) {
      lagging.set(url, left - 1)
      return before.get(url) ?? { status: 404, body: Buffer.from('not found') }
    }
    return files.get(url) ?? { status: 404, body: Buffer.from('not found') }
  }

  function answer(url, req, res) {
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    requests.push({ url, method: req.method, headers: { ...req.headers } })
    const finish = () => {
      inFlight--
    }
    res.on('close', finish)
    const fault = faults.get(url)
    if (fault?.kind === 'hang') return
    setTimeout(() => {
      if (fault?.kind === '500') {
        res.writeHead(500, { 'content-type': 'text/plain' })
        return res.end('origin error')
      }
      if (fault?.kind === 'redirect') {
        res.writeHead(301, { location: `${url}/moved` })
        return res.end()
      }
      let copy = cache.get(url)
      let hit = true
      if (!copy) {
        hit = false
        copy = { ...fromOrigin(url), storedAt: now() }
        cache.set(url, copy)
      }
      const body =
        fault?.kind === 'transform'
          ? Buffer.concat([copy.body, Buffer.from('<!-- -->')])
          : copy.body
      res.writeHead(copy.status, {
        'content-type': 'text/html',
        'content-length': body.length,
        age: String(Math.max(0, Math.floor((now() - copy.storedAt) / 1000))),
        'x-cache': hit ? 'HIT TCP_MEM_HIT dirn:-2:-2' : 'MISS TCP_MISS dirn:-2:-2',
        'ali-swift-global-savetime': String(Math.floor(copy.storedAt / 1000)),
        via: `cache${hit ? 1 : 2}.l2cn[${hit ? '0,200-0,H' : '5,200-0,M'}], cache3.cn[0,${hit ? 'H' : 'M'}]`,
        eagleid: randomBytes(12).toString('hex'),
        ...(fault?.headers ?? {})
      })
      res.end(body)
    }, delayMs)
  }

  // Requests for the sites: absolute-form through the proxy, or origin-form inside a tunnel.
  const site = createServer((req, res) => {
    const target = req.url?.startsWith('http://')
      ? req.url
      : `http://${req.headers.host}${req.url ?? '/'}`
    answer(target, req, res)
  })
  const server = createServer((req, res) => {
    const target = req.url?.startsWith('http://') ? new URL(req.url) : undefined
    if (!target || !LOOPBACK.test(target.hostname)) return site.emit('request', req, res)
    // A loopback host in absolute form (the cache fake's blob storage): forward it as it is.
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers: req.headers
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  server.on('connect', (req, client, head) => {
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/)
    if (LOOPBACK.test(host)) {
      // The service fakes: a tunnel to the real socket.
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        upstream.pipe(client)
        client.pipe(upstream)
      })
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
      sockets.add(upstream)
      return
    }
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length > 0) client.unshift(head)
    site.emit('connection', client)
  })
  const { port, close } = await serveOnLoopback(server, options.lifetimeMs)

  const toBuffer = (body) => (Buffer.isBuffer(body) ? body : Buffer.from(body))
  return {
    url: `http://127.0.0.1:${port}`,
    origin: {
      /** Deploys a file: the origin serves it from now on (or after `lag` more fetches). */
      deploy(url, body, { lag = 0 } = {}) {
        if (files.has(url)) before.set(url, files.get(url))
        files.set(url, { status: 200, body: toBuffer(body) })
        if (lag > 0) lagging.set(url, lag)
      },
      /** Removes a file from the origin: it answers 404 from now on (or after `lag` fetches). */
      remove(url, { lag = 0 } = {}) {
        if (files.has(url)) before.set(url, files.get(url))
        files.set(url, { status: 404, body: Buffer.from('not found') })
        if (lag > 0) lagging.set(url, lag)
      }
    },
    /** Puts a copy at the edge, stored `ageSeconds` ago, as a node that served the old site. */
    warm(url, body, { ageSeconds = 3600, status = 200 } = {}) {
      cache.set(url, { status, body: toBuffer(body), storedAt: now() - ageSeconds * 1000 })
    },
    /** Drops the copies a completed task refreshed: its URLs, or everything below its directories. */
    expire({ type, urls }) {
      for (const url of urls) {
        if (type === 'Directory') {
          for (const key of [...cache.keys()]) if (key.startsWith(url)) cache.delete(key)
        } else cache.delete(url)
      }
    },
    /** Makes a URL answer 500, hang, redirect, or serve transformed bytes; extra headers too. */
    fault(url, kind, headers) {
      faults.set(url, { kind, headers })
    },
    requests,
    maxInFlight: () => maxInFlight,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await close()
    }
  }
}
