import { describe, expect, it } from '@jest/globals'
import { NetworkError } from '../../src/api/errors.js'
import { QuotaNeed, checkQuota } from '../../src/plan/budget.js'
import { buildOutputs } from '../../src/report/outputs.js'
import { buildSummary, escapeHtml } from '../../src/report/summary.js'
import { Verification } from '../../src/verify/model.js'
import { quotaWith } from '../fixtures.js'
import { check, files, outcomesOf, planOf, recordOf, tasksOf } from './records.js'
import { beforeFirstFold, foldedHeight, render, textOf, unfolded } from './render.js'

const quota = (file: number, dir = 100) => quotaWith({ File: file, Directory: dir })

/** A run of 3,000 URLs on 3 hosts, accepted in 3 tasks and waited for. */
async function bigRun(failedObjects: string[] = []) {
  const targets = [
    ...files(1000, 'a.example.com'),
    ...files(1000, 'b.example.com'),
    ...files(1000, 'c.example.com')
  ]
  const plan = {
    ...planOf(targets),
    needs: [{ kind: 'File' as const, need: 3000, remain: 10_000 }]
  }
  const outcomes = outcomesOf(plan)
  return recordOf({
    targets: { targets, tags: [], sources: new Map() },
    planned: { plan, quotaBefore: quota(10_000) },
    submitted: {
      outcomes,
      quotaAfter: quota(7000),
      wait: {
        status: failedObjects.length > 0 ? 'failed' : 'complete',
        tasks: tasksOf(outcomes, 'Complete', failedObjects)
      }
    },
    inputs: { wait: 'true' }
  })
}

describe('escapeHtml', () => {
  it('escapes HTML and control characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>\n`)).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;\\n'
    )
  })
})

describe('the headline answers "is my site fresh?" (SPEC 4.5)', () => {
  it('a successful 3,000-URL run: figures with separators, and the whole page on one screen', async () => {
    const summary = buildSummary(await bigRun())
    const seen = beforeFirstFold(summary)
    expect(seen.split('\n')[0]).toBe(
      '✅ DCDN refresh complete: 3,000 URLs on 3 hosts in 3 tasks, 6 min 12 s; 7,000 URLs left today'
    )
    expect(foldedHeight(summary)).toBeLessThanOrEqual(1000)
    // Every task counted, none listed row by row: they all completed.
    expect(textOf(render(summary))).toContain('Tasks: 3, all complete')
    expect(summary).not.toMatch(/<td>700001<\/td><td>Complete/)
  })

  it('every failed object shows before anything folded, however late it came', async () => {
    const late = ['https://c.example.com/page-998.html', 'https://c.example.com/page-999.html']
    const record = await bigRun(late)
    const seen = beforeFirstFold(buildSummary(record))
    expect(seen.split('\n')[0]).toMatch(
      /^❌ DCDN refresh failed: 3,000 of 3,000 objects accepted; 2 objects failed to refresh$/
    )
    for (const url of late) expect(seen).toContain(`700002 | ${url} | Origin Timeout`)
    // One task holds both statuses: the fold counts objects, which add up to the 3,000.
    expect(textOf(render(buildSummary(record)))).toContain(
      'Tasks: 3; objects 2,998 complete, 2 failed'
    )
  })

  it('a partial failure says so with counts, and the quota adds up', async () => {
    const targets = files(2500)
    const plan = {
      ...planOf(targets),
      needs: [{ kind: 'File' as const, need: 2500, remain: 10_000 }]
    }
    const outcomes = outcomesOf(plan, [1])
    const record = await recordOf({
      targets: { targets, tags: [], sources: new Map() },
      planned: { plan, quotaBefore: quota(10_000), needs: plan.needs },
      submitted: { outcomes, quotaAfter: quota(8500) }
    })
    const summary = buildSummary(record)
    const seen = beforeFirstFold(summary)
    expect(seen.split('\n')[0]).toBe(
      '❌ DCDN refresh failed: 1,500 of 2,500 objects accepted; 1 batch of 1,000 failed'
    )
    // The failed batch: code, message and request ID each once, and the advice once.
    expect(seen).toContain(
      '2 | File | 1,000 | www.example.com | QuotaExceeded.Refresh | Your refresh quota for today is used up. | REQ-1'
    )
    expect(seen.match(/REQ-1/g)).toHaveLength(1)
    expect(seen).toContain("Today's quota is used up")
    expect(buildOutputs(record).outputs.count).toBe('1500')
    const all = textOf(render(summary))
    expect(all).toContain('URLs | 10,000 | 10,000 | 2,500 | 1,500 | 8,500')
    expect(all).toContain('1,500 URLs refreshed; 1,000 not accepted')
  })

  it('failures with no answer from the service still show what is known, before any fold', async () => {
    const targets = files(3)
    const plan = planOf(targets, [], 1)
    const outcomes = outcomesOf(plan).map((o, i) =>
      i === 0
        ? o
        : {
            ...o,
            ok: false,
            taskIds: [],
            acceptedAt: undefined,
            error: new NetworkError('RequestTimeout', `No answer within 30 s (batch ${i + 1})`)
          }
    )
    const tasks = tasksOf([outcomes[0]], 'Complete', [targets[0].url]).map((t) => ({
      ...t,
      description: ''
    }))
    const record = await recordOf({
      targets: { targets, tags: [], sources: new Map() },
      planned: { plan },
      submitted: {
        outcomes,
        wait: { status: 'failed', tasks },
        preloadSkipped: 'Prefetch skipped: 3 URLs needed, 0 remain of today’s prefetch quota.',
        preload: [
          {
            objects: [targets[0].url],
            ok: false,
            taskIds: [],
            requestId: 'REQ-P',
            attempts: 6,
            error: new Error('socket hang up')
          }
        ]
      },
      inputs: { wait: 'true', preload: 'true' }
    })
    const seen = beforeFirstFold(buildSummary(record))
    expect(seen).toContain('Failed batches')
    // No code came back, so no empty Code or Request ID column.
    expect(seen).toContain('Batch | Type | Objects | Hosts | Message |')
    expect(seen).toContain('2 | File | 1 | www.example.com | No answer within 30 s (batch 2) |')
    expect(seen).toContain('3 | File | 1 | www.example.com | No answer within 30 s (batch 3) |')
    expect(seen).toContain(`${targets[0].url} | no reason given`)
    expect(seen).toContain('Prefetch skipped: 3 URLs needed, 0 remain')
    expect(seen).toContain('Failed prefetch')
    expect(seen).not.toContain('Failed prefetches')
    expect(seen).toContain('URLs | Message | Request ID |')
    expect(seen).toContain('1 | socket hang up | REQ-P |')
  })

  it('names ESA site-wide tags by the site, in failures, batches and the object list', async () => {
    const targets = files(1)
    const plan = planOf(targets, [{ host: '', tag: 'menu' }])
    const record = await recordOf({
      service: 'ESA',
      targets: { targets, tags: plan.tags, sources: new Map() },
      planned: { plan },
      submitted: { outcomes: outcomesOf(plan, [1]) },
      inputs: { service: 'esa', site: 'Example.com' }
    })
    const all = textOf(render(buildSummary(record)))
    expect(all.split('\n')[0]).toBe(
      '❌ ESA refresh failed: 1 of 2 objects accepted; 1 batch of 1 failed'
    )
    expect(all).toContain(
      '2 | Tag | 1 | Example.com | QuotaExceeded.Refresh | Your refresh quota for today is used up. | REQ-1 |'
    )
    expect(all).toContain('2 | Tag | 1 | Example.com |  | REQ-1 | failed (above) |')
    expect(all).toContain('1 URL refreshed; 1 not accepted')
    expect(all).toContain('tag Example.com menu (not accepted)')
  })

  it('an input error is the headline itself, its lines kept as lines', async () => {
    const record = await recordOf({
      settings: undefined,
      fatal: "Input 'dry-run' must be true or false (YAML 1.2 core schema), not 'yes'."
    })
    expect(beforeFirstFold(buildSummary(record)).split('\n')[0]).toBe(
      "❌ DCDN refresh failed: Input 'dry-run' must be true or false (YAML 1.2 core schema), not 'yes'."
    )
    const refusal = await recordOf({
      settings: undefined,
      fatal:
        'The plan cannot fit, so nothing was submitted:\n- File URLs: 20 changed\n- directories: at least 1 needed'
    })
    const html = render(buildSummary(refusal))
    expect(html).not.toContain('\\n')
    expect(textOf(html).split('\n').slice(0, 3)).toEqual([
      '❌ DCDN refresh failed: The plan cannot fit, so nothing was submitted:',
      '- File URLs: 20 changed',
      '- directories: at least 1 needed'
    ])
  })

  it('a refusal names what is short in its headline, never a quota the service does not publish', async () => {
    const needs: QuotaNeed[] = [
      { kind: 'File', need: 7, remain: 2 },
      { kind: 'Directory', need: 1, remain: 100 },
      { kind: 'Tag', need: 1, remain: Infinity }
    ]
    let refused: Error | undefined
    try {
      checkQuota(needs, 'DCDN')
    } catch (error) {
      refused = error as Error
    }
    const record = await recordOf({
      planned: { needs, refused, quotaBefore: quota(2) },
      fatal: refused!.message
    })
    const text = textOf(render(buildSummary(record)))
    expect(text.split('\n').slice(0, 4)).toEqual([
      '❌ DCDN refresh refused, nothing was sent: 7 URLs needed, 2 left today',
      '- 7 URLs needed, 2 remain today (5 short)',
      '- 1 directory needed, 100 remain today',
      "The quota resets at midnight (UTC+8). Refresh a directory instead of many URLs, or set 'quota-check: false' to submit what fits."
    ])
    expect(text).not.toMatch(/Infinity|NaN/)
  })

  it('one object is one object', async () => {
    const plan = planOf(files(1))
    const outcomes = outcomesOf(plan)
    const summary = buildSummary(
      await recordOf({
        planned: { plan },
        submitted: { outcomes, wait: { status: 'complete', tasks: tasksOf(outcomes) } },
        inputs: { wait: 'true' }
      })
    )
    expect(beforeFirstFold(summary).split('\n')[0]).toMatch(/complete: 1 URL on 1 host in 1 task,/)
    expect(summary).not.toMatch(/\b1 (objects|URLs|hosts|tasks|batches)\b/)
  })

  it('a dry run shows the plan with no empty column', async () => {
    const plan = planOf(files(2500))
    const summary = buildSummary(
      await recordOf({
        planned: { plan, schedule: [0, 60_000, 120_000] },
        targets: { targets: plan.targets, tags: [], sources: new Map() },
        inputs: { 'dry-run': 'true' }
      })
    )
    const text = textOf(render(summary))
    expect(text.split('\n')[0]).toBe(
      '📝 DCDN dry run: 2,500 URLs on 1 host in 3 batches; nothing was sent'
    )
    expect(text).toContain('Pacing would spread the batches over 2 min.')
    expect(summary).toContain(
      '<tr><th>#</th><th>Type</th><th>Objects</th><th>Hosts</th><th>Sent at</th></tr>'
    )
    expect(summary).not.toMatch(/Task IDs|Request ID|<td><\/td>/)
  })

  it('names the stale URLs first, with the headers that decided them', async () => {
    const plan = planOf(files(3))
    const outcomes = outcomesOf(plan)
    const stale = check(
      'https://www.example.com/page-1.html',
      'stale',
      'the body is the file as it was before this deploy'
    )
    stale.headers = { age: '3', xCache: '<script>MISS</script>', eagleId: 'trace-1' }
    const verification: Verification = {
      mode: 'fail',
      rounds: [
        { checks: [check('https://www.example.com/page-0.html', 'fresh'), stale] },
        { checks: [stale], refresh: { outcomes: outcomesOf(planOf([files(3)[1]])) } }
      ],
      final: [check('https://www.example.com/page-0.html', 'fresh'), stale]
    }
    const summary = buildSummary(
      await recordOf({
        planned: { plan },
        submitted: { outcomes, wait: { status: 'complete', tasks: tasksOf(outcomes) } },
        verification,
        inputs: { verify: 'fail' }
      })
    )
    const seen = beforeFirstFold(summary)
    expect(seen.split('\n')[0]).toBe(
      '❌ DCDN refresh: 1 of 2 checked URLs still stale at the edge after a second refresh'
    )
    expect(seen).toContain(
      'https://www.example.com/page-1.html | the body is the file as it was before this deploy | 3 | <script>MISS</script> | trace-1'
    )
    expect(summary).not.toContain('<script>')
    expect(textOf(render(summary))).toContain(
      'Round 2: the stale URLs refreshed again (1 task), then 1 URL checked: 0 fresh, 1 stale'
    )
  })
})

describe('a stale URL fixed by the second round', () => {
  it('counts the second refresh among the tasks, as the task-ids output does', async () => {
    const plan = planOf(files(3))
    const outcomes = outcomesOf(plan)
    const again = outcomesOf(planOf([files(3)[1]])).map((o) => ({ ...o, taskIds: ['800001'] }))
    const fresh = files(3).map((t) => check(t.url, 'fresh'))
    const record = await recordOf({
      planned: { plan },
      submitted: { outcomes, wait: { status: 'complete', tasks: tasksOf(outcomes) } },
      verification: {
        mode: 'fail',
        rounds: [
          { checks: [fresh[0], check(fresh[1].url, 'stale', 'old bytes'), fresh[2]] },
          { checks: [fresh[1]], refresh: { outcomes: again } }
        ],
        final: fresh
      },
      inputs: { verify: 'fail' }
    })
    expect(beforeFirstFold(buildSummary(record)).split('\n')[0]).toMatch(
      /^✅ DCDN refresh complete: 3 URLs on 1 host in 2 tasks, .*; 3 of 3 checked URLs fresh at the edge$/
    )
    expect(buildOutputs(record).outputs['task-ids']).toBe('700000,800001')
  })
})

describe('the facts, folded', () => {
  it('sorts collapsed directories by URLs replaced, then naturally, with separators', async () => {
    const targets = ['s1', 's2', 's10'].map((s) => ({
      type: 'Directory' as const,
      url: `https://a.example/${s}/`
    }))
    const plan = {
      ...planOf(targets),
      collapse: {
        fileUrlsBefore: 12_000,
        treeKnown: true,
        directories: [
          { url: 'https://a.example/s10/', replaced: 1000, collateral: 4, given: false },
          { url: 'https://a.example/s2/', replaced: 1000, collateral: 0, given: false },
          { url: 'https://a.example/s1/', replaced: 2500, collateral: 1, given: false }
        ]
      }
    }
    const text = textOf(
      render(buildSummary(await recordOf({ planned: { plan }, inputs: { 'dry-run': 'true' } })))
    )
    expect(text).toContain('3 directories in place of 4,500 URLs')
    const order = ['s1/ | 2,500', 's2/ | 1,000', 's10/ | 1,000'].map((row) => text.indexOf(row))
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true)
  })

  it('says the collateral is unknown when there was no tree to weigh', async () => {
    const targets = [{ type: 'Directory' as const, url: 'https://a.example/d/' }]
    const plan = {
      ...planOf(targets),
      collapse: {
        fileUrlsBefore: 35,
        treeKnown: false,
        directories: [{ url: 'https://a.example/d/', replaced: 30, collateral: 0, given: false }]
      }
    }
    expect(
      buildSummary(await recordOf({ planned: { plan }, inputs: { 'dry-run': 'true' } }))
    ).toContain('<td>30</td><td>unknown (no tree)</td>')
  })

  it('stays under the limit, cutting the longest list first and saying so', async () => {
    const targets = Array.from({ length: 5000 }, (_, i) => ({
      type: 'File' as const,
      url: `https://a.example/${i}/${'x'.repeat(200)}`
    }))
    const plan = planOf(targets)
    const outcomes = outcomesOf(plan, [4])
    const record = await recordOf({ planned: { plan }, submitted: { outcomes } })
    const html = buildSummary(record, 200_000)
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(200_000)
    expect(html).toMatch(/Showing [\d,]+ of 5,000 objects/)
    // The failed batch is still there in full.
    expect(beforeFirstFold(html)).toContain('QuotaExceeded.Refresh')
    expect(unfolded(render(buildSummary({ ...record }, 2_000_000)))).not.toContain('Showing')
  })
})
