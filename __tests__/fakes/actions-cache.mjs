// A fake of the GitHub Actions cache service, version 2, as @actions/cache speaks it (protobuf
// field names in JSON, as its generated client sends them): the twirp
// CacheService under ACTIONS_RESULTS_URL (CreateCacheEntry, FinalizeCacheEntryUpload,
// GetCacheEntryDownloadURL), and blob storage at the signed URLs it hands out (a PUT of the
// archive; HEAD and ranged GETs to read it back). Keys are immutable, restore matches the exact
// key and then the newest entry whose key starts with a restore key, for the same version. It
// outlives several action runs, so that two deploys can run in a row against it.
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { serveOnLoopback } from './loopback.mjs'

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/'

/**
 * Options: token (the runtime token it expects), failWith (an HTTP status every service call
 * answers, to play an unavailable cache), failMessage (the text it answers then, which the
 * library prints), hang (accept every call and never answer), lifetimeMs (default 120 s).
 */
export async function startFakeCache(options = {}) {
  const token = options.token ?? 'fake-runtime-token'
  const state = {
    /** Finalized entries, oldest first: { key, version, blob, size, at }. */
    entries: [],
    /** Reserved but not finalized: key + version → blob id. */
    pending: new Map(),
    blobs: new Map(),
    calls: []
  }
  let failWith = options.failWith
  let hang = options.hang ?? false
  const hanging = new Set()
  let clock = 0

  function json(res, status, payload) {
    const body = JSON.stringify(payload)
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body)
    })
    res.end(body)
  }

  function blobUrl(id) {
    return `http://127.0.0.1:${port}/devstoreaccount1/cache/${id}?sig=fake-signature`
  }

  function twirp(method, body) {
    switch (method) {
      case 'CreateCacheEntry': {
        const id = `${body.key}\u0000${body.version}`
        if (
          state.entries.some((e) => e.key === body.key && e.version === body.version) ||
          state.pending.has(id)
        )
          return { ok: false, message: `Cache entry ${body.key} already exists` }
        const blob = randomUUID()
        state.pending.set(id, blob)
        return { ok: true, signed_upload_url: blobUrl(blob) }
      }
      case 'FinalizeCacheEntryUpload': {
        const id = `${body.key}\u0000${body.version}`
        const blob = state.pending.get(id)
        if (!blob || !state.blobs.has(blob)) return { ok: false, message: 'No upload to finalize' }
        state.pending.delete(id)
        state.entries.push({
          key: body.key,
          version: body.version,
          blob,
          size: Number(body.sizeBytes),
          at: ++clock
        })
        return { ok: true, entryId: String(state.entries.length) }
      }
      case 'GetCacheEntryDownloadURL': {
        const sameVersion = state.entries.filter((e) => e.version === body.version)
        let match = sameVersion.find((e) => e.key === body.key)
        for (const prefix of body.restore_keys ?? []) {
          if (match) break
          match = sameVersion.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.at - a.at)[0]
        }
        if (!match) return { ok: false, signed_download_url: '', matched_key: '' }
        return { ok: true, signed_download_url: blobUrl(match.blob), matched_key: match.key }
      }
      default:
        return undefined
    }
  }

  function blob(req, res, id, body) {
    if (req.method === 'PUT') {
      state.blobs.set(id, body)
      res.writeHead(201, {
        etag: `"${id}"`,
        'last-modified': new Date().toUTCString(),
        'x-ms-request-server-encrypted': 'true',
        'content-length': 0
      })
      res.end()
      return
    }
    const data = state.blobs.get(id)
    if (!data) {
      res.writeHead(404, { 'x-ms-error-code': 'BlobNotFound', 'content-length': 0 })
      res.end()
      return
    }
    const common = {
      etag: `"${id}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-blob-type': 'BlockBlob',
      'accept-ranges': 'bytes'
    }
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...common, 'content-length': data.length })
      res.end()
      return
    }
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers['x-ms-range'] ?? req.headers.range ?? '')
    if (!range) {
      res.writeHead(200, { ...common, 'content-length': data.length })
      res.end(data)
      return
    }
    const start = Number(range[1])
    const end = range[2] === '' ? data.length - 1 : Math.min(Number(range[2]), data.length - 1)
    const part = data.subarray(start, end + 1)
    res.writeHead(206, {
      ...common,
      'content-length': part.length,
      'content-range': `bytes ${start}-${end}/${data.length}`
    })
    res.end(part)
  }

  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', 'http://fake')
      if (url.pathname.startsWith(SERVICE)) {
        const method = url.pathname.slice(SERVICE.length)
        state.calls.push(method)
        if (hang) {
          hanging.add(res)
          return
        }
        if (failWith)
          return json(res, failWith, {
            code: 'unavailable',
            msg: options.failMessage ?? 'The cache service is unavailable.'
          })
        if (req.headers.authorization !== `Bearer ${token}`)
          return json(res, 401, { code: 'unauthenticated', msg: 'Bad runtime token.' })
        let parsed
        try {
          parsed = JSON.parse(body.toString('utf8') || '{}')
        } catch {
          return json(res, 400, { code: 'malformed', msg: 'Body is not JSON.' })
        }
        const answer = twirp(method, parsed)
        if (!answer) return json(res, 404, { code: 'bad_route', msg: `No method ${method}.` })
        return json(res, 200, answer)
      }
      const blobMatch = /^\/devstoreaccount1\/cache\/([0-9a-f-]+)$/.exec(url.pathname)
      if (blobMatch && url.searchParams.get('sig') === 'fake-signature')
        return blob(req, res, blobMatch[1], body)
      res.writeHead(404, { 'content-length': 0 })
      res.end()
    })
  })
  const { port, close: stop } = await serveOnLoopback(server, options.lifetimeMs)
  const close = async () => {
    for (const res of hanging) res.destroy()
    await stop()
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    state,
    /** The environment a job gets from the runner for this cache service. */
    env: {
      ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/`,
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_CACHE_SERVICE_V2: 'true'
    },
    keys: () => state.entries.map((e) => e.key),
    fail(status) {
      failWith = status
    },
    close
  }
}
