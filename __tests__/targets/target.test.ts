import { describe, expect, it } from '@jest/globals'
import { hostOf, parseTargetLines, urlProblem } from '../../src/targets/target.js'
import { DCDN_FORM } from '../fixtures.js'

describe('urlProblem (SPEC 3.3)', () => {
  it.each([
    ['https://a.example/x', undefined],
    ['http://a.example:8080/x?y=1', undefined],
    ['https://a.example', undefined],
    ['ftp://a.example/x', /absolute http/],
    ['a.example/x', /absolute http/],
    ['https://u:p@a.example/x', /user info/],
    ['https://@a.example/x', /user info/],
    ['https://*.example.com/x', /wildcard/],
    ['https://a.example/x#frag', /fragment/],
    ['https:///x', /no host/],
    ['https://a.example/a b', /white space/],
    ['https://a.example/' + 'a'.repeat(1010), /1,024|1024/]
  ])('%s', (url, problem) => {
    const found = urlProblem(url)
    if (problem === undefined) expect(found).toBeUndefined()
    else expect(found).toMatch(problem)
  })

  it('accepts exactly 1,024 characters', () => {
    const url = 'https://a.example/' + 'a'.repeat(1024 - 18)
    expect(url).toHaveLength(1024)
    expect(urlProblem(url)).toBeUndefined()
    expect(urlProblem(url + 'a')).toMatch(/1025/)
  })
})

describe('parseTargetLines', () => {
  it('reads each type and defaults to file', () => {
    const text =
      'https://a.example/x\n# comment\n\nfile https://a.example/y\ndirectory https://a.example/d/\nregex https://a.example/.*\\.jpg\nignore-params https://a.example/q\nDIRECTORY https://b.example/\r\n'
    expect(parseTargetLines(text, 'urls', DCDN_FORM).urls).toEqual([
      { type: 'File', url: 'https://a.example/x' },
      { type: 'File', url: 'https://a.example/y' },
      { type: 'Directory', url: 'https://a.example/d/' },
      { type: 'Regex', url: 'https://a.example/.*\\.jpg' },
      { type: 'IgnoreParams', url: 'https://a.example/q' },
      { type: 'Directory', url: 'https://b.example/' }
    ])
  })

  it.each([
    ['folder https://a.example/', /urls line 2 .*unknown type 'folder'/],
    ['https://*.example.com/', /urls line 2 .*wildcard/],
    ['file https://a.example/a b', /urls line 2 .*expected/],
    ['/x', /urls line 2 .*absolute/],
    ['https://a.example/#x', /urls line 2 .*fragment/]
  ])('names the input and line for %j', (line, message) => {
    expect(() => parseTargetLines(`https://ok.example/\n${line}`, 'urls', DCDN_FORM)).toThrow(
      message
    )
  })

  it('names the fallback input too', () => {
    expect(() => parseTargetLines('nope', 'fallback', DCDN_FORM)).toThrow(/fallback line 1/)
  })
})

describe('hostOf', () => {
  it.each([
    ['https://WWW.Example.com/x', 'www.example.com'],
    ['http://a.example:8080/x', 'a.example'],
    ['https://a.example?x', 'a.example']
  ])('%s → %s', (url, host) => expect(hostOf(url)).toBe(host))
})
