// The shape the code is held to, read from the import graph of src/: a pure core, edges behind
// connections built in one place, libraries that only some runs need loaded with import(), one
// writer of the report, no import cycle.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { ROOT } from './e2e/harness.js'

const SRC = join(ROOT, 'src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

interface Import {
  from: string
  to: string
  dynamic: boolean
}

const files = sources(SRC).map((path) => relative(SRC, path))
const text = new Map(files.map((file) => [file, readFileSync(join(SRC, file), 'utf8')]))

function importsOf(file: string): Import[] {
  const source = text.get(file)!
  const found: Import[] = []
  for (const match of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm))
    found.push({ from: file, to: match[1], dynamic: false })
  for (const match of source.matchAll(/(?<!typeof )\bimport\(\s*'([^']+)'\s*\)/g))
    found.push({ from: file, to: match[1], dynamic: true })
  return found.map((i) =>
    i.to.startsWith('.')
      ? { ...i, to: relative(SRC, resolve(SRC, dirname(file), i.to)).replace(/\.js$/, '.ts') }
      : i
  )
}

const graph = new Map(files.map((file) => [file, importsOf(file)]))
const under = (folders: string[]) => (file: string) =>
  folders.some((f) => file === `${f}.ts` || file.startsWith(`${f}/`))

describe('import boundaries', () => {
  // The pure core: rules, targets, planning, collapsing, pacing and the verdicts at the edge.
  const core = under([
    'rules',
    'targets',
    'plan',
    'verify/verdict',
    'verify/sample',
    'verify/model',
    'util/text',
    'util/errors',
    'util/bytes'
  ])
  const api = under(['api', 'services'])

  it('keeps the pure core free of I/O, @actions/* and the stages around it', () => {
    const leaks = [...graph.values()]
      .flat()
      .filter((i) => core(i.from))
      .filter(
        (i) =>
          /^(@actions\/|undici$|node:(fs|http|https|net|child_process|diagnostics_channel)(\/|$))/.test(
            i.to
          ) ||
          under([
            'api',
            'services',
            'changes',
            'credentials',
            'submit',
            'report',
            'cache',
            'runner',
            'wiring',
            'verify/fetch',
            'verify/stage'
          ])(i.to)
      )
    expect(leaks).toEqual([])
  })

  it('loads what only some runs need with import(), never at start-up', () => {
    // Every module the entry point reaches through static imports alone.
    const loaded = new Set<string>()
    const visit = (file: string) => {
      if (loaded.has(file)) return
      loaded.add(file)
      for (const i of graph.get(file) ?? []) if (!i.dynamic && graph.has(i.to)) visit(i.to)
    }
    visit('index.ts')
    const later = [
      'rules/glob.ts',
      'verify/stage.ts',
      'verify/fetch.ts',
      'submit/schedule.ts',
      'wiring/alibaba.ts',
      'wiring/github.ts',
      'cache/manifest-store.ts',
      'changes/manifest.ts',
      'api/transport.ts',
      'api/client.ts'
    ]
    expect(later.filter((f) => loaded.has(f))).toEqual([])
    const external = [...loaded].flatMap((f) =>
      graph
        .get(f)!
        .filter((i) => !i.dynamic && !i.to.startsWith('.') && !graph.has(i.to))
        .map((i) => i.to)
    )
    expect(new Set(external.filter((m) => !m.startsWith('node:')))).toEqual(new Set())
  })

  it('keeps the API layer away from rules and changes, and changes away from the API layer', () => {
    const wrong = [...graph.values()]
      .flat()
      .filter(
        (i) =>
          (api(i.from) && under(['rules', 'changes'])(i.to)) ||
          (under(['changes'])(i.from) && api(i.to))
      )
    expect(wrong).toEqual([])
  })

  it('loads @actions/github and @actions/cache only with a dynamic import()', () => {
    const eager = [...graph.values()]
      .flat()
      .filter((i) => /^@actions\/(github|cache)$/.test(i.to) && !i.dynamic)
    expect(eager).toEqual([])
    const lazy = [...graph.values()]
      .flat()
      .filter((i) => i.dynamic)
      .map((i) => i.to)
    expect(lazy).toEqual(expect.arrayContaining(['@actions/github', '@actions/cache']))
  })

  it('writes the outputs and the summary in exactly one module', () => {
    const writers = files.filter((f) =>
      /setOutput\(|core\.summary|append\w*\((sink\.)?(outputPath|summaryPath)/.test(text.get(f)!)
    )
    expect(writers).toEqual(['report/write.ts'])
  })

  it('reads process.env only in main.ts', () => {
    expect(files.filter((f) => /process\.env/.test(text.get(f)!))).toEqual(['main.ts'])
  })

  it('has no import cycle', () => {
    const cycles: string[][] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file])
        return
      }
      state.set(file, 'open')
      for (const i of graph.get(file) ?? []) if (graph.has(i.to)) visit(i.to, [...path, file])
      state.set(file, 'done')
    }
    for (const file of files) visit(file, [])
    expect(cycles).toEqual([])
  })
})
