// DCDN and classic CDN behind the RefreshService interface, with the HTTP layer scripted: each
// call's action, parameters and where they travel, and how each answer is read.
import { describe, expect, it } from '@jest/globals'
import { HttpSend } from '../../src/api/transport.js'
import { cdnService, dcdnService } from '../../src/services/dcdn.js'
import { clientAnswering } from '../fakes/client.js'

interface Sent {
  action: string
  query: Record<string, string>
  body: Record<string, string>
}

/** A client whose service answers `answer` to every call, recording each request. */
function scripted(answer: Record<string, unknown>) {
  const sent: Sent[] = []
  const send: HttpSend = async (url, headers, body) => {
    sent.push({
      action: headers['x-acs-action'],
      query: Object.fromEntries(url.searchParams),
      body: Object.fromEntries(new URLSearchParams(body))
    })
    return { status: 200, body: JSON.stringify({ RequestId: 'R-1', ...answer }) }
  }
  return { client: clientAnswering(send), sent }
}

describe('DCDN (SPEC 6.1)', () => {
  it('refreshes in a form body, Force only for directories, and splits comma-separated task IDs', async () => {
    const { client, sent } = scripted({ RefreshTaskId: '11, 12' })
    const service = dcdnService(client)
    expect(
      await service.refresh('File', ['https://a.example/1', 'https://a.example/2'], true)
    ).toEqual({
      requestId: 'R-1',
      taskIds: ['11', '12']
    })
    await service.refresh('Directory', ['https://a.example/d/'], true)
    expect(sent).toEqual([
      {
        action: 'RefreshDcdnObjectCaches',
        query: {},
        body: { ObjectPath: 'https://a.example/1\nhttps://a.example/2', ObjectType: 'File' }
      },
      {
        action: 'RefreshDcdnObjectCaches',
        query: {},
        body: { ObjectPath: 'https://a.example/d/', ObjectType: 'Directory', Force: 'true' }
      }
    ])
  })

  it('refreshes tags in the query, with the domain and Force', async () => {
    const { client, sent } = scripted({ RefreshTaskId: '21' })
    const result = await dcdnService(client).refreshTags('www.example.com', ['menu', 'nav'], false)
    expect(result.taskIds).toEqual(['21'])
    expect(sent).toEqual([
      {
        action: 'RefreshDcdnObjectCacheByCacheTag',
        query: { DomainName: 'www.example.com', CacheTag: 'menu,nav', Force: 'false' },
        body: {}
      }
    ])
  })

  it('reads the quota strings, with no tag quota published', async () => {
    const { client } = scripted({
      UrlQuota: '10000',
      UrlRemain: '9990',
      DirQuota: '100',
      DirRemain: 'x'
    })
    const quota = await dcdnService(client).readQuota(['File'])
    expect(quota.remain.File).toBe(9990)
    expect(quota.quota.File).toBe(10000)
    expect(quota.remain.Directory).toBeNaN()
    expect(quota.remain.Regex).toBeNaN()
    expect(quota.remain.Tag).toBe(Infinity)
  })

  it('reads tasks as a plain array and in the older {Task: [...]} wrapping, 10 IDs a call', async () => {
    const task = {
      TaskId: '1',
      ObjectPath: 'https://a.example/',
      ObjectType: 'file',
      Status: 'Complete',
      Process: '100%',
      CreationTime: 't',
      Description: ''
    }
    const plain = scripted({ Tasks: [task] })
    const ids = Array.from({ length: 12 }, (_, i) => String(i))
    expect(await dcdnService(plain.client).describeTasks(ids)).toHaveLength(2)
    expect(plain.sent.map((s) => s.body.TaskId)).toEqual(['0,1,2,3,4,5,6,7,8,9', '10,11'])
    const wrapped = scripted({ Tasks: { Task: [task] } })
    expect((await dcdnService(wrapped.client).describeTasks(['1']))[0]).toMatchObject({
      taskId: '1',
      status: 'Complete',
      process: '100%'
    })
    const odd = scripted({ Tasks: 'nothing' })
    expect(await dcdnService(odd.client).describeTasks(['1'])).toEqual([])
  })

  it('prefetches with the area, reading PreloadTaskId', async () => {
    const { client, sent } = scripted({ PreloadTaskId: '31' })
    expect(
      (await dcdnService(client).preload(['https://a.example/1'], 'overseas')).taskIds
    ).toEqual(['31'])
    expect(sent[0]).toEqual({
      action: 'PreloadDcdnObjectCaches',
      query: {},
      body: { ObjectPath: 'https://a.example/1', Area: 'overseas' }
    })
  })
})

describe('classic CDN (SPEC 6.7)', () => {
  it('sends each operation where its SDK does, and reads PushTaskId', async () => {
    const { client, sent } = scripted({ RefreshTaskId: '1', PushTaskId: 2, Tasks: [] })
    const service = cdnService(client)
    await service.refresh('IgnoreParams', ['https://a.example/q'], true)
    await service.refreshTags('a.example', ['menu'], true)
    await service.describeTasks(['1'])
    expect((await service.preload(['https://a.example/1'], '')).taskIds).toEqual(['2'])
    expect(sent).toEqual([
      {
        action: 'RefreshObjectCaches',
        query: {},
        body: { ObjectPath: 'https://a.example/q', ObjectType: 'IgnoreParams' }
      },
      {
        action: 'RefreshObjectCacheByCacheTag',
        query: { DomainName: 'a.example', CacheTag: 'menu', Force: 'true' },
        body: {}
      },
      { action: 'DescribeRefreshTaskById', query: { TaskId: '1' }, body: {} },
      { action: 'PushObjectCache', query: { ObjectPath: 'https://a.example/1' }, body: {} }
    ])
    expect(service.limits.name).toBe('CDN')
  })
})
