import { describe, expect, it } from '@jest/globals'
import { inert, printUntrusted } from '../../src/log.js'
import { PlanLimits, planBatches as plan } from '../../src/plan/batches.js'
import { buildOutputs, jsonArrayWithin } from '../../src/report/outputs.js'
import { buildSummary, escapeHtml } from '../../src/report/summary.js'
import { RunReport } from '../../src/report/model.js'
import { RefreshTarget } from '../../src/targets/target.js'

const planBatches = (
  targets: readonly RefreshTarget[],
  limits: { maxUrlsPerRequest: number; urlRatePerDomain: number }
) =>
  plan(targets, {
    directoriesPerRequest: 100,
    regexesPerRequest: 1,
    hostsPerRequest: 10,
    ...limits
  } satisfies PlanLimits)

describe('log', () => {
  it('puts every name on one visible line', () => {
    expect(inert('a\nb\r\tc\u0000')).toBe('a\\nb\\r\\tc\\u0000')
  })

  it('wraps untrusted lines in stop-commands with a fresh token', () => {
    const lines: string[] = []
    printUntrusted((l) => lines.push(...l.split('\n')), ['::error::boom', 'x\n::add-mask::y'])
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0])![1]
    expect(lines).toEqual([
      `::stop-commands::${token}`,
      '::error::boom',
      'x\\n::add-mask::y',
      `::${token}::`
    ])
    const again: string[] = []
    printUntrusted((l) => again.push(l), [])
    expect(again[0]).not.toBe(lines[0])
  })
})

describe('summary', () => {
  it('escapes HTML and control characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>\n`)).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;\\n'
    )
  })

  it('stays under the limit and says how much of the list it shows', () => {
    const targets = Array.from({ length: 5000 }, (_, i) => ({
      type: 'File' as const,
      url: `https://a.example/${i}/${'x'.repeat(200)}`
    }))
    const report: RunReport = {
      service: 'DCDN',
      dryRun: true,
      notes: [],
      targets,
      plan: {
        targets,
        batches: planBatches(targets, { maxUrlsPerRequest: 1000, urlRatePerDomain: 10000 })
      }
    }
    const html = buildSummary(report, 200_000)
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(200_000)
    expect(html).toMatch(/The list shows \d+ of 5000 objects/)
    const small = buildSummary({ ...report, targets: targets.slice(0, 3) }, 200_000)
    expect(small).not.toContain('The list shows')
  })
})

describe('outputs', () => {
  it('cuts a JSON array to a byte budget', () => {
    expect(jsonArrayWithin(['aa', 'bb', 'cc'], 12)).toEqual({ json: '["aa","bb"]', cut: 1 })
    expect(jsonArrayWithin([], 2)).toEqual({ json: '[]', cut: 0 })
  })

  it('lists only what was submitted, and regexes in neither list', () => {
    const targets = [
      { type: 'File' as const, url: 'https://a.example/1' },
      { type: 'IgnoreParams' as const, url: 'https://a.example/2' },
      { type: 'Directory' as const, url: 'https://a.example/d/' },
      { type: 'Regex' as const, url: 'https://a.example/.*' }
    ]
    const batches = planBatches(targets, { maxUrlsPerRequest: 1000, urlRatePerDomain: 1000 })
    const outcomes = batches.map((batch, i) => ({
      batch,
      urls: batch.urls,
      ok: i !== 1,
      taskIds: i !== 1 ? [`t${i}`, `u${i}`] : [],
      requestId: `r${i}`,
      attempts: 1
    }))
    const { outputs } = buildOutputs({
      service: 'DCDN',
      dryRun: false,
      notes: [],
      targets,
      plan: { targets, batches },
      outcomes
    })
    expect(outputs).toEqual({
      'task-ids': 't0,u0,t2,u2,t3,u3',
      'preload-task-ids': '',
      urls: '["https://a.example/1"]',
      directories: '["https://a.example/d/"]',
      count: '3',
      status: 'failed'
    })
  })
})
