// Cache tags through the bundle (SPEC 3.4, 4.2, 6.1, 6.7): one changed data file expires every
// page built from it, on DCDN, CDN and ESA.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { Repos } from '../fakes/git-repos.js'
import { startFakeService } from '../fakes/service.mjs'
import { errorLines, liveCommands, runAction } from './harness.js'

const KEY = { id: 'LTAI5tTags', secret: 'tags-Secret' }
type Fake = Awaited<ReturnType<typeof startFakeService>>
interface Call {
  action?: string
  status?: number
  code?: string
  params?: Record<string, string>
  placement?: Record<string, string>
  time: number
}

const closers: (() => Promise<void>)[] = []
const repos: Repos[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})
afterAll(() => repos.forEach((r) => r.cleanup()))

async function start(product: 'dcdn' | 'cdn' | 'esa', options: Record<string, unknown> = {}) {
  const fake = await startFakeService({
    product,
    keys: { [KEY.id]: { secret: KEY.secret } },
    ...options
  })
  closers.push(() => fake.close())
  return fake
}

const keys = (fake: Fake) => ({
  endpoint: fake.url,
  'access-key-id': KEY.id,
  'access-key-secret': KEY.secret
})
const calls = (fake: Fake, action: string) =>
  (fake.state.calls as Call[]).filter((c) => c.action === action)
const TAG_ACTION = {
  dcdn: 'RefreshDcdnObjectCacheByCacheTag',
  cdn: 'RefreshObjectCacheByCacheTag',
  esa: 'PurgeCaches'
}

describe('a push that changes a data file', () => {
  it('submits exactly its tags, with the pages the push changed, in one plan', async () => {
    const repo = new Repos()
    repos.push(repo)
    const base = repo.commit('site', [
      { write: 'data/menu.yml', content: 'home: /' },
      { write: 'content/authors/ada.md', content: 'Ada' },
      { write: 'public/about.html', content: 'about' }
    ])
    repo.push()
    const head = repo.commit('menu and an author', [
      { write: 'data/menu.yml', content: 'home: /\nblog: /blog/' },
      { write: 'content/authors/ada.md', content: 'Ada Lovelace' },
      { write: 'public/about.html', content: 'about us' }
    ])
    repo.push()
    const fake = await start('dcdn')
    const run = await runAction({
      eventName: 'push',
      event: repo.pushEvent(base, head),
      env: { GITHUB_WORKSPACE: repo.checkout(head) },
      inputs: {
        ...keys(fake),
        force: 'true',
        wait: 'true',
        rules: [
          'data/menu.yml           => tag WWW.Example.com menu',
          'content/authors/*.md    => tag www.example.com author-{stem} authors',
          'public/**               => https://www.example.com/{path}'
        ].join('\n')
      }
    })
    expect(errorLines(run)).toEqual([])
    expect(run.code).toBe(0)
    const tagged = calls(fake, 'RefreshDcdnObjectCacheByCacheTag')
    expect(tagged).toHaveLength(1)
    expect(tagged[0].params).toEqual({
      DomainName: 'www.example.com',
      CacheTag: 'author-ada,authors,menu',
      Force: 'true'
    })
    // The official SDK sends the tag call's parameters in the query of a POST (SPEC 6.1).
    expect(tagged[0].placement).toEqual({ DomainName: 'query', CacheTag: 'query', Force: 'query' })
    expect(calls(fake, 'RefreshDcdnObjectCaches').map((c) => c.params!.ObjectPath)).toEqual([
      'https://www.example.com/about.html'
    ])
    expect(JSON.parse(run.outputs.tags)).toEqual({
      'www.example.com': ['author-ada', 'authors', 'menu']
    })
    expect(run.outputs.count).toBe('4')
    expect(run.outputs.status).toBe('complete')
    // The wait followed the tag task too.
    const polled = calls(fake, 'DescribeDcdnRefreshTaskById').flatMap((c) =>
      c.params!.TaskId.split(',')
    )
    expect(new Set(polled)).toEqual(new Set(run.outputs['task-ids'].split(',')))
    expect(run.summary).toMatch(
      /<h2>✅ DCDN refresh complete: 1 URL and 3 cache tags on 1 host in 2 tasks/
    )
    expect(run.summary).toContain('tag www.example.com author-ada\n')
  })
})

describe.each(['dcdn', 'cdn'] as const)('tags on %s', (product) => {
  const service: Record<string, string> = product === 'dcdn' ? {} : { service: 'cdn' }

  it('batches past 16,384 characters, one host a call, and never counts tags against the URL rate', async () => {
    const fake = await start(product, { urlRatePerDomain: 5 })
    const tags = Array.from(
      { length: 200 },
      (_, i) => `t${String(i).padStart(3, '0')}-${'x'.repeat(95)}`
    )
    const run = await runAction({
      inputs: {
        ...keys(fake),
        ...service,
        'url-rate-per-domain': '5',
        urls: [
          `tag a.example ${tags.join(',')}`,
          'tag b.example menu',
          'https://a.example/page.html'
        ].join('\n')
      }
    })
    expect(run.code).toBe(0)
    const tagged = calls(fake, TAG_ACTION[product])
    expect(tagged.map((c) => c.params!.DomainName)).toEqual(['a.example', 'a.example', 'b.example'])
    for (const call of tagged) expect(call.params!.CacheTag.length).toBeLessThanOrEqual(16_384)
    expect(tagged.flatMap((c) => c.params!.CacheTag.split(','))).toEqual([...tags, 'menu'])
    expect(tagged.every((c) => c.status === 200 && c.params!.Force === 'false')).toBe(true)
    expect(run.outputs.count).toBe('202')
    expect((fake.state.calls as Call[]).filter((c) => c.code === 'Throttling.User')).toEqual([])
  })
})

describe('tags on ESA', () => {
  const esa = (fake: Fake, extra: Record<string, string>) => ({
    ...keys(fake),
    service: 'esa',
    site: '123456789',
    ...extra
  })

  it('purges site-wide, 100 tags a call, with Force, and checks the cachetag quota first', async () => {
    const fake = await start('esa')
    const tags = Array.from({ length: 150 }, (_, i) => `t${i}`)
    const run = await runAction({
      inputs: esa(fake, { urls: `tag ${tags.join(',')}`, force: 'true' })
    })
    expect(run.code).toBe(0)
    const purges = calls(fake, 'PurgeCaches')
    expect(purges.map((c) => JSON.parse(c.params!.Content).CacheTags.length)).toEqual([100, 50])
    expect(purges.every((c) => c.params!.Type === 'cachetag' && c.params!.Force === 'true')).toBe(
      true
    )
    expect(calls(fake, 'GetPurgeQuota').map((c) => c.params!.Type)).toContain('cachetag')
    expect(JSON.parse(run.outputs.tags)).toEqual({ '123456789': tags })
  })

  it('refuses the whole plan when the cachetag quota is short, with no purge', async () => {
    const fake = await start('esa', { quota: { Tag: 5 } })
    const run = await runAction({
      inputs: esa(fake, { urls: 'tag a,b,c,d,e,f\nhttps://www.example.com/x' })
    })
    expect(run.code).toBe(1)
    expect(calls(fake, 'PurgeCaches')).toHaveLength(0)
    expect(errorLines(run)[0]).toMatch(
      /Not enough ESA refresh quota left today[\s\S]*- 6 cache tags needed, 5 remain today \(1 short\)/
    )
    expect(run.outputs.status).toBe('failed')
  })

  it('says what to do when the plan lacks cache tags, quoting the service', async () => {
    const fake = await start('esa', { tagFeature: false })
    const run = await runAction({
      inputs: esa(fake, { urls: 'tag menu\nhttps://www.example.com/x', 'quota-check': 'false' })
    })
    expect(run.code).toBe(1)
    const error = errorLines(run)[0]
    expect(error).toMatch(
      /OperationDenied\.PlanNotSupported: The plan of this site does not support purging by cache tag\. \(RequestId [0-9A-F-]+\)/
    )
    expect(error).toMatch(/needs an ESA plan that offers it \(the Enterprise plan\)/)
    // The URL went through; only the tags failed.
    expect(JSON.parse(run.outputs.urls)).toEqual(['https://www.example.com/x'])
    expect(run.summary).toMatch(
      /<td>Tag<\/td><td>1<\/td><td>123456789<\/td><td>OperationDenied\.PlanNotSupported<\/td>/
    )
  })
})

describe('tag grammar: every wrong form is an error before any request', () => {
  it.each<[string, Record<string, string>, RegExp]>([
    [
      'a DCDN line without a host',
      { urls: 'tag menu' },
      /urls line 1 \("tag menu"\): DCDN refreshes tags per domain: 'tag <host> <tag>\[,<tag>\.\.\.\]'/
    ],
    [
      'an ESA line with a host',
      { service: 'esa', site: 'example.com', urls: 'tag www.example.com menu' },
      /urls line 1 .*ESA refreshes tags site-wide, with no host: 'tag <tag>/
    ],
    ['an empty tag', { urls: 'tag a.example a,,b' }, /urls line 1 .*a tag is empty/],
    ['a trailing comma', { urls: 'tag a.example a,' }, /urls line 1 .*a tag is empty/],
    [
      'a tag over 128 characters',
      { urls: `tag a.example ${'x'.repeat(129)}` },
      /is 129 characters long; at most 128/
    ],
    ['non-ASCII text', { urls: 'tag a.example café' }, /not printable ASCII/],
    ['a wildcard host', { urls: 'tag *.example.com menu' }, /wildcard domain/],
    [
      'a DCDN rule without a host and a tag',
      { rules: 'data/menu.yml => tag menu', paths: 'data/menu.yml' },
      /rules line 1 .*DCDN refreshes tags per domain: 'tag <host> <tag-template>/
    ],
    [
      'a rendered tag with a space',
      {
        rules: 'content/*.md => tag www.example.com author-{stem}',
        paths: 'content/ada lovelace.md'
      },
      /rules line 1 .*renders "content\/ada lovelace\.md" as a tag that holds white space \("author-ada lovelace"\)/
    ],
    [
      'a rendered tag with a comma',
      { rules: 'content/*.md => tag www.example.com {stem}', paths: 'content/a,b.md' },
      /renders "content\/a,b\.md" as a tag that holds a comma/
    ],
    [
      'a rendered tag with non-ASCII text',
      { rules: 'content/*.md => tag www.example.com {stem}', paths: 'content/zoë.md' },
      /renders "content\/zoë\.md" as a tag that holds a character that is not printable ASCII/
    ],
    [
      'a rendered tag over 128 characters',
      {
        rules: 'content/*.md => tag www.example.com {stem}',
        paths: `content/${'y'.repeat(130)}.md`
      },
      /as a tag that is 130 characters long/
    ],
    [
      'an urls-file line',
      { 'urls-file': 'list.txt' },
      /urls-file \(list\.txt\) line 2 .*DCDN refreshes tags per domain/
    ]
  ])('%s', async (_, extra, message) => {
    const fake = await start(extra.service === 'esa' ? 'esa' : 'dcdn')
    const run = await runAction({
      inputs: { ...keys(fake), ...extra },
      files: { 'list.txt': 'https://www.example.com/ok\ntag menu\n' }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run).join('\n')).toMatch(message)
    expect(fake.state.calls).toHaveLength(0)
    expect(run.outputs.status).toBe('failed')
    expect(liveCommands(run.stdout).filter((l) => l.startsWith('::error')).length).toBe(1)
  })

  it('tells ESA rule words apart from a host: every word after tag is a template there', async () => {
    const run = await runAction({
      inputs: {
        service: 'esa',
        site: 'example.com',
        'dry-run': 'true',
        rules: 'data/menu.yml => tag www.example.com menu',
        paths: 'data/menu.yml'
      }
    })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.tags)).toEqual({ 'example.com': ['www.example.com', 'menu'] })
  })
})

describe('tags in a dry run', () => {
  it('plans and shows them, escaped, with no request', async () => {
    const run = await runAction({
      inputs: {
        'dry-run': 'true',
        urls: 'tag www.example.com menu,<b>x</b>\nhttps://www.example.com/'
      }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('dry-run')
    expect(JSON.parse(run.outputs.tags)).toEqual({ 'www.example.com': ['menu', '<b>x</b>'] })
    expect(run.outputs.count).toBe('3')
    expect(run.summary).toMatch(
      /<h2>📝 DCDN dry run: 1 URL and 2 cache tags on 1 host in 2 batches; nothing was sent<\/h2>/
    )
    expect(run.summary).toContain('tag www.example.com &#60;b&#62;x&#60;/b&#62;')
    expect(run.summary).not.toContain('<b>x</b>')
    expect(run.stdout).toMatch(/Tag www\.example\.com menu/)
  })
})
