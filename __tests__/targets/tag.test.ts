import { describe, expect, it } from '@jest/globals'
import {
  dedupeTags,
  tagHostProblem,
  tagProblem,
  tagSyntax,
  tagsByHost
} from '../../src/targets/tag.js'

describe('tagProblem (SPEC 3.4)', () => {
  it.each([
    ['menu', undefined],
    ['a', undefined],
    ['!~', undefined],
    ['x'.repeat(128), undefined],
    ['', 'is empty'],
    ['x'.repeat(129), 'is 129 characters long; at most 128 are accepted'],
    ['a,b', 'holds a comma, which separates tags'],
    ['a b', 'holds white space'],
    ['a\tb', 'holds white space'],
    ['menü', 'holds a character that is not printable ASCII'],
    ['a\u0000', 'holds a character that is not printable ASCII'],
    ['\u007f', 'holds a character that is not printable ASCII'],
    ['é', 'holds a character that is not printable ASCII'],
    ['aé', 'holds a character that is not printable ASCII'],
    ['éa', 'holds a character that is not printable ASCII']
  ])('%j: %s', (tag, problem) => expect(tagProblem(tag)).toBe(problem))
})

describe('tagHostProblem', () => {
  it.each([
    ['www.example.com', undefined],
    ['a', undefined],
    ['a-b.c-d.example', undefined],
    ['A1.Example', undefined],
    [
      'https://www.example.com',
      'is not a plain domain name: give the host alone, as in www.example.com'
    ],
    ['www.example.com/', 'is not a plain domain name: give the host alone, as in www.example.com'],
    ['*.example.com', 'is a wildcard domain, which cannot be refreshed by tag'],
    ['-a.example', 'is not a domain name'],
    ['a-.example', 'is not a domain name'],
    ['a.-b', 'is not a domain name'],
    ['a.b-', 'is not a domain name'],
    ['a..b', 'is not a domain name'],
    ['a_b.example', 'is not a domain name'],
    ['a.example:8080', 'is not a domain name'],
    ['.a', 'is not a domain name'],
    ['a.', 'is not a domain name'],
    ['', 'is not a domain name']
  ])('%j: %s', (host, problem) => expect(tagHostProblem(host)).toBe(problem))
})

describe('tagSyntax', () => {
  it('gives the per-host and the site-wide form, for a line and for a rule', () => {
    expect(tagSyntax({ perHost: true, service: 'CDN' }, 'line')).toBe(
      "CDN refreshes tags per domain: 'tag <host> <tag>[,<tag>...]'"
    )
    expect(tagSyntax({ perHost: true, service: 'DCDN' }, 'rule')).toBe(
      "DCDN refreshes tags per domain: 'tag <host> <tag-template> [<tag-template>...]'"
    )
    expect(tagSyntax({ perHost: false, service: 'ESA' }, 'line')).toBe(
      "ESA refreshes tags site-wide, with no host: 'tag <tag>[,<tag>...]'"
    )
    expect(tagSyntax({ perHost: false, service: 'ESA' }, 'rule')).toBe(
      "ESA refreshes tags site-wide, with no host: 'tag <tag-template> [<tag-template>...]'"
    )
  })
})

describe('dedupeTags and tagsByHost', () => {
  it('keeps the first of each tag per host, hosts compared in lower case, tags as written', () => {
    const tags = dedupeTags([
      { host: 'B.example', tag: 'menu' },
      { host: 'a.example', tag: 'menu' },
      { host: 'b.EXAMPLE', tag: 'menu' },
      { host: 'b.example', tag: 'Menu' },
      { host: 'a.example', tag: 'footer' },
      { host: '', tag: 'menu' }
    ])
    expect(tags).toEqual([
      { host: 'b.example', tag: 'menu' },
      { host: 'a.example', tag: 'menu' },
      { host: 'b.example', tag: 'Menu' },
      { host: 'a.example', tag: 'footer' },
      { host: '', tag: 'menu' }
    ])
    expect([...tagsByHost(tags)]).toEqual([
      ['b.example', ['menu', 'Menu']],
      ['a.example', ['menu', 'footer']],
      ['', ['menu']]
    ])
  })
})
