import { describe, expect, it } from '@jest/globals'
import {
  canonicalUrl,
  hostOf,
  parseTargetLines,
  splitUrl,
  urlProblem
} from '../../src/targets/target.js'
import { DCDN_FORM, ESA_FORM } from '../fixtures.js'

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
    ['https://a.example/' + 'a'.repeat(1010), /1,024|1024/],
    ['https://a.example:99999/x', /^is not a valid URL$/],
    ['https://[::1/x', /^is not a valid URL$/]
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
    ['https://a.example?x', 'a.example'],
    ['https://a.example:443', 'a.example'],
    ['https://a.example:8x/y', 'a.example:8x'],
    ['not a url', '']
  ])('%s → %s', (url, host) => expect(hostOf(url)).toBe(host))
})

describe('splitUrl', () => {
  it('takes the whole URL, scheme in any case, across line breaks', () => {
    expect(splitUrl('HTTPS://a.example/x?y#z')).toEqual({
      scheme: 'HTTPS',
      authority: 'a.example',
      rest: '/x?y#z'
    })
    expect(splitUrl('https://a.example/x\ny')?.rest).toBe('/x\ny')
    expect(splitUrl(' https://a.example/')).toBeUndefined()
    expect(splitUrl('https:/a.example/')).toBeUndefined()
  })
})

describe('canonicalUrl (SPEC 4.2 item 1)', () => {
  it.each([
    ['HTTPS://WWW.Example.COM:443/A/b', 'https://www.example.com/A/b'],
    ['HTTP://a.example:80/x', 'http://a.example/x'],
    ['https://a.example:80/x', 'https://a.example:80/x'],
    ['http://a.example:443/x', 'http://a.example:443/x'],
    ['https://a.example:4430/x', 'https://a.example:4430/x'],
    ['http://a.example:8080/x', 'http://a.example:8080/x'],
    ['https://a.example/x:443', 'https://a.example/x:443'],
    ['not a url', 'not a url']
  ])('%s → %s', (url, canonical) => expect(canonicalUrl(url)).toBe(canonical))
})

describe('parseTargetLines: the edges of a line', () => {
  it('takes Windows line ends, tabs between words, and any case of a type', () => {
    const given = parseTargetLines(
      'Directory\thttps://a.example/d/\r\n  https://a.example/x  \r\nIGNORE-PARAMS https://a.example/q',
      'urls',
      DCDN_FORM
    )
    expect(given.urls).toEqual([
      { type: 'Directory', url: 'https://a.example/d/' },
      { type: 'File', url: 'https://a.example/x' },
      { type: 'IgnoreParams', url: 'https://a.example/q' }
    ])
    expect(given.tags).toEqual([])
  })

  it('says a URL with a space should be percent-encoded, naming the line', () => {
    expect(() => parseTargetLines('https://a.example/a b', 'urls', DCDN_FORM)).toThrow(
      'urls line 1 ("https://a.example/a b"): the URL holds white space; percent-encode spaces as %20.'
    )
  })

  it('lists the types a line may start with', () => {
    expect(() => parseTargetLines('folder https://a.example/', 'urls', DCDN_FORM)).toThrow(
      'urls line 1 ("folder https://a.example/"): unknown type \'folder\'. Use one of file, directory, ignore-params, regex, tag, or give the URL alone for file.'
    )
  })

  it('refuses a type the service has none of, naming the ones it has', () => {
    expect(() => parseTargetLines('regex https://a.example/.*', 'urls', ESA_FORM)).toThrow(
      'urls line 1 ("regex https://a.example/.*"): ESA has no regex refresh; use one of File, IgnoreParams, Directory.'
    )
    expect(() =>
      parseTargetLines('directory https://a.example/', 'urls', { ...ESA_FORM, types: ['File'] })
    ).toThrow('ESA has no Directory refresh; use one of File.')
  })

  it('names the problem of the URL itself', () => {
    expect(() => parseTargetLines('file https://*.a.example/', 'urls-file', DCDN_FORM)).toThrow(
      /^urls-file line 1 \("file https:\/\/\*\.a\.example\/"\): the URL uses a wildcard host/
    )
  })
})

describe('parseTargetLines: tag lines (SPEC 3.4)', () => {
  it('reads per-host tag lines on DCDN, hosts in lower case, tags as written', () => {
    const given = parseTargetLines(
      'tag WWW.Example.com menu,Footer\nTAG a.example x\nhttps://a.example/p',
      'urls',
      DCDN_FORM
    )
    expect(given.tags).toEqual([
      { host: 'www.example.com', tag: 'menu' },
      { host: 'www.example.com', tag: 'Footer' },
      { host: 'a.example', tag: 'x' }
    ])
    expect(given.urls).toEqual([{ type: 'File', url: 'https://a.example/p' }])
  })

  it('reads site-wide tag lines on ESA', () => {
    expect(parseTargetLines('tag a,b', 'urls', ESA_FORM).tags).toEqual([
      { host: '', tag: 'a' },
      { host: '', tag: 'b' }
    ])
  })

  it.each([
    [
      DCDN_FORM,
      'tag menu',
      `urls line 1 ("tag menu"): DCDN refreshes tags per domain: 'tag <host> <tag>[,<tag>...]'.`
    ],
    [
      ESA_FORM,
      'tag www.example.com menu',
      `urls line 1 ("tag www.example.com menu"): ESA refreshes tags site-wide, with no host: 'tag <tag>[,<tag>...]'.`
    ],
    [
      DCDN_FORM,
      'tag https://www.example.com menu',
      'urls line 1 ("tag https://www.example.com menu"): the host \'https://www.example.com\' is not a plain domain name: give the host alone, as in www.example.com.'
    ],
    [
      DCDN_FORM,
      'tag www.example.com menu,,x',
      'urls line 1 ("tag www.example.com menu,,x"): a tag is empty ("").'
    ],
    [
      ESA_FORM,
      'tag menü',
      'urls line 1 ("tag menü"): a tag holds a character that is not printable ASCII ("menü").'
    ]
  ])('refuses %#: %s', (form, line, message) => {
    expect(() => parseTargetLines(line, 'urls', form)).toThrow(message)
  })
})
