import { describe, expect, it } from '@jest/globals'
import { buildOutputs, jsonArrayWithin } from '../../src/report/outputs.js'
import { check, outcomesOf, planOf, recordOf, tasksOf } from './records.js'

describe('outputs (SPEC 4.4)', () => {
  it('cuts a JSON array to a byte budget', () => {
    expect(jsonArrayWithin(['aa', 'bb', 'cc'], 12)).toEqual({ json: '["aa","bb"]', cut: 1 })
    expect(jsonArrayWithin([], 2)).toEqual({ json: '[]', cut: 0 })
  })

  it('keeps an item that fits the budget exactly, counting bytes and the commas between', () => {
    // '["aa","bb"]' is 11 bytes; '["aa"]' is 6.
    expect(jsonArrayWithin(['aa', 'bb'], 11)).toEqual({ json: '["aa","bb"]', cut: 0 })
    expect(jsonArrayWithin(['aa', 'bb'], 10)).toEqual({ json: '["aa"]', cut: 1 })
    expect(jsonArrayWithin(['aa', 'bb'], 6)).toEqual({ json: '["aa"]', cut: 1 })
    expect(jsonArrayWithin(['aa', 'bb'], 5)).toEqual({ json: '[]', cut: 2 })
    // Bytes, not characters: '["é"]' is 6 bytes in UTF-8.
    expect(jsonArrayWithin(['é'], 6)).toEqual({ json: '["é"]', cut: 0 })
    expect(jsonArrayWithin(['é'], 5)).toEqual({ json: '[]', cut: 1 })
    // A quote in a name is escaped, and the escape counts.
    expect(jsonArrayWithin(['a"b'], 7)).toEqual({ json: '[]', cut: 1 })
    expect(jsonArrayWithin(['a"b'], 8)).toEqual({ json: '["a\\"b"]', cut: 0 })
  })

  it('shares what is left of the 1 MB between the lists, and says how many were left out', async () => {
    const long = (kind: string, i: number) =>
      `https://www.example.com/${kind}/${String(i).padStart(6, '0')}-${'x'.repeat(40)}`
    const pages = Array.from({ length: 15_000 }, (_, i) => long('page', i) + '.html')
    const dirs = Array.from({ length: 3_000 }, (_, i) => long('dir', i) + '/')
    const plan = planOf([
      ...pages.map((url) => ({ type: 'File' as const, url })),
      ...dirs.map((url) => ({ type: 'Directory' as const, url }))
    ])
    const outcomes = outcomesOf(plan)
    const stale = pages.slice(0, 2_000)
    const record = await recordOf({
      planned: { plan },
      submitted: {
        outcomes,
        wait: { status: 'complete', tasks: [] },
        preload: [
          {
            objects: pages.slice(0, 2),
            ok: true,
            taskIds: ['900001', '900002'],
            requestId: 'P',
            attempts: 1
          }
        ]
      },
      verification: { mode: 'warn', rounds: [], final: stale.map((url) => check(url, 'stale')) }
    })
    const { outputs, warnings } = buildOutputs(record)
    expect(outputs['preload-task-ids']).toBe('900001,900002')
    const bytes = (s: string) => Buffer.byteLength(s)
    const fixed = bytes(outputs['task-ids']) + bytes('900001,900002') + bytes(outputs.tags)
    const budget = 1_000_000 - 100_000 - fixed
    const share = Math.floor(budget / 10)
    const longest = bytes(JSON.stringify(pages[0])) + 1
    // Each list is filled as far as its share allows, and no further.
    for (const list of [outputs.directories, outputs['stale-urls']]) {
      expect(bytes(list)).toBeLessThanOrEqual(share)
      expect(bytes(list)).toBeGreaterThan(share - longest)
    }
    const rest = budget - bytes(outputs.directories) - bytes(outputs['stale-urls'])
    expect(bytes(outputs.urls)).toBeLessThanOrEqual(rest)
    expect(bytes(outputs.urls)).toBeGreaterThan(rest - longest)
    const kept = [outputs.urls, outputs.directories, outputs['stale-urls']]
      .map((json) => (JSON.parse(json) as string[]).length)
      .reduce((a, b) => a + b)
    expect(warnings).toEqual([
      `The 'urls', 'directories' and 'stale-urls' outputs leave out ${(20_000 - kept).toLocaleString('en-US')} of 20,000 entries to stay under GitHub's 1 MB output limit; the step's log lists them all.`
    ])
    // The lists keep the first entries, in order.
    expect(JSON.parse(outputs.urls)[0]).toBe(pages[0])
    expect(JSON.parse(outputs.directories)[0]).toBe(dirs[0])
    expect(outputs.count).toBe('18000')
  })

  it('warns of nothing when every list fits', async () => {
    const plan = planOf([{ type: 'File', url: 'https://a.example/1' }])
    const record = await recordOf({ planned: { plan }, submitted: { outcomes: outcomesOf(plan) } })
    expect(buildOutputs(record).warnings).toEqual([])
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

  it('lists accepted ignore-params URLs with the URLs', async () => {
    const plan = planOf([
      { type: 'File', url: 'https://a.example/1' },
      { type: 'IgnoreParams', url: 'https://a.example/2' }
    ])
    const { outputs } = buildOutputs(
      await recordOf({ planned: { plan }, submitted: { outcomes: outcomesOf(plan) } })
    )
    expect(outputs.urls).toBe('["https://a.example/1","https://a.example/2"]')
  })

  it('leaves the verification outputs empty when nothing was checked', async () => {
    const plan = planOf([{ type: 'File', url: 'https://a.example/1' }])
    const outcomes = outcomesOf(plan)
    const { outputs } = buildOutputs(
      await recordOf({
        planned: { plan },
        submitted: { outcomes, wait: { status: 'complete', tasks: tasksOf(outcomes) } },
        verification: { mode: 'fail', skipped: 'Nothing was verified.', rounds: [], final: [] }
      })
    )
    expect(outputs.verified).toBe('')
    expect(outputs['stale-urls']).toBe('')
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
