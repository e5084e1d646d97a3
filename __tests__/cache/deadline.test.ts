// The deadlines of a GitHub service that @actions/cache talks to (SPEC 4.1.4), against real
// loopback servers: one that never answers, and one that answers slowly but keeps sending.
import { afterEach, describe, expect, it } from '@jest/globals'
import { IncomingMessage, ServerResponse, createServer, get, Server } from 'node:http'
import { silenceBudget, withinDeadlines } from '../../src/cache/deadline.js'

const servers: Server[] = []
afterEach(() => servers.splice(0).forEach((s) => (s.closeAllConnections(), s.close())))

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void
): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/`
}

/** A request as the cache library makes one: node's http client, which the deadlines watch. */
const fetchText = (url: string) =>
  new Promise<string>((resolve, reject) => {
    get(url, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve(text))
      res.on('error', reject)
    }).on('error', reject)
  })

describe('withinDeadlines', () => {
  it('gives up a silent request at its deadline, and the service once it has cost the whole budget', async () => {
    const url = await serve(() => {})
    const budget = silenceBudget({ callMs: 300, totalMs: 900 })
    const started = Date.now()
    const attempts: string[] = []
    // A library that retries every failure until it is told to stop.
    const retrying = async () => {
      for (;;) {
        try {
          return await fetchText(url)
        } catch (error) {
          attempts.push((error as Error).message)
          if (/gave no answer within/.test((error as Error).message)) throw error
        }
      }
    }
    await expect(withinDeadlines(budget, retrying)).rejects.toThrow(
      'the service gave no answer within 900 ms in all (300 ms a request, retries included)'
    )
    const ms = Date.now() - started
    expect(ms).toBeGreaterThanOrEqual(850)
    expect(ms).toBeLessThan(2000)
    expect(attempts[0]).toBe('no answer within 300 ms')
    expect(budget.spentMs).toBeGreaterThanOrEqual(900)
    // The next operation on the same service fails at once.
    const again = Date.now()
    await expect(withinDeadlines(budget, retrying)).rejects.toThrow(/gave no answer/)
    expect(Date.now() - again).toBeLessThan(100)
  })

  it('never charges time in which bytes are moving', async () => {
    const url = await serve((_, res) => {
      let sent = 0
      const tick = setInterval(() => {
        res.write('x')
        if (++sent === 12) {
          clearInterval(tick)
          res.end()
        }
      }, 100)
    })
    const budget = silenceBudget({ callMs: 400, totalMs: 500 })
    // 1.2 s of transfer against a budget of 0.5 s: it finishes, since it never goes silent.
    expect(await withinDeadlines(budget, () => fetchText(url))).toBe('x'.repeat(12))
    expect(budget.spentMs).toBeLessThan(500)
  })
})
