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

describe('summary of collapsed directories', () => {
  const targets = [{ type: 'Directory' as const, url: 'https://a.example/d/' }]
  const report = (treeKnown: boolean): RunReport => ({
    service: 'DCDN',
    dryRun: true,
    notes: [],
    targets,
    plan: {
      targets,
      batches: planBatches(targets, { maxUrlsPerRequest: 1000, urlRatePerDomain: 1000 }),
      collapsed: [{ url: 'https://a.example/d/', replaced: 30, collateral: 4, given: false }],
      fileUrlsBefore: 35,
      treeKnown
    }
  })

  it('lists each directory with the URLs it replaced and the unchanged URLs below it', () => {
    const html = buildSummary(report(true))
    expect(html).toContain('35 File URLs did not fit their budget')
    expect(html).toContain('so 1 directory now stands for 30 of them')
    expect(html).toContain('<td>https://a.example/d/</td><td>30</td><td>4</td>')
  })

  it('says the collateral is unknown when there was no tree to weigh', () => {
    expect(buildSummary(report(false))).toContain('<td>30</td><td>unknown (no tree)</td>')
  })
})
