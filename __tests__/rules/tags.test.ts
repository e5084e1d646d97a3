// Tag rules (SPEC 3.4): parsed per the service's form, rendered from the path without
// percent-encoding, every rendered tag checked; left out where only URLs are weighed.
import { describe, expect, it } from '@jest/globals'
import { mapPaths } from '../../src/rules/map.js'
import { UserError } from '../../src/util/errors.js'
import { rulesOf } from '../fixtures.js'

describe('tag rules: DCDN and CDN, per host', () => {
  it('renders each template from the path below the base, as it is', () => {
    const rules = rulesOf(
      'content/authors/*.md => tag WWW.Example.com author-{stem} authors\ndata/** => tag www.example.com data:{path}'
    )
    expect(rules.mappings.map((m) => (m.kind === 'tag' ? [m.host, m.templates] : []))).toEqual([
      ['www.example.com', ['author-{stem}', 'authors']],
      ['www.example.com', ['data:{path}']]
    ])
    const result = mapPaths(['content/authors/ann.md', 'data/menu/main.yml', 'other.md'], rules)
    expect(result.tags).toEqual([
      { host: 'www.example.com', tag: 'author-ann' },
      { host: 'www.example.com', tag: 'authors' },
      { host: 'www.example.com', tag: 'data:menu/main.yml' }
    ])
    expect(result.targets).toEqual([])
    expect(result.hits.map((h) => h.paths)).toEqual([1, 1])
    expect(result.unmatched).toBe(1)
  })

  it('takes a tag rule word in any case', () => {
    const result = mapPaths(['menu.yml'], rulesOf('menu.yml => TAG a.example menu'))
    expect(result.tags).toEqual([{ host: 'a.example', tag: 'menu' }])
  })

  it('leaves tags out when only the URLs of a tree are weighed', () => {
    const rules = rulesOf('** => tag a.example {stem}\n** => https://a.example/{path}')
    const result = mapPaths(['x.html'], rules, true)
    expect(result.tags).toEqual([])
    expect(result.targets.map((t) => t.url)).toEqual(['https://a.example/x.html'])
  })

  it('names the rule line and the path when a rendered tag cannot be sent', () => {
    const rules = rulesOf('# tags\ndata/** => tag www.example.com {name}')
    expect(() => mapPaths(['data/main menu.yml'], rules)).toThrow(
      'rules line 2 ("data/** => tag www.example.com {name}") renders "data/main menu.yml" as a tag that holds white space ("main menu.yml").'
    )
    expect(() => mapPaths(['data/ü.yml'], rules)).toThrow(UserError)
  })

  it.each([
    [
      'data/** => tag my_site menu',
      `rules line 1 ("data/** => tag my_site menu"): the host 'my_site' is not a domain name. DCDN refreshes tags per domain: 'tag <host> <tag-template> [<tag-template>...]'.`
    ],
    [
      'data/** => tag www.example.com',
      `rules line 1 ("data/** => tag www.example.com"): DCDN refreshes tags per domain: 'tag <host> <tag-template> [<tag-template>...]'.`
    ],
    [
      'data/** => tag',
      `rules line 1 ("data/** => tag"): DCDN refreshes tags per domain: 'tag <host> <tag-template> [<tag-template>...]'.`
    ],
    [
      'data/** => tag {stem}.example.com menu',
      'rules line 1 ("data/** => tag {stem}.example.com menu"): placeholders may not stand in the host; a file name must never choose the domain.'
    ],
    [
      'data/** => tag https://www.example.com menu',
      `rules line 1 ("data/** => tag https://www.example.com menu"): the host 'https://www.example.com' is not a plain domain name: give the host alone, as in www.example.com. DCDN refreshes tags per domain: 'tag <host> <tag-template> [<tag-template>...]'.`
    ],
    [
      'data/** => tag www.example.com a,b',
      'rules line 1 ("data/** => tag www.example.com a,b"): the tag template "a,b" holds a comma, which separates tags.'
    ],
    [
      'data/** => tag www.example.com {file}',
      'rules line 1 ("data/** => tag www.example.com {file}"): unknown placeholder \'{file}\'. Use {path}, {dir}, {name}, {stem}, {ext}.'
    ]
  ])('refuses %j', (line, message) => {
    expect(() => rulesOf(line)).toThrow(UserError)
    expect(() => rulesOf(line)).toThrow(message)
  })
})

describe('tag rules: ESA, site-wide', () => {
  it('reads every word after tag as a template, a domain name included', () => {
    const rules = rulesOf('data/menu.yml => tag www.example.com menu', 'site')
    expect(mapPaths(['data/menu.yml'], rules).tags).toEqual([
      { host: '', tag: 'www.example.com' },
      { host: '', tag: 'menu' }
    ])
  })

  it('still needs a template', () => {
    expect(() => rulesOf('data/** => tag', 'site')).toThrow(
      `rules line 1 ("data/** => tag"): ESA refreshes tags site-wide, with no host: 'tag <tag-template> [<tag-template>...]'.`
    )
  })
})

describe('rendering placeholders (SPEC 3.2)', () => {
  it('gives each placeholder below the base, and the whole path where the base does not lead', () => {
    const rules = rulesOf('site/** => https://a.example/{dir}|{name}|{stem}|{ext}|{path}')
    const urls = (path: string) => mapPaths([path], rules).targets.map((t) => t.url)
    expect(urls('site/a/b.c.html')).toEqual(['https://a.example/a/|b.c.html|b.c|.html|a/b.c.html'])
    expect(urls('site/top')).toEqual(['https://a.example/|top|top||top'])
    expect(urls('site/.env')).toEqual(['https://a.example/|.env|.env||.env'])
  })

  it('keeps the path whole for a glob with no base', () => {
    const rules = rulesOf('**/*.md => https://a.example/{dir}{stem}/')
    expect(mapPaths(['docs/a b.md', 'x.md'], rules).targets.map((t) => t.url)).toEqual([
      'https://a.example/docs/a%20b/',
      'https://a.example/x/'
    ])
  })

  it('passes over a path that renders no valid URL when only URLs are weighed', () => {
    const rules = rulesOf('** => https://a.example/{path}')
    const long = 'a'.repeat(1100)
    expect(mapPaths([long, 'ok'], rules, true).targets.map((t) => t.url)).toEqual([
      'https://a.example/ok'
    ])
    expect(() => mapPaths([long], rules)).toThrow(/rules line 1/)
  })
})
