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
