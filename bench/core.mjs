// The core and its edges at scale, in-process: planning a 100,000-file push, the pacing a real run
// follows for 10 hosts against its ideal, collapsing 100,000 URLs in a tree of 500,000, hashing
// and diffing 100,000 files, and verifying 1,000 URLs at a fake edge. Run by bench/run.mjs on the
// TypeScript sources compiled to a temporary folder; each figure is measured in a child process of
// its own, for a clean peak RSS, and each checks the counts its label gives.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [compiled, task, scratch] = process.argv.slice(2)
const load = (path) => import(join(compiled, 'src', path))
/** A figure is only worth printing if it measured what its label says. */
function check(condition, what) {
  if (!condition) throw new Error(`the bench did not measure what it says: ${what}`)
}
const LIMITS = {
  maxUrlsPerRequest: 1000,
  urlRatePerDomain: 10000,
  directoriesPerRequest: 100,
  regexesPerRequest: 1,
  hostsPerRequest: 10,
  tagCharsPerRequest: 16384,
  tagsPerRequest: Infinity
}
const started = process.hrtime.bigint()
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6
const n = (x) => x.toLocaleString('en-US')
let result

if (task === 'plan') {
  const { parseRules } = await load('rules/parse.js')
  const { globCompiler } = await load('rules/glob.js')
  const { buildTargets } = await load('targets/build.js')
  const { planRefresh } = await load('plan/plan.js')
  const rules = parseRules(
    'site/** => https://www.example.com/{path}\nsite/**/index.html => https://www.example.com/{dir}\n!site/**/*.map',
    { globs: globCompiler, tags: { perHost: true, service: 'DCDN' } }
  )
  const paths = Array.from({ length: 100_000 }, (_, i) => `site/s${i % 200}/p${i}/index.html`)
  const built = buildTargets(paths, rules, { urls: [], tags: [] })
  const plan = await planRefresh(built.targets, built.tags, {
    limits: LIMITS,
    maxObjects: 200_000,
    collapse: 'auto',
    preload: false,
    service: 'DCDN'
  })
  check(built.targets.length === 200_000 && plan.targets.length === 200_000, '200,000 URLs')
  check(plan.collapse === undefined && plan.batches.length === 200, '200 batches, no collapsing')
  result = `${n(built.targets.length)} URLs planned by planRefresh in ${plan.batches.length} batches`
}

if (task === 'span') {
  const { planBatches } = await load('plan/batches.js')
  const { scheduleBatches } = await load('submit/schedule.js')
  const { SERVICE_LIMITS } = await load('services/limits.js')
  // 10 hosts, 102,500 URLs: one host holds 12,500, the others 10,000 each.
  const targets = []
  for (let h = 0; h < 10; h++)
    for (let i = 0; i < (h === 0 ? 12_500 : 10_000); i++)
      targets.push({ type: 'File', url: `https://h${h}.example.com/${i}` })
  const rate = 1000
  const batches = planBatches(targets, [], { ...LIMITS, urlRatePerDomain: rate })
  // The real run's sender, call gate and pacer, on a virtual clock, against a service that
  // answers at once: when each batch would leave.
  const times = await scheduleBatches(batches, SERVICE_LIMITS.dcdn, {
    callsPerSecond: 30,
    urlRatePerDomain: rate,
    preloadCallsPerSecond: 15
  })
  check(targets.length === 102_500 && times.length === batches.length, '102,500 URLs, every batch')
  const ideal = Math.max(...[12_500, ...Array(9).fill(10_000)].map((n) => Math.ceil(n / rate) - 1))
  result = `span ${(Math.max(...times) / 60_000).toFixed(1)} min, ideal ${ideal} min (${batches.length} batches)`
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
  check(files.length === 100_000 && known.length === 500_000, '100,000 changed in 500,000 known')
  check(!out || (out.files.length <= 10_000 && out.directories.length <= 100), 'within the budgets')
  const collateral = out ? out.directories.reduce((n, d) => n + d.collateral, 0) : 0
  result = out
    ? `${n(files.length)} changed in ${n(known.length)} known: ${out.directories.length} directories (${n(collateral)} unchanged URLs below them), ${n(out.files.length)} URLs left, decided in ${n(Math.round(ms))} ms`
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
  check(second.size === 100_000 && diff.modified.length === 100, '100,000 files, 100 modified')
  result = `${n(second.size)} files hashed twice and diffed in ${n(Math.round(ms))} ms (${n(Math.round(ms / 2))} ms a pass; ${diff.modified.length} modified), files written in ${n(Math.round(made))} ms`
}

if (task === 'verify') {
  const { createEdgeClient } = await load('verify/fetch.js')
  const { judge } = await load('verify/verdict.js')
  const { startFakeEdge } = await import(new URL('../__tests__/fakes/edge.mjs', import.meta.url))
  // An edge that answers every request 50 ms later, reached through HTTP_PROXY as on a runner.
  const edge = await startFakeEdge({ delayMs: 50 })
  const urls = Array.from({ length: 1000 }, (_, i) => `http://h${i % 10}.example.com/p${i}.html`)
  const { createHash } = await import('node:crypto')
  const body = '<p>page</p>\n'.repeat(200)
  const hash = createHash('sha256').update(body).digest('hex')
  for (const url of urls) edge.origin.deploy(url, body)
  const clock = { now: () => Date.now(), sleep: async () => {} }
  const client = createEdgeClient({ HTTP_PROXY: edge.url }, clock)
  const t = process.hrtime.bigint()
  const answers = await client.fetchAll(urls.map((url) => ({ url, readBody: true })))
  const checks = answers.map((a, i) =>
    judge({ url: urls[i], removed: false, refreshedAt: 0, newHash: hash }, a)
  )
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  await client.close()
  await edge.close()
  check(checks.filter((c) => c.verdict === 'fresh').length === 1000, '1,000 URLs judged fresh')
  check(edge.maxInFlight() === 8, 'at most 8 in flight')
  result = `1,000 URLs fetched, hashed and judged in ${n(Math.round(ms))} ms (${edge.maxInFlight()} in flight at most)`
}

const rss = process.resourceUsage().maxRSS / 1024
console.log(`${result}; ${n(Math.round(elapsed()))} ms in all, ${rss.toFixed(0)} MB peak RSS`)
