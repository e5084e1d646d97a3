import { describe, expect, it } from '@jest/globals'
import { planWith } from '../fixtures.js'
import { RunReport } from '../../src/report/model.js'
import { buildSummary, escapeHtml } from '../../src/report/summary.js'

const planBatches = planWith

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
