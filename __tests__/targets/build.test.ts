// The targets of a run (SPEC 3): mapped paths, then the given targets, deduplicated in a stable
// order; the path each URL came from; what the rules did with the paths.
import { describe, expect, it } from '@jest/globals'
import { NO_RULES } from '../../src/rules/parse.js'
import { buildTargets, dedupeTargets, knownFileUrls } from '../../src/targets/build.js'
import { rulesOf } from '../fixtures.js'

const RULES = [
  'public/** => https://WWW.Example.com:443/{path}',
  'public/**/index.html => https://www.example.com/{dir}',
  'data/menu.yml => tag www.example.com menu',
  '!public/**/*.map'
].join('\n')

describe('buildTargets', () => {
  it('maps the paths, then adds the given targets and tags, each once', () => {
    const built = buildTargets(
      ['public/index.html', 'public/a.js', 'public/a.js.map', 'data/menu.yml', 'README.md'],
      rulesOf(RULES),
      {
        urls: [
          { type: 'File', url: 'https://www.example.com/a.js' },
          { type: 'Directory', url: 'HTTPS://www.example.com/assets/' },
          { type: 'Regex', url: 'https://WWW.example.com/.*\\.css' }
        ],
        tags: [
          { host: 'WWW.example.com', tag: 'menu' },
          { host: 'www.example.com', tag: 'footer' }
        ]
      }
    )
    expect(built.targets).toEqual([
      { type: 'File', url: 'https://www.example.com/index.html' },
      { type: 'File', url: 'https://www.example.com/' },
      { type: 'File', url: 'https://www.example.com/a.js' },
      { type: 'Directory', url: 'https://www.example.com/assets/' },
      // A regex is sent as written: it is not a URL to canonicalise.
      { type: 'Regex', url: 'https://WWW.example.com/.*\\.css' }
    ])
    expect(built.tags).toEqual([
      { host: 'www.example.com', tag: 'menu' },
      { host: 'www.example.com', tag: 'footer' }
    ])
    expect([...built.sources]).toEqual([
      ['https://www.example.com/index.html', 'public/index.html'],
      ['https://www.example.com/', 'public/index.html'],
      ['https://www.example.com/a.js', 'public/a.js']
    ])
    expect(built.mapping).toEqual({
      paths: 5,
      hits: [
        { line: 1, text: 'public/** => https://WWW.Example.com:443/{path}', paths: 2 },
        { line: 2, text: 'public/**/index.html => https://www.example.com/{dir}', paths: 1 },
        { line: 3, text: 'data/menu.yml => tag www.example.com menu', paths: 1 }
      ],
      excluded: 1,
      unmatched: 1
    })
  })

  it('counts a path given twice once, and keeps the first path of a URL two paths render', () => {
    const built = buildTargets(
      ['b/x.html', 'a/x.html', 'b/x.html'],
      rulesOf('*/x.html => https://a.example/x.html'),
      { urls: [], tags: [] }
    )
    expect(built.mapping?.paths).toBe(2)
    expect(built.targets).toEqual([{ type: 'File', url: 'https://a.example/x.html' }])
    expect([...built.sources]).toEqual([['https://a.example/x.html', 'b/x.html']])
  })

  it('with no paths and no rules, has only the given targets and no mapping', () => {
    const built = buildTargets([], NO_RULES, {
      urls: [{ type: 'File', url: 'https://a.example/x' }],
      tags: []
    })
    expect(built.targets).toEqual([{ type: 'File', url: 'https://a.example/x' }])
    expect(built.mapping).toBeUndefined()
    expect(built.sources.size).toBe(0)
  })

  it('with rules but no paths, says so in the mapping', () => {
    const built = buildTargets([], rulesOf(RULES), { urls: [], tags: [] })
    expect(built.mapping).toMatchObject({ paths: 0, excluded: 0, unmatched: 0 })
    expect(built.targets).toEqual([])
  })

  it('with paths but no rules, counts them as unmatched', () => {
    const built = buildTargets(['a', 'b'], NO_RULES, { urls: [], tags: [] })
    expect(built.mapping).toEqual({ paths: 2, hits: [], excluded: 0, unmatched: 2 })
  })
})

describe('dedupeTargets', () => {
  it('keeps one of each type and canonical URL, first seen first', () => {
    expect(
      dedupeTargets([
        { type: 'File', url: 'http://A.example:80/x' },
        { type: 'Directory', url: 'http://a.example/x' },
        { type: 'File', url: 'http://a.example/x' },
        { type: 'Regex', url: 'https://a.example/.*' },
        { type: 'Regex', url: 'https://A.example/.*' },
        { type: 'Regex', url: 'https://a.example/.*' }
      ])
    ).toEqual([
      { type: 'File', url: 'http://a.example/x' },
      { type: 'Directory', url: 'http://a.example/x' },
      { type: 'Regex', url: 'https://a.example/.*' },
      { type: 'Regex', url: 'https://A.example/.*' }
    ])
  })
})

describe('knownFileUrls', () => {
  it('gives the canonical File URLs of a tree, leaving out directories, tags and exclusions', () => {
    const rules = rulesOf(
      [
        'public/** => https://WWW.Example.com/{path}',
        'public/assets/** => directory https://www.example.com/assets/',
        'public/** => tag www.example.com all',
        'public/** => ignore-params https://www.example.com/{path}',
        '!public/**/*.map'
      ].join('\n')
    )
    expect(
      knownFileUrls(['public/a.html', 'public/assets/x.js', 'public/x.js.map', 'b.txt'], rules)
    ).toEqual(['https://www.example.com/a.html', 'https://www.example.com/assets/x.js'])
  })
})
