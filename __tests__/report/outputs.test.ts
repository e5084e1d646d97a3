import { describe, expect, it } from '@jest/globals'
import { buildOutputs, jsonArrayWithin } from '../../src/report/outputs.js'
import { check, outcomesOf, planOf, recordOf, tasksOf } from './records.js'

describe('outputs (SPEC 4.4)', () => {
  it('cuts a JSON array to a byte budget', () => {
    expect(jsonArrayWithin(['aa', 'bb', 'cc'], 12)).toEqual({ json: '["aa","bb"]', cut: 1 })
    expect(jsonArrayWithin([], 2)).toEqual({ json: '[]', cut: 0 })
  })

  it('lists only what was accepted, regexes in neither list, tags by host', async () => {
    const plan = planOf(
      [
        { type: 'File', url: 'https://a.example/1' },
        { type: 'IgnoreParams', url: 'https://a.example/2' },
        { type: 'Directory', url: 'https://a.example/d/' },
        { type: 'Regex', url: 'https://a.example/.*' }
      ],
      [
        { host: 'a.example', tag: 'menu' },
        { host: 'b.example', tag: 'nav' }
      ]
    )
    const outcomes = outcomesOf(plan, [1])
    const { outputs } = buildOutputs(await recordOf({ planned: { plan }, submitted: { outcomes } }))
    expect(outputs).toEqual({
      'task-ids': '700000,700002,700003,700004,700005',
      'preload-task-ids': '',
      urls: '["https://a.example/1"]',
      directories: '["https://a.example/d/"]',
      tags: '{"a.example":["menu"],"b.example":["nav"]}',
      count: '5',
      verified: '',
      'stale-urls': '',
      status: 'failed'
    })
  })

  it('names ESA tags by the site, as given', async () => {
    const plan = planOf([], [{ host: '', tag: 'menu' }])
    const { outputs } = buildOutputs(
      await recordOf({
        planned: { plan },
        submitted: { outcomes: outcomesOf(plan) },
        inputs: { service: 'esa', site: 'Example.com' }
      })
    )
    expect(outputs.tags).toBe('{"Example.com":["menu"]}')
    expect(outputs.count).toBe('1')
  })

  it('gives the planned objects in a dry run', async () => {
    const plan = planOf(
      [{ type: 'File', url: 'https://a.example/1' }],
      [{ host: 'a.example', tag: 't' }]
    )
    const { outputs } = buildOutputs(
      await recordOf({
        planned: { plan },
        targets: { targets: plan.targets, tags: plan.tags, sources: new Map() },
        inputs: { 'dry-run': 'true' }
      })
    )
    expect(outputs.count).toBe('2')
    expect(outputs.urls).toBe('["https://a.example/1"]')
    expect(outputs.status).toBe('dry-run')
  })

  it('gives the verdicts and the stale URLs after the last round', async () => {
    const plan = planOf([{ type: 'File', url: 'https://a.example/1' }])
    const outcomes = outcomesOf(plan)
    const record = await recordOf({
      planned: { plan },
      submitted: { outcomes, wait: { status: 'complete', tasks: tasksOf(outcomes) } },
      verification: {
        mode: 'warn',
        rounds: [],
        final: [
          check('https://a.example/1', 'stale'),
          check('https://a.example/2', 'fresh'),
          check('https://a.example/3', 'unknown')
        ]
      }
    })
    const { outputs } = buildOutputs(record)
    expect(JSON.parse(outputs.verified)).toEqual({
      checked: 3,
      fresh: 1,
      stale: 1,
      unknown: 1,
      error: 0
    })
    expect(outputs['stale-urls']).toBe('["https://a.example/1"]')
    expect(outputs.status).toBe('complete')
  })

  it('sets the status on an input error, with nothing else', async () => {
    const { outputs } = buildOutputs(
      await recordOf({ settings: undefined, fatal: "Input 'dry-run' must be true or false" })
    )
    expect(outputs.status).toBe('failed')
    expect(outputs.count).toBe('0')
    expect(outputs.urls).toBe('[]')
  })
})
