// Proves the fake edge against real clients: undici's ProxyAgent, which tunnels even plain
// http:// through CONNECT, and node's http client speaking the absolute form; loopback calls
// pass through to the real server.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, request as httpRequest } from 'node:http'
import { ProxyAgent, request } from 'undici'
import { startFakeEdge } from './edge.mjs'

type Edge = Awaited<ReturnType<typeof startFakeEdge>>
let edge: Edge | undefined
afterEach(async () => {
  await edge?.close()
  edge = undefined
})

const URL_A = 'http://www.example.com/a.html'

async function viaProxyAgent(edge: Edge, url: string) {
  const agent = new ProxyAgent({ uri: edge.url })
  try {
    const answer = await request(url, {
      dispatcher: agent,
      headers: { 'accept-encoding': 'identity' }
    })
    return { status: answer.statusCode, headers: answer.headers, body: await answer.body.text() }
  } finally {
    await agent.close()
  }
}

function viaAbsoluteForm(
  edge: Edge,
  url: string
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const proxy = new URL(edge.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: proxy.hostname, port: proxy.port, path: url, headers: { host: new URL(url).host } },
      (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    req.end()
  })
}

describe('the fake edge', () => {
  it('serves through a CONNECT tunnel and in absolute form, a miss then hits', async () => {
    edge = await startFakeEdge()
    edge.origin.deploy(URL_A, 'v1')
    const first = await viaProxyAgent(edge, URL_A)
    expect(first).toMatchObject({ status: 200, body: 'v1' })
    expect(first.headers['x-cache']).toMatch(/^MISS/)
    expect(first.headers.age).toBe('0')
    expect(first.headers.eagleid).toMatch(/^[0-9a-f]{24}$/)
    const second = await viaAbsoluteForm(edge, URL_A)
    expect(second).toMatchObject({ status: 200, body: 'v1' })
    expect(second.headers['x-cache']).toMatch(/^HIT/)
    expect(edge.requests.map((r: { url: string }) => r.url)).toEqual([URL_A, URL_A])
  })

  it('keeps its copy after a deploy until a refresh expires it, and the origin can lag', async () => {
    edge = await startFakeEdge()
    edge.origin.deploy(URL_A, 'v1')
    await viaProxyAgent(edge, URL_A)
    edge.origin.deploy(URL_A, 'v2', { lag: 1 })
    expect((await viaProxyAgent(edge, URL_A)).body).toBe('v1')
    edge.expire({ type: 'File', urls: [URL_A] })
    // The origin had not caught up: the edge stores the old bytes again.
    expect((await viaProxyAgent(edge, URL_A)).body).toBe('v1')
    edge.expire({ type: 'Directory', urls: ['http://www.example.com/'] })
    expect((await viaProxyAgent(edge, URL_A)).body).toBe('v2')
  })

  it('answers a warm copy with its age, and faults on demand', async () => {
    edge = await startFakeEdge()
    edge.warm(URL_A, 'old', { ageSeconds: 3600 })
    const warm = await viaProxyAgent(edge, URL_A)
    expect(Number(warm.headers.age)).toBeGreaterThanOrEqual(3600)
    edge.fault('http://www.example.com/r', 'redirect')
    expect((await viaProxyAgent(edge, 'http://www.example.com/r')).status).toBe(301)
    edge.fault('http://www.example.com/e', '500')
    expect((await viaProxyAgent(edge, 'http://www.example.com/e')).status).toBe(500)
  })

  it('lets loopback hosts through to the real server', async () => {
    edge = await startFakeEdge()
    const real = createServer((_, res) => res.end('real')).listen(0, '127.0.0.1')
    await new Promise((resolve) => real.once('listening', resolve))
    const { port } = real.address() as { port: number }
    try {
      expect((await viaProxyAgent(edge, `http://127.0.0.1:${port}/`)).body).toBe('real')
      expect(edge.requests).toEqual([])
    } finally {
      real.close()
    }
  })
})
