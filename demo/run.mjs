// The demo: builds a small sample site repository with two commits, starts the fake DCDN on
// loopback, and runs dist/index.js as the GitHub runner would for a push, with demo credentials
// that exist only inside the fake. Then prints the step outputs and the job summary.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFakeDcdn } from '../__tests__/fakes/dcdn-server.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const work = mkdtempSync(join(tmpdir(), 'dcdn-demo-'))
const repo = join(work, 'site')
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim()

// A repository with a first deploy, then a second commit that edits, adds, renames and deletes.
cpSync(join(here, 'site'), repo, { recursive: true })
execFileSync('git', ['init', '-q', '-b', 'main', repo])
git('config', 'user.email', 'demo@example.com')
git('config', 'user.name', 'Demo')
git('add', '-A')
git('commit', '-qm', 'First deploy')
const before = git('rev-parse', 'HEAD')
writeFileSync(join(repo, 'public/index.html'), '<h1>Welcome back</h1>\n')
writeFileSync(join(repo, 'public/blog/hello world.html'), '<p>Hello again</p>\n')
writeFileSync(join(repo, 'public/blog/new post.html'), '<p>New</p>\n')
git('mv', 'public/css/site.css', 'public/css/site.v2.css')
git('rm', '-q', 'public/old.html')
git('add', '-A')
git('commit', '-qm', 'Second deploy')
const after = git('rev-parse', 'HEAD')

const dcdn = await startFakeDcdn({ keys: { LTAIdemoKeyId: { secret: 'demo-secret-not-real' } } })
const outputFile = join(work, 'output')
const summaryFile = join(work, 'summary.html')
const eventFile = join(work, 'event.json')
writeFileSync(outputFile, '')
writeFileSync(summaryFile, '')
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

const rules = readFileSync(join(here, 'rules.txt'), 'utf8')
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME ?? work,
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: eventFile,
  GITHUB_WORKSPACE: repo,
  GITHUB_OUTPUT: outputFile,
  GITHUB_STEP_SUMMARY: summaryFile,
  GITHUB_REPOSITORY: 'demo/site',
  GITHUB_RUN_ID: '1',
  INPUT_RULES: rules,
  INPUT_ENDPOINT: dcdn.url,
  'INPUT_ACCESS-KEY-ID': 'LTAIdemoKeyId',
  'INPUT_ACCESS-KEY-SECRET': 'demo-secret-not-real',
  INPUT_WAIT: 'true',
  'INPUT_WAIT-TIMEOUT': '60'
}
console.log(
  `Fake DCDN on ${dcdn.url}; push ${before.slice(0, 7)}..${after.slice(0, 7)} of a sample site.\n`
)
// Spawned, not spawnSync: the fake DCDN answers from this process's event loop.
const child = spawn(process.execPath, [join(root, 'dist/index.js')], {
  env,
  stdio: ['ignore', 'inherit', 'inherit']
})
const status = await new Promise((done) => child.on('close', done))
console.log('\n--- step outputs ---')
console.log(
  readFileSync(outputFile, 'utf8').replace(
    /^(.+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm,
    '$1=$3'
  )
)
console.log('--- job summary (HTML) ---')
console.log(readFileSync(summaryFile, 'utf8'))
console.log(
  `--- the fake DCDN accepted ${dcdn.state.accepted.length} objects in ${dcdn.refreshCalls().filter((c) => c.status === 200).length} signed requests ---`
)
await dcdn.close()
rmSync(work, { recursive: true, force: true })
process.exit(status ?? 1)
