// ESA behind the RefreshService interface, against the fake ESA (itself proved with the official
// SDK): the site by name or exact ID, purges of every type and of tags, quota per kind, and the
// task look-up by window and page.
import { afterEach, describe, expect, it } from '@jest/globals'
import { esaService } from '../../src/services/esa.js'
import { FakeClock } from '../fakes/clock.js'
import { clientOfFake } from '../fakes/client.js'
import { startFakeService } from '../fakes/service.mjs'

type Fake = Awaited<ReturnType<typeof startFakeService>>
interface Call {
  action?: string
  params?: Record<string, string>
}
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function open(options: Record<string, unknown> = {}, site = 'example.com') {
  const clock = new FakeClock()
  const fake: Fake = await startFakeService({
    product: 'esa',
    callsPerSecond: 1000,
    now: () => clock.now(),
    ...options
  })
  const { client, close } = clientOfFake(fake.url, { version: '2024-09-10', clock })
  closers.push(close, () => fake.close())
  return { fake, clock, service: await esaService(client, site, clock) }
}
const calls = (fake: Fake, action: string) =>
  (fake.state.calls as Call[]).filter((c) => c.action === action)

describe('ESA', () => {
  it('finds the site by its exact name, case aside, and names a missing one', async () => {
    const { fake, service } = await open({}, 'EXAMPLE.com')
    await service.refresh('File', ['https://example.com/a'], false)
    expect(calls(fake, 'ListSites')[0].params).toMatchObject({
      SiteName: 'EXAMPLE.com',
      SiteSearchType: 'exact'
    })
    expect(calls(fake, 'PurgeCaches')[0].params!.SiteId).toBe('123456789')
    await expect(open({}, 'nope.example')).rejects.toThrow(
      /Input 'site': ESA has no site named 'nope\.example' in this account \(ListSites, RequestId [0-9A-F-]+\)/
    )
  })

  it('uses a numeric site as given, without ListSites', async () => {
    const { fake, service } = await open({}, '123456789')
    await service.refresh('Directory', ['https://example.com/d/'], true)
    expect(calls(fake, 'ListSites')).toEqual([])
    expect(calls(fake, 'PurgeCaches')[0].params).toEqual({
      SiteId: '123456789',
      Type: 'directory',
      Content: '{"Directories":["https://example.com/d/"]}',
      Force: 'true'
    })
  })

  it('purges files without Force, ignore-params and tags with it', async () => {
    const { fake, service } = await open()
    await service.refresh('File', ['https://example.com/a'], true)
    await service.refresh('IgnoreParams', ['https://example.com/q'], false)
    await service.refreshTags('ignored-host', ['menu', 'nav'], true)
    expect(calls(fake, 'PurgeCaches').map((c) => c.params)).toEqual([
      { SiteId: '123456789', Type: 'file', Content: '{"Files":["https://example.com/a"]}' },
      {
        SiteId: '123456789',
        Type: 'ignoreParams',
        Content: '{"IgnoreParams":["https://example.com/q"]}',
        Force: 'false'
      },
      {
        SiteId: '123456789',
        Type: 'cachetag',
        Content: '{"CacheTags":["menu","nav"]}',
        Force: 'true'
      }
    ])
    await expect(service.refresh('Regex', ['https://example.com/.*'], false)).rejects.toThrow(
      /ESA cannot refresh objects of type Regex/
    )
  })

  it('reads the quota of the kinds asked for only: Quota less Usage', async () => {
    const { fake, service } = await open({ quota: { File: 100, Tag: 30 } })
    await service.refresh('File', ['https://example.com/a', 'https://example.com/b'], false)
    const quota = await service.readQuota(['File', 'Tag'])
    expect(calls(fake, 'GetPurgeQuota').map((c) => c.params!.Type)).toEqual(['file', 'cachetag'])
    expect(quota.remain.File).toBe(98)
    expect(quota.remain.Tag).toBe(30)
    expect(quota.remain.Directory).toBeNaN()
    expect(quota.remain.Regex).toBe(0)
    expect(quota.remain.Preload).toBe(Infinity)
  })

  it('finds its tasks in the window from its first purge, page by page, and only its own', async () => {
    const { fake, service, clock } = await open()
    const others = await service.refresh(
      'File',
      Array.from({ length: 60 }, (_, i) => `https://example.com/o${i}`),
      false
    )
    clock.sleep(60_000)
    const mine = await service.refresh('File', ['https://example.com/mine'], false)
    const tasks = await service.describeTasks(mine.taskIds)
    expect(tasks.map((t) => [t.taskId, t.objectPath, t.status])).toEqual([
      [mine.taskIds[0], 'https://example.com/mine', 'Complete']
    ])
    const lookups = calls(fake, 'DescribePurgeTasks')
    expect(lookups.map((c) => c.params!.PageNumber)).toEqual(['1', '2'])
    const start = Date.parse(lookups[0].params!.StartTime)
    expect(start).toBeLessThanOrEqual(clock.now() - 60_000)
    expect(others.taskIds).toHaveLength(1)
  })
})
