// Serves a fake on 127.0.0.1: a free port, and a close() that ends open connections too. Every
// fake stops by itself after `lifetimeMs`, so that no test can leave a server behind.

/** Listens with `server`; resolves to its port and close(). */
export async function serveOnLoopback(server, lifetimeMs = 120_000) {
  const sockets = new Set()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    clearTimeout(timer)
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => server.close(() => resolve()))
  }
  const timer = setTimeout(close, lifetimeMs)
  timer.unref()
  return { port: server.address().port, close }
}
