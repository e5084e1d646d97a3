import { describe, expect, it } from '@jest/globals'
import { CollapseInput, collapseFiles, directoriesOf } from '../../src/plan/collapse.js'

const HOST = 'https://www.example.com'
const budgets = (urls: number, directories: number, objects = Infinity) => ({
  urls,
  directories,
  objects
})

/** A deterministic shuffle, to show that input order does not change the choice. */
function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

describe('directoriesOf', () => {
  it('lists the host root and every directory down to the last slash', () => {
    expect(directoriesOf('https://h.example/a/b/c.html?x=/y')).toEqual([
      'https://h.example/',
      'https://h.example/a/',
      'https://h.example/a/b/'
    ])
    expect(directoriesOf('https://h.example')).toEqual(['https://h.example/'])
    expect(directoriesOf('not a url')).toEqual([])
    expect(directoriesOf('https:///a/b')).toEqual([])
    // A query is not a path, even when it holds slashes.
    expect(directoriesOf('https://h.example?next=/a/b')).toEqual(['https://h.example/'])
    expect(directoriesOf('https://h.example/a?next=/b/c')).toEqual(['https://h.example/'])
  })
})

describe('collapseFiles: SPEC 4.2 item 5, example 1 at full scale', () => {
  // A site of 50,000 files: 3,000 assets, all changed, and 47,000 pages in 470 directories of
  // which 9,000 changed, scattered so that every page directory is mostly unchanged.
  const assets = Array.from(
    { length: 3000 },
    (_, i) => `${HOST}/assets/${['js', 'css', 'img'][i % 3]}/f${i}.bin`
  )
  const pages: string[] = []
  const changedPages: string[] = []
  for (let d = 0; d < 470; d++) {
    for (let p = 0; p < 100; p++) {
      const url = `${HOST}/blog/${2000 + (d % 20)}/s${d}/p${p}.html`
      pages.push(url)
      if (changedPages.length < 9000 && p < 20) changedPages.push(url)
    }
  }
  const input: CollapseInput = {
    files: [...assets, ...changedPages],
    givenDirectories: [],
    known: [...assets, ...pages],
    budgets: budgets(10_000, 100)
  }

  it('refreshes assets/ as one directory and keeps the 9,000 pages as URLs', () => {
    const result = collapseFiles(input)!
    expect(result.directories).toEqual([
      { url: `${HOST}/assets/`, replaced: 3000, collateral: 0, given: false }
    ])
    expect(result.files).toEqual(changedPages)
  })

  it('chooses the same whatever the order of the URLs', () => {
    const again = collapseFiles({
      ...input,
      files: shuffled(input.files),
      known: shuffled(input.known as string[])
    })!
    expect(again.directories).toEqual(collapseFiles(input)!.directories)
    expect([...again.files].sort()).toEqual([...changedPages].sort())
  })
})

describe('collapseFiles: SPEC 4.2 item 5, example 2 at full scale', () => {
  // 50,000 changed files spread evenly over 20 sections.
  const files = Array.from(
    { length: 50_000 },
    (_, i) => `${HOST}/section-${String(i % 20).padStart(2, '0')}/page-${i}.html`
  )

  it.each([
    ['known', files],
    ['nothing known', undefined]
  ])('with the tree %s: at most 20 section directories, never the host root', (_, known) => {
    const result = collapseFiles({
      files,
      givenDirectories: [],
      known,
      budgets: budgets(10_000, 100)
    })!
    expect(result.directories.length).toBeGreaterThan(0)
    expect(result.directories.length).toBeLessThanOrEqual(20)
    for (const d of result.directories)
      expect(d.url).toMatch(/^https:\/\/www\.example\.com\/section-\d\d\/$/)
    expect(result.files.length).toBeLessThanOrEqual(10_000)
    const covered = result.directories.reduce((n, d) => n + d.replaced, 0)
    expect(covered + result.files.length).toBe(50_000)
  })
})

describe('collapseFiles: choices', () => {
  it('takes the directory with the least collateral, even when it covers fewer URLs', () => {
    // a/ holds 4 changed and 100 unchanged; b/ holds 3 changed and nothing else.
    const files = [
      ...['1', '2', '3', '4'].map((n) => `${HOST}/a/${n}.html`),
      ...['1', '2', '3'].map((n) => `${HOST}/b/${n}.html`)
    ]
    const known = [...files, ...Array.from({ length: 100 }, (_, i) => `${HOST}/a/old${i}.html`)]
    const result = collapseFiles({ files, givenDirectories: [], known, budgets: budgets(4, 10) })!
    expect(result.directories.map((d) => d.url)).toEqual([`${HOST}/b/`])
    expect(result.files).toEqual(files.slice(0, 4))
  })

  it('within a budget of one directory, finds the one that suffices', () => {
    const files = [`${HOST}/x/a/1`, `${HOST}/x/a/2`, `${HOST}/x/b/1`, `${HOST}/y/1`]
    const result = collapseFiles({
      files,
      givenDirectories: [],
      known: files,
      budgets: budgets(1, 1)
    })!
    expect(result.directories.map((d) => d.url)).toEqual([`${HOST}/x/`])
    expect(result.files).toEqual([`${HOST}/y/1`])
  })

  it('with nothing known, prefers the deepest directory that suffices over a wider one', () => {
    const files = [
      ...Array.from({ length: 50 }, (_, i) => `${HOST}/docs/v2/api/p${i}.html`),
      `${HOST}/docs/v1/old.html`,
      `${HOST}/index.html`
    ]
    const result = collapseFiles({ files, givenDirectories: [], budgets: budgets(10, 5) })!
    expect(result.directories.map((d) => d.url)).toEqual([`${HOST}/docs/v2/api/`])
    expect(result.files).toEqual([`${HOST}/docs/v1/old.html`, `${HOST}/index.html`])
  })

  it('uses the host root only when nothing deeper would do', () => {
    const files = [`${HOST}/a.html`, `${HOST}/b.html`, `${HOST}/c/d.html`]
    const result = collapseFiles({ files, givenDirectories: [], budgets: budgets(1, 1) })!
    expect(result.directories.map((d) => d.url)).toEqual([`${HOST}/`])
    expect(result.files).toEqual([])
  })

  it('lets a chosen directory cover a given one below it, which drops out', () => {
    const files = [`${HOST}/a/1`, `${HOST}/a/2`, `${HOST}/a/b/3`]
    const result = collapseFiles({
      files,
      givenDirectories: [`${HOST}/a/b/`],
      known: files,
      budgets: budgets(0, 1)
    })!
    expect(result.directories.map((d) => d.url)).toEqual([`${HOST}/a/`])
    expect(result.files).toEqual([])
  })

  it('keeps to max-objects across URLs and directories together', () => {
    const files = Array.from({ length: 30 }, (_, i) => `${HOST}/d${i % 3}/f${i}`)
    const result = collapseFiles({
      files,
      givenDirectories: [],
      known: files,
      budgets: budgets(100, 100, 12)
    })!
    expect(result.files.length + result.directories.length).toBeLessThanOrEqual(12)
  })

  it('keeps hosts apart: a directory never spans two hosts', () => {
    const files = [`https://a.example/x/1`, `https://a.example/x/2`, `https://b.example/x/1`]
    const result = collapseFiles({ files, givenDirectories: [], budgets: budgets(1, 1) })!
    expect(result.directories.map((d) => d.url)).toEqual(['https://a.example/x/'])
    expect(result.files).toEqual(['https://b.example/x/1'])
  })

  it('answers undefined when no choice fits', () => {
    const files = [`https://a.example/1`, `https://b.example/1`, `https://c.example/1`]
    expect(collapseFiles({ files, givenDirectories: [], budgets: budgets(0, 2) })).toBeUndefined()
  })

  it('breaks ties between equal directories by URL, not by input order', () => {
    const files = [`${HOST}/b/1`, `${HOST}/b/2`, `${HOST}/a/1`, `${HOST}/a/2`]
    const one = collapseFiles({
      files,
      givenDirectories: [],
      known: files,
      budgets: budgets(2, 1)
    })!
    const two = collapseFiles({
      files: [...files].reverse(),
      givenDirectories: [],
      known: files,
      budgets: budgets(2, 1)
    })!
    expect(one.directories).toEqual(two.directories)
    expect(one.directories.map((d) => d.url)).toEqual([`${HOST}/a/`])
  })
})

describe('collapseFiles: what every choice keeps', () => {
  // Small random sites, seeded: whatever the choice, no given directory and no changed URL is
  // lost, and every budget holds. A given directory that a wider choice had absorbed was once
  // dropped when that choice was narrowed again.
  const dirs = ['/', '/a/', '/a/p/', '/a/q/', '/a/p/z/', '/a/q/y/', '/b/', '/b/x/', '/b/y/']
  let seed = 11
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % n
  }
  const hosts = ['https://h.example', 'https://g.example']
  const pick = () => `${hosts[rnd(2)]}${dirs[rnd(dirs.length)]}`

  it('keeps every given directory and every changed URL covered, within every budget', () => {
    let checked = 0
    for (let trial = 0; trial < 1500; trial++) {
      const files = Array.from({ length: 1 + rnd(14) }, (_, i) => `${pick()}f${i}`)
      const unchanged = Array.from({ length: rnd(16) }, (_, i) => `${pick()}k${i}`)
      const given = [...new Set(Array.from({ length: rnd(3) }, pick))]
      const limits = budgets(
        rnd(files.length),
        1 + rnd(4),
        rnd(3) === 0 ? 1 + rnd(files.length + 3) : Infinity
      )
      const result = collapseFiles({
        files,
        givenDirectories: given,
        known: rnd(2) === 0 ? [...files, ...unchanged] : undefined,
        budgets: limits
      })
      if (!result) continue
      checked++
      const urls = result.directories.map((d) => d.url)
      const covered = (url: string) => urls.some((d) => url.startsWith(d))
      for (const g of given) expect(covered(g)).toBe(true)
      for (const f of files) expect(covered(f) || result.files.includes(f)).toBe(true)
      for (const f of result.files) expect(covered(f)).toBe(false)
      expect(result.files.length).toBeLessThanOrEqual(limits.urls)
      expect(result.directories.length).toBeLessThanOrEqual(limits.directories)
      expect(result.files.length + result.directories.length).toBeLessThanOrEqual(limits.objects)
      for (const d of result.directories)
        expect(d.replaced).toBe(files.filter((f) => f.startsWith(d.url)).length)
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it('keeps a given directory that a wider directory had to absorb', () => {
    // One directory in all: /a/ must stand for both the given /a/p/z/ and the changed /a/q/f0.
    const files = [`${HOST}/a/q/f0`]
    const result = collapseFiles({
      files,
      givenDirectories: [`${HOST}/a/p/z/`],
      known: [...files, `${HOST}/a/p/k2`, `${HOST}/k0`, `${HOST}/b/x/k4`],
      budgets: budgets(0, 1)
    })
    expect(result).toEqual({
      files: [],
      directories: [{ url: `${HOST}/a/`, replaced: 1, collateral: 1, given: false }]
    })
  })
})

describe('collapseFiles: exact choices', () => {
  it('merges given directories when they alone are over the directory budget', () => {
    const result = collapseFiles({
      files: [`${HOST}/a/p/1`],
      givenDirectories: [`${HOST}/a/p/`, `${HOST}/a/q/`],
      known: [`${HOST}/a/p/1`, `${HOST}/a/r/old`, `${HOST}/b/old`],
      budgets: budgets(10, 1)
    })
    expect(result).toEqual({
      files: [],
      directories: [{ url: `${HOST}/a/`, replaced: 1, collateral: 1, given: false }]
    })
  })

  it('lets the outermost of nested given directories stand for the others', () => {
    const result = collapseFiles({
      files: [`${HOST}/a/b/1`, `${HOST}/c/1`, `${HOST}/c/2`],
      givenDirectories: [`${HOST}/a/b/`, `${HOST}/a/`],
      budgets: budgets(0, 2)
    })
    expect(result).toEqual({
      files: [],
      directories: [
        { url: `${HOST}/a/`, replaced: 1, collateral: 0, given: true },
        { url: `${HOST}/c/`, replaced: 2, collateral: 0, given: false }
      ]
    })
  })

  it('counts a given directory without a trailing slash against the budget, and keeps it', () => {
    const files = [`${HOST}/a/1`, `${HOST}/a/2`, `${HOST}/b/1`]
    const result = collapseFiles({
      files,
      givenDirectories: [`${HOST}/docs`],
      known: files,
      budgets: budgets(1, 2)
    })
    expect(result).toEqual({
      files: [`${HOST}/b/1`],
      directories: [
        { url: `${HOST}/a/`, replaced: 2, collateral: 0, given: false },
        { url: `${HOST}/docs`, replaced: 0, collateral: 0, given: true }
      ]
    })
    // With one directory in all, the given one leaves no room: nothing fits.
    expect(
      collapseFiles({
        files,
        givenDirectories: [`${HOST}/docs`],
        known: files,
        budgets: budgets(1, 1)
      })
    ).toBeUndefined()
  })

  it('leaves a changed path that is not a URL as it is', () => {
    const result = collapseFiles({
      files: ['not a url', `${HOST}/a/1`, `${HOST}/a/2`],
      givenDirectories: [],
      budgets: budgets(1, 1)
    })
    expect(result).toEqual({
      files: ['not a url'],
      directories: [{ url: `${HOST}/a/`, replaced: 2, collateral: 0, given: false }]
    })
  })

  it('lists the directories by URL, whatever order they were chosen in', () => {
    const files = [
      ...['1', '2', '3'].map((n) => `${HOST}/z/${n}`),
      ...['1', '2'].map((n) => `${HOST}/m/${n}`),
      `${HOST}/a/1`,
      `${HOST}/a/2`
    ]
    const result = collapseFiles({
      files,
      givenDirectories: [],
      known: files,
      budgets: budgets(0, 3)
    })!
    expect(result.directories.map((d) => d.url)).toEqual([`${HOST}/a/`, `${HOST}/m/`, `${HOST}/z/`])
  })

  it('fills max-objects exactly: URLs and directories together may reach it', () => {
    const files = [`${HOST}/a/1`, `${HOST}/a/2`, `${HOST}/b/1`, `${HOST}/c/1`]
    const result = collapseFiles({
      files,
      givenDirectories: [],
      known: files,
      budgets: budgets(10, 10, 3)
    })!
    expect(result).toEqual({
      files: [`${HOST}/b/1`, `${HOST}/c/1`],
      directories: [{ url: `${HOST}/a/`, replaced: 2, collateral: 0, given: false }]
    })
    // One object fewer: only the host root takes in all of them.
    expect(
      collapseFiles({ files, givenDirectories: [], known: files, budgets: budgets(10, 10, 2) })
    ).toEqual({
      files: [],
      directories: [{ url: `${HOST}/`, replaced: 4, collateral: 0, given: false }]
    })
  })

  it('at an equal cost per URL, prefers a directory that is not the host root', () => {
    // Nothing known: no collateral anywhere. The root covers all three; /a/ covers two, enough.
    const files = [`${HOST}/a/1`, `${HOST}/a/2`, `${HOST}/b/1`]
    const result = collapseFiles({ files, givenDirectories: [], budgets: budgets(1, 1) })!
    expect(result.directories.map((d) => d.url)).toEqual([`${HOST}/a/`])
  })

  it('at an equal cost, prefers the directory that covers more of what is needed', () => {
    const files = [`${HOST}/a/1`, `${HOST}/a/2`, `${HOST}/a/3`, `${HOST}/b/1`, `${HOST}/b/2`]
    const result = collapseFiles({
      files,
      givenDirectories: [],
      known: files,
      budgets: budgets(2, 1)
    })!
    expect(result.directories.map((d) => d.url)).toEqual([`${HOST}/a/`])
    expect(result.files).toEqual([`${HOST}/b/1`, `${HOST}/b/2`])
  })

  it('weighs collateral per URL covered: 2 unchanged for 4 URLs beats 1 for 1', () => {
    const files = [
      ...['1', '2', '3', '4'].map((n) => `${HOST}/a/${n}`),
      `${HOST}/b/1`,
      `${HOST}/c/1`
    ]
    const known = [...files, `${HOST}/a/old1`, `${HOST}/a/old2`, `${HOST}/b/old`]
    const result = collapseFiles({ files, givenDirectories: [], known, budgets: budgets(2, 1) })!
    expect(result.directories).toEqual([
      { url: `${HOST}/a/`, replaced: 4, collateral: 2, given: false }
    ])
  })

  it('compares cost per URL both ways: 1 unchanged for 4 URLs beats 2 for 2, in any order', () => {
    const x = ['1', '2', '3', '4'].map((n) => `${HOST}/x/${n}`)
    const y = ['1', '2'].map((n) => `${HOST}/y/${n}`)
    const known = [...x, ...y, `${HOST}/x/old`, `${HOST}/y/old1`, `${HOST}/y/old2`]
    for (const files of [
      [...x, ...y],
      [...y, ...x]
    ]) {
      const result = collapseFiles({ files, givenDirectories: [], known, budgets: budgets(2, 2) })!
      expect(result.directories).toEqual([
        { url: `${HOST}/x/`, replaced: 4, collateral: 1, given: false }
      ])
      expect(result.files).toEqual(y)
    }
  })

  it('at an equal cost and cover, takes the deeper directory, then the first by URL, in any order', () => {
    const deep = [`${HOST}/a/b/1`, `${HOST}/a/b/2`]
    const d = [`${HOST}/d/1`, `${HOST}/d/2`]
    const c = [`${HOST}/c/1`, `${HOST}/c/2`]
    const chosen = (files: string[]) =>
      collapseFiles({
        files,
        givenDirectories: [],
        budgets: budgets(files.length - 2, 1)
      })!.directories.map((dir) => dir.url)
    expect(chosen([...deep, ...c])).toEqual([`${HOST}/a/b/`])
    expect(chosen([...c, ...deep])).toEqual([`${HOST}/a/b/`])
    expect(chosen([...d, ...c])).toEqual([`${HOST}/c/`])
    expect(chosen([...c, ...d])).toEqual([`${HOST}/c/`])
  })

  it('counts collateral for known URLs with a query, in the directory of their path', () => {
    const files = [`${HOST}/a/1`, `${HOST}/b/1`]
    const known = [...files, `${HOST}/a/x?next=/b/c/d`, `${HOST}/b/y?z=1`, `${HOST}/b/w`, `${HOST}`]
    const result = collapseFiles({ files, givenDirectories: [], known, budgets: budgets(1, 1) })!
    expect(result.directories).toEqual([
      { url: `${HOST}/a/`, replaced: 1, collateral: 1, given: false }
    ])
  })
})
