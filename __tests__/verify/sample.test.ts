import { describe, expect, it } from '@jest/globals'
import { Batch } from '../../src/plan/batches.js'
import { RefreshTarget } from '../../src/targets/target.js'
import { SampleInput, chooseChecks } from '../../src/verify/sample.js'

const file = (url: string): RefreshTarget => ({ type: 'File', url })
const batch = (type: Batch['type'], objects: string[]): Batch => ({
  type,
  objects,
  hosts: new Map()
})

function input(fields: Partial<SampleInput>): SampleInput {
  const targets = fields.targets ?? []
  return {
    targets,
    changed: targets,
    accepted: [
      {
        batch: batch(
          'File',
          targets.filter((t) => t.type === 'File').map((t) => t.url)
        ),
        acceptedAt: 5
      }
    ],
    sources: new Map(),
    removed: new Set(),
    max: 50,
    ...fields
  }
}

describe('chooseChecks (SPEC 4.6)', () => {
  it('takes the first URL of each host, then removed files, then the rest in plan order', () => {
    const targets = [
      'https://a.example/1',
      'https://a.example/2',
      'https://b.example/1',
      'https://a.example/gone',
      'https://c.example/1'
    ].map(file)
    const chosen = chooseChecks(
      input({
        targets,
        sources: new Map([['https://a.example/gone', 'public/gone.html']]),
        removed: new Set(['public/gone.html']),
        max: 4
      })
    )
    expect(chosen.map((c) => c.url)).toEqual([
      'https://a.example/1',
      'https://b.example/1',
      'https://c.example/1',
      'https://a.example/gone'
    ])
    expect(chosen[3].removed).toBe(true)
  })

  it('checks a changed URL under each directory target, refreshed when its directory was', () => {
    const changed = ['https://a.example/docs/x.html', 'https://a.example/blog/y.html'].map(file)
    const targets: RefreshTarget[] = [
      { type: 'Directory', url: 'https://a.example/docs/' },
      { type: 'Directory', url: 'https://a.example/blog/' }
    ]
    const chosen = chooseChecks(
      input({
        targets,
        changed,
        accepted: [
          {
            batch: batch(
              'Directory',
              targets.map((t) => t.url)
            ),
            acceptedAt: 9
          }
        ]
      })
    )
    expect(chosen).toEqual([
      {
        url: 'https://a.example/docs/x.html',
        refreshedAt: 9,
        removed: false,
        newHash: undefined,
        oldHash: undefined
      },
      {
        url: 'https://a.example/blog/y.html',
        refreshedAt: 9,
        removed: false,
        newHash: undefined,
        oldHash: undefined
      }
    ])
  })

  it('skips regexes, tags and URLs whose batch was not accepted', () => {
    const targets: RefreshTarget[] = [
      file('https://a.example/1'),
      file('https://a.example/2'),
      { type: 'Regex', url: 'https://a.example/.*' }
    ]
    const chosen = chooseChecks(
      input({
        targets,
        accepted: [{ batch: batch('File', ['https://a.example/2']), acceptedAt: 1 }]
      })
    )
    expect(chosen.map((c) => c.url)).toEqual(['https://a.example/2'])
  })

  it('knows the bytes of the path each URL was rendered from', () => {
    const targets = [file('https://a.example/blog/')]
    const chosen = chooseChecks(
      input({
        targets,
        sources: new Map([['https://a.example/blog/', 'public/blog/index.html']]),
        hashes: {
          current: new Map([['public/blog/index.html', 'new']]),
          previous: new Map([['public/blog/index.html', 'old']])
        }
      })
    )
    expect(chosen[0]).toMatchObject({ newHash: 'new', oldHash: 'old', removed: false })
  })

  it('dates a URL by its own batch, else by the latest directory above it', () => {
    const targets: RefreshTarget[] = [
      { type: 'IgnoreParams', url: 'https://a.example/docs/own.html' },
      file('https://a.example/docs/api/deep.html'),
      file('https://a.example/docs/top.html'),
      file('https://a.example/other.html')
    ]
    const chosen = chooseChecks(
      input({
        targets,
        changed: targets,
        accepted: [
          { batch: batch('IgnoreParams', ['https://a.example/docs/own.html']), acceptedAt: 5 },
          { batch: batch('Directory', ['https://a.example/docs/api/']), acceptedAt: 20 },
          { batch: batch('Directory', ['https://a.example/docs/']), acceptedAt: 9 }
        ]
      })
    )
    expect(chosen.map((c) => [c.url, c.refreshedAt])).toEqual([
      ['https://a.example/docs/own.html', 5],
      ['https://a.example/docs/api/deep.html', 20],
      ['https://a.example/docs/top.html', 9]
    ])
  })

  it('takes URLs only from accepted File and IgnoreParams batches, never by prefix', () => {
    const targets = [file('https://a.example/1'), file('https://a.example/10')]
    const chosen = chooseChecks(
      input({
        targets,
        accepted: [
          { batch: batch('File', ['https://a.example/1']), acceptedAt: 1 },
          { batch: batch('Regex', ['https://a.example/10']), acceptedAt: 2 },
          { batch: batch('Tag', ['https://a.example/10']), acceptedAt: 3 }
        ]
      })
    )
    expect(chosen.map((c) => c.url)).toEqual(['https://a.example/1'])
  })

  it('checks under a directory a changed URL not already checked', () => {
    const targets: RefreshTarget[] = [
      file('https://a.example/docs/a.html'),
      { type: 'Directory', url: 'https://a.example/docs/' }
    ]
    const changed = [file('https://a.example/docs/a.html'), file('https://a.example/docs/b.html')]
    const chosen = chooseChecks(
      input({
        targets,
        changed,
        accepted: [
          { batch: batch('File', ['https://a.example/docs/a.html']), acceptedAt: 1 },
          { batch: batch('Directory', ['https://a.example/docs/']), acceptedAt: 2 }
        ]
      })
    )
    expect(chosen.map((c) => c.url)).toEqual([
      'https://a.example/docs/a.html',
      'https://a.example/docs/b.html'
    ])
  })

  it('is deterministic and stops at the limit', () => {
    const targets = Array.from({ length: 100 }, (_, i) => file(`https://h${i % 7}.example/${i}`))
    const a = chooseChecks(input({ targets, max: 10 }))
    const b = chooseChecks(input({ targets, max: 10 }))
    expect(a).toEqual(b)
    expect(a).toHaveLength(10)
    expect(new Set(a.map((c) => new URL(c.url).host)).size).toBe(7)
  })
})
