// A forward proxy on loopback that tunnels CONNECT requests and counts them, to show that the
// action honours HTTP(S)_PROXY and NO_PROXY.
import { createServer } from 'node:http'
import { connect } from 'node:net'

export async function startFakeProxy(options = {}) {
  const tunnels = []
  const server = createServer((_req, res) => {
    res.writeHead(405)
    res.end()
  })
  server.on('connect', (req, client, head) => {
    tunnels.push(req.url)
    const [host, port] = (req.url ?? '').split(':')
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const close = () =>
    new Promise((resolve) => {
      server.closeAllConnections?.()
      server.close(() => resolve())
    })
  setTimeout(close, options.lifetimeMs ?? 60_000).unref()
  return { url: `http://127.0.0.1:${server.address().port}`, tunnels, close }
}
