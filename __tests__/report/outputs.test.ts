import { describe, expect, it } from '@jest/globals'
import { planWith } from '../fixtures.js'
import { buildOutputs, jsonArrayWithin } from '../../src/report/outputs.js'

const planBatches = planWith

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
