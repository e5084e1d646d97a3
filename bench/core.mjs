// The pure core and the manifest at scale, in-process: planning a 100,000-file push, the pacing
// schedule of 10 hosts against its ideal, collapsing 100,000 URLs in a tree of 500,000, and
// hashing and diffing 100,000 files. Run by bench/run.mjs on the TypeScript sources compiled to
// a temporary folder; each figure is measured in a child process of its own, for a clean peak RSS.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [compiled, task, scratch] = process.argv.slice(2)
const load = (path) => import(join(compiled, 'src', path))
const started = process.hrtime.bigint()
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6
let result

if (task === 'plan') {
  const { parseRules } = await load('rules/parse.js')
  const { buildTargets } = await load('targets/build.js')
  const { planBatches } = await load('plan/batches.js')
  const { scheduleBatches } = await load('plan/pacing.js')
  const rules = parseRules(
    'site/** => https://www.example.com/{path}\nsite/**/index.html => https://www.example.com/{dir}\n!site/**/*.map'
  )
  const paths = Array.from({ length: 100_000 }, (_, i) => `site/s${i % 200}/p${i}/index.html`)
  const built = buildTargets(paths, rules, [])
  const limits = {
    maxUrlsPerRequest: 1000,
    urlRatePerDomain: 10000,
    directoriesPerRequest: 100,
    regexesPerRequest: 1,
    hostsPerRequest: 10
  }
  const batches = planBatches(built.targets, limits)
  scheduleBatches(batches, 0, { urlRatePerDomain: 10000, callsPerSecond: 30 })
  result = `${built.targets.length} URLs in ${batches.length} batches`
}

if (task === 'span') {
  const { planBatches } = await load('plan/batches.js')
  const { scheduleBatches } = await load('plan/pacing.js')
  // 10 hosts, 102,500 URLs: one host holds 12,500, the others 10,000 each.
  const targets = []
  for (let h = 0; h < 10; h++)
    for (let i = 0; i < (h === 0 ? 12_500 : 10_000); i++)
      targets.push({ type: 'File', url: `https://h${h}.example.com/${i}` })
  const rate = 1000
  const batches = planBatches(targets, {
    maxUrlsPerRequest: 1000,
    urlRatePerDomain: rate,
    directoriesPerRequest: 100,
    regexesPerRequest: 1,
    hostsPerRequest: 10
  })
  const times = scheduleBatches(batches, 0, { urlRatePerDomain: rate, callsPerSecond: 30 })
  const ideal = Math.max(...[12_500, ...Array(9).fill(10_000)].map((n) => Math.ceil(n / rate) - 1))
  result = `scheduled span ${(Math.max(...times) / 60_000).toFixed(1)} min, ideal ${ideal} min (${batches.length} batches)`
}

if (task === 'collapse') {
  const { collapseFiles } = await load('plan/collapse.js')
  // A site of 500,000 pages: 10 areas of 50 sections of 1,000 pages in 50 folders.
  const known = []
  for (let a = 0; a < 10; a++)
    for (let s = 0; s < 50; s++)
      for (let p = 0; p < 1000; p++)
        known.push(`https://www.example.com/a${a}/s${s}/d${p % 50}/p${p}.html`)
  // 100,000 changed: every page of 60 sections, and 40,000 more scattered over the rest.
  const files = known.filter((_, i) => i < 60_000 || i % 11 === 0).slice(0, 100_000)
  const t = process.hrtime.bigint()
  const out = collapseFiles({
    files,
    givenDirectories: [],
    known,
    budgets: { urls: 10_000, directories: 100, objects: 10_000 }
  })
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  const collateral = out ? out.directories.reduce((n, d) => n + d.collateral, 0) : 0
  result = out
    ? `${files.length} changed in ${known.length} known: ${out.directories.length} directories (${collateral} unchanged URLs below them), ${out.files.length} URLs left, decided in ${ms.toFixed(0)} ms`
    : 'no choice fits'
}

if (task === 'hash') {
  const { hashTree, diffManifests } = await load('changes/manifest.js')
  const root = join(scratch, 'public')
  for (let d = 0; d < 1000; d++) {
    mkdirSync(join(root, `d${d}`), { recursive: true })
    for (let f = 0; f < 100; f++)
      writeFileSync(join(root, `d${d}`, `f${f}.html`), `<p>page ${d}/${f}</p>\n`.repeat(20))
  }
  const made = elapsed()
  const t = process.hrtime.bigint()
  const first = await hashTree(scratch, 'public')
  for (let d = 0; d < 1000; d += 10) writeFileSync(join(root, `d${d}`, 'f0.html'), 'changed')
  const second = await hashTree(scratch, 'public')
  const diff = diffManifests(first, second)
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  result = `${second.size} files hashed twice and diffed in ${ms.toFixed(0)} ms (${(ms / 2).toFixed(0)} ms a pass; ${diff.modified.length} modified), files written in ${made.toFixed(0)} ms`
}

const rss = process.resourceUsage().maxRSS / 1024
console.log(`${result}; ${elapsed().toFixed(0)} ms in all, ${rss.toFixed(0)} MB peak RSS`)
