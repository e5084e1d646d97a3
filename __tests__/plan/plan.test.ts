// planRefresh (SPEC 4.2): what fits goes as it is; what does not is collapsed within the
// budgets of URLs, directories and max-objects, or refused whole with the figures that decide.
import { describe, expect, it, jest } from '@jest/globals'
import { PlanRefused } from '../../src/plan/budget.js'
import { PlanOptions, planRefresh } from '../../src/plan/plan.js'
import { TagTarget } from '../../src/targets/tag.js'
import { ObjectType, RefreshTarget } from '../../src/targets/target.js'
import { DCDN_REQUEST_LIMITS, quotaWith } from '../fixtures.js'

const HOST = 'https://www.example.com'
const of = (type: ObjectType, ...paths: string[]): RefreshTarget[] =>
  paths.map((p) => ({ type, url: `${HOST}${p}` }))
const pages = (dir: string, n: number, host = HOST): RefreshTarget[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'File', url: `${host}${dir}p${i}.html` }))

const options = (more: Partial<PlanOptions> = {}): PlanOptions => ({
  limits: { ...DCDN_REQUEST_LIMITS, maxUrlsPerRequest: 1000, urlRatePerDomain: 100_000 },
  maxObjects: 10_000,
  collapse: 'auto',
  preload: false,
  service: 'DCDN',
  ...more
})

/** The refusal a plan ends in, or a failure when it is not refused. */
async function refusal(plan: Promise<unknown>): Promise<PlanRefused> {
  const error = await plan.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(PlanRefused)
  return error as PlanRefused
}

describe('planRefresh: a plan that fits', () => {
  it('goes as it is, in batches, never asking for the tree', async () => {
    const targets = [...pages('/a/', 3), ...of('Directory', '/d/'), ...of('Regex', '/r.*')]
    const tags: TagTarget[] = [{ host: 'www.example.com', tag: 'menu' }]
    const known = jest.fn(async () => undefined)
    const plan = await planRefresh(targets, tags, options({ quota: quotaWith({}) }), known)
    expect(known).not.toHaveBeenCalled()
    expect(plan.targets).toEqual(targets)
    expect(plan.tags).toEqual(tags)
    expect(plan.collapse).toBeUndefined()
    expect(plan.batches.map((b) => [b.type, b.objects.length])).toEqual([
      ['File', 3],
      ['Directory', 1],
      ['Regex', 1],
      ['Tag', 1]
    ])
    expect(plan.needs).toEqual([
      { kind: 'File', need: 3, remain: 10_000 },
      { kind: 'Directory', need: 1, remain: 100 },
      { kind: 'Regex', need: 1, remain: 20 },
      { kind: 'Tag', need: 1, remain: Infinity }
    ])
  })

  it('without a quota read (a dry run), has no needs', async () => {
    const plan = await planRefresh(pages('/a/', 2), [], options())
    expect(plan.needs).toBeUndefined()
  })

  it('at exactly what remains, and exactly max-objects, still goes as it is', async () => {
    const targets = [...pages('/a/', 4), ...of('Directory', '/d/')]
    const plan = await planRefresh(
      targets,
      [],
      options({ maxObjects: 5, quota: quotaWith({ File: 4, Directory: 1 }) })
    )
    expect(plan.collapse).toBeUndefined()
    expect(plan.targets).toEqual(targets)
  })

  it('with prefetching, needs prefetch quota for the File URLs it refreshes', async () => {
    const targets = [...pages('/a/', 3), ...of('IgnoreParams', '/q')]
    const plan = await planRefresh(targets, [], options({ preload: true, quota: quotaWith({}) }))
    expect(plan.needs).toContainEqual({ kind: 'Preload', need: 3, remain: 1000 })
  })
})

describe('planRefresh: collapsing (SPEC 4.2 item 5)', () => {
  it('when the URLs are over what remains: directories, in plan order after the URLs', async () => {
    const targets = [
      ...pages('/a/', 5),
      ...of('Regex', '/r.*'),
      ...of('IgnoreParams', '/q'),
      ...of('File', '/b/one.html')
    ]
    const known = jest.fn(async () => [...pages('/a/', 5), ...pages('/b/', 3)].map((t) => t.url))
    const plan = await planRefresh(targets, [], options({ quota: quotaWith({ File: 2 }) }), known)
    expect(known).toHaveBeenCalledTimes(1)
    expect(plan.targets).toEqual([
      ...of('File', '/b/one.html'),
      ...of('IgnoreParams', '/q'),
      ...of('Directory', '/a/'),
      ...of('Regex', '/r.*')
    ])
    expect(plan.collapse).toEqual({
      directories: [{ url: `${HOST}/a/`, replaced: 5, collateral: 0, given: false }],
      fileUrlsBefore: 6,
      treeKnown: true
    })
    expect(plan.needs).toEqual([
      { kind: 'File', need: 1, remain: 2 },
      { kind: 'IgnoreParams', need: 1, remain: 10_000 },
      { kind: 'Directory', need: 1, remain: 100 },
      { kind: 'Regex', need: 1, remain: 20 }
    ])
    expect(plan.batches.map((b) => b.type)).toEqual(['File', 'IgnoreParams', 'Directory', 'Regex'])
  })

  it('when URLs and directories are over max-objects less the tags, regexes and ignore-params URLs', async () => {
    // max-objects 6, less 2 tags and 1 regex: 3 objects for 4 URLs, so one directory is needed.
    const targets = [...pages('/a/', 3), ...of('File', '/b.html'), ...of('Regex', '/r.*')]
    const tags: TagTarget[] = [
      { host: 'www.example.com', tag: 'a' },
      { host: 'www.example.com', tag: 'b' }
    ]
    const plan = await planRefresh(targets, tags, options({ maxObjects: 6 }))
    expect(plan.collapse?.treeKnown).toBe(false)
    expect(plan.targets).toEqual([
      ...of('File', '/b.html'),
      ...of('Directory', '/a/'),
      ...of('Regex', '/r.*')
    ])
    // One more object allowed: everything fits as it is.
    const roomier = await planRefresh(targets, tags, options({ maxObjects: 7 }))
    expect(roomier.collapse).toBeUndefined()
  })

  it('counts given directories within max-objects', async () => {
    const targets = [...pages('/a/', 2), ...of('Directory', '/d/', '/e/')]
    const plan = await planRefresh(targets, [], options({ maxObjects: 3 }))
    expect(plan.targets).toEqual(of('Directory', '/a/', '/d/', '/e/'))
    // The given directories stood for no URL: the collapse reports only the chosen one.
    expect(plan.collapse?.directories).toEqual([
      { url: `${HOST}/a/`, replaced: 2, collateral: 0, given: false }
    ])
  })

  it('reports a given directory that came to stand for changed URLs', async () => {
    const targets = [...pages('/a/', 3), ...of('Directory', '/a/')]
    const plan = await planRefresh(targets, [], options({ quota: quotaWith({ File: 0 }) }))
    expect(plan.targets).toEqual(of('Directory', '/a/'))
    expect(plan.collapse?.directories).toEqual([
      { url: `${HOST}/a/`, replaced: 3, collateral: 0, given: true }
    ])
  })

  it('reads a quota it could not read as no limit, and a negative one as none left', async () => {
    const targets = pages('/a/', 3)
    const unknown = await planRefresh(
      targets,
      [],
      options({ quota: quotaWith({ File: NaN, Directory: NaN }) })
    ).catch((e: unknown) => e)
    // Not collapsed for want of a figure; the quota check then names what is unknown.
    expect(unknown).toBeInstanceOf(PlanRefused)
    expect((unknown as Error).message).toContain('3 URLs needed, what remains is unknown today')
    const none = await planRefresh(targets, [], options({ quota: quotaWith({ File: -5 }) }))
    expect(none.targets).toEqual(of('Directory', '/a/'))
  })

  it("with 'collapse: off', refuses a plan over max-objects instead", async () => {
    const error = await refusal(
      planRefresh(pages('/a/', 4), [], options({ maxObjects: 3, collapse: 'off' }))
    )
    expect(error.message).toMatch(/^The plan holds 4 objects, more than max-objects \(3\)/)
  })

  it("with 'collapse: off', counts tags within max-objects", async () => {
    const tags: TagTarget[] = [
      { host: 'www.example.com', tag: 'a' },
      { host: 'www.example.com', tag: 'b' }
    ]
    const error = await refusal(
      planRefresh(pages('/a/', 2), tags, options({ maxObjects: 3, collapse: 'off' }))
    )
    expect(error.message).toMatch(/^The plan holds 4 objects, more than max-objects \(3\)/)
  })

  it('leaves room for ignore-params URLs when collapsing within max-objects', async () => {
    // max-objects 4, less 1 ignore-params URL: 3 objects for 4 URLs, so a directory is needed.
    const targets = [...pages('/a/', 3), ...of('File', '/b.html'), ...of('IgnoreParams', '/q.html')]
    const plan = await planRefresh(targets, [], options({ maxObjects: 4 }))
    expect(plan.targets).toEqual([
      ...of('File', '/b.html'),
      ...of('IgnoreParams', '/q.html'),
      ...of('Directory', '/a/')
    ])
  })

  it("with 'collapse: off', refuses a plan over today's quota with the quota's figures", async () => {
    const error = await refusal(
      planRefresh(pages('/a/', 4), [], options({ collapse: 'off', quota: quotaWith({ File: 3 }) }))
    )
    expect(error.needs).toEqual([{ kind: 'File', need: 4, remain: 3 }])
  })
})

describe('planRefresh: a plan that cannot fit even collapsed', () => {
  it('is refused whole, with the fewest directories that could do and what remains', async () => {
    // 3 hosts: 5, 3 and 1 URLs. 2 URLs may go one by one: the two largest hosts must become
    // directories, so with the 1 given at least 3 are needed, and 1 remains.
    const targets = [
      ...pages('/a/', 5, 'https://a.example'),
      ...pages('/b/', 3, 'https://b.example'),
      ...pages('/c/', 1, 'https://c.example'),
      { type: 'Directory' as const, url: 'https://d.example/given/' }
    ]
    const error = await refusal(
      planRefresh(targets, [], options({ quota: quotaWith({ File: 2, Directory: 1 }) }))
    )
    expect(error.message.split('\n')).toEqual([
      'The plan cannot fit, even with directory refreshes in place of URLs, so nothing was submitted:',
      '- URLs: 9 changed, 2 may be refreshed one by one',
      '- directories: at least 3 needed (1 given), 1 remain',
      '- objects in all: 10,000 allowed for URLs and directories (max-objects less the other objects)',
      'Wait for the DCDN quota to reset at midnight (UTC+8), raise max-objects, or narrow the rules.'
    ])
    expect(error.needs).toEqual([
      { kind: 'File', need: 9, remain: 2 },
      { kind: 'Directory', need: 3, remain: 1 }
    ])
  })

  it('without a quota read, says there is no limit but max-objects', async () => {
    const targets = [
      ...pages('/', 2, 'https://a.example'),
      ...pages('/', 2, 'https://b.example'),
      ...pages('/', 2, 'https://c.example')
    ]
    const error = await refusal(planRefresh(targets, [], options({ maxObjects: 2 })))
    expect(error.message.split('\n').slice(1, 4)).toEqual([
      '- URLs: 6 changed, 2 may be refreshed one by one',
      '- directories: at least 2 needed (0 given), 2 remain',
      '- objects in all: 2 allowed for URLs and directories (max-objects less the other objects)'
    ])
    expect(error.needs).toEqual([
      { kind: 'File', need: 6, remain: 2 },
      { kind: 'Directory', need: 2, remain: 2 }
    ])
  })

  it('with unlimited URLs and no objects left for them, says so', async () => {
    const tags: TagTarget[] = Array.from({ length: 3 }, (_, i) => ({
      host: 'www.example.com',
      tag: `t${i}`
    }))
    const error = await refusal(planRefresh(pages('/a/', 1), tags, options({ maxObjects: 2 })))
    expect(error.message).toContain('- URLs: 1 changed, 0 may be refreshed one by one')
    expect(error.message).toContain('- directories: at least 1 needed (0 given), 0 remain')
  })

  it('collapses within an unread directory quota, then refuses for want of its figure', async () => {
    const error = await refusal(
      planRefresh(
        [...pages('/', 3, 'https://a.example'), ...pages('/', 3, 'https://b.example')],
        [],
        options({ quota: quotaWith({ File: 1, Directory: NaN }) })
      )
    )
    // Both hosts as directories leave no URL: only the directories' figure is missing.
    expect(error.needs).toEqual([{ kind: 'Directory', need: 2, remain: NaN }])
    expect(error.message).toContain('- 2 directories needed, what remains is unknown today')
  })
})
