// npm run demo: the action as a person sees it, against fake services on loopback, with demo
// credentials that exist only inside the fakes. Two stories:
//   1. a push to a site whose repository holds the served files: the changed files refreshed;
//   2. a built site deployed twice with output-dir: the second deploy refreshes only the built
//      files whose bytes changed, compared with the manifest the first one kept in the cache.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFakeCache } from '../__tests__/fakes/actions-cache.mjs'
import { startFakeDcdn } from '../__tests__/fakes/dcdn-server.mjs'
import { renderLog, renderOutputs, renderSummary } from './render.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const work = mkdtempSync(join(tmpdir(), 'edge-refresh-demo-'))
const KEY = { id: 'LTAIdemoKeyId', secret: 'demo-secret-not-real' }
const dcdn = await startFakeDcdn({ keys: { [KEY.id]: { secret: KEY.secret } } })
const cache = await startFakeCache()
const rules = readFileSync(join(here, 'rules.txt'), 'utf8')

const heading = (text) => console.log(`\n${'━'.repeat(78)}\n${text}\n${'━'.repeat(78)}`)

/** Runs dist/index.js as the runner would, then shows the log, the outputs and the summary. */
async function step(title, { workspace, event = {}, eventName = 'push', inputs, env = {} }) {
  const files = {
    output: join(work, 'output'),
    summary: join(work, 'summary'),
    event: join(work, 'event.json')
  }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  writeFileSync(files.event, JSON.stringify(event))
  const runEnv = {
    PATH: process.env.PATH,
    HOME: work,
    RUNNER_TEMP: work,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'demo/site',
    'INPUT_ACCESS-KEY-ID': KEY.id,
    'INPUT_ACCESS-KEY-SECRET': KEY.secret,
    INPUT_ENDPOINT: dcdn.url,
    ...env
  }
  for (const [name, value] of Object.entries(inputs)) runEnv[`INPUT_${name.toUpperCase()}`] = value
  const accepted = dcdn.state.accepted.length
  // Spawned, not spawnSync: the fakes answer from this process's event loop.
  const child = spawn(process.execPath, [join(root, 'dist/index.js')], {
    cwd: workspace,
    env: runEnv,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let stdout = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  const code = await new Promise((done) => child.on('close', done))
  heading(title)
  console.log(`\nThe step's log (exit code ${code}):\n`)
  console.log(renderLog(stdout).replace(/^/gm, '  '))
  console.log('\nThe step outputs:\n')
  console.log(renderOutputs(readFileSync(files.output, 'utf8')).replace(/^/gm, '  '))
  console.log('\nThe job summary:')
  console.log(renderSummary(readFileSync(files.summary, 'utf8')).replace(/^/gm, '  '))
  console.log(
    `\n(The fake DCDN accepted ${dcdn.state.accepted.length - accepted} objects in this run.)`
  )
  return code
}

// Story 1: a push that edits, adds, renames and deletes files of a served repository.
const repo = join(work, 'site')
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim()
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
const codes = []
codes.push(
  await step(`1. A push: ${before.slice(0, 7)}..${after.slice(0, 7)}, refreshed and waited for`, {
    workspace: repo,
    event: { ref: 'refs/heads/main', before, after, created: false, deleted: false, forced: false },
    inputs: { rules, wait: 'true', 'wait-timeout': '60' }
  })
)

// Story 2: a built site, deployed twice; the cache keeps the manifest between the deploys.
const built = join(work, 'built')
const write = (files) => {
  for (const [path, content] of Object.entries(files)) {
    const full = join(built, 'public', path)
    if (content === null) rmSync(full, { force: true })
    else {
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, content)
    }
  }
}
write({
  'index.html': '<h1>Home</h1><a href="/posts/first/">First</a>',
  'posts/first/index.html': '<p>First post</p>',
  'tags/news/index.html': '<a href="/posts/first/">First</a>',
  'index.xml': '<rss><item>First</item></rss>',
  'assets/main.1a2b.css': 'body{}'
})
const builtInputs = { rules, 'output-dir': 'public' }
codes.push(
  await step('2a. A built site, first deploy: no manifest yet, so every built file', {
    workspace: built,
    inputs: builtInputs,
    env: { ...cache.env, GITHUB_RUN_ID: '101', GITHUB_RUN_NUMBER: '7', GITHUB_RUN_ATTEMPT: '1' }
  })
)
// A new post: the build rewrites the home page, the tag list and the feed, and renames the CSS.
write({
  'index.html': '<h1>Home</h1><a href="/posts/second/">Second</a><a href="/posts/first/">First</a>',
  'posts/second/index.html': '<p>Second post</p>',
  'tags/news/index.html': '<a href="/posts/second/">Second</a><a href="/posts/first/">First</a>',
  'index.xml': '<rss><item>Second</item><item>First</item></rss>',
  'assets/main.1a2b.css': null,
  'assets/main.3c4d.css': 'body{margin:0}'
})
codes.push(
  await step('2b. The same site, next deploy: only the built files whose bytes changed', {
    workspace: built,
    inputs: builtInputs,
    env: { ...cache.env, GITHUB_RUN_ID: '102', GITHUB_RUN_NUMBER: '8', GITHUB_RUN_ATTEMPT: '1' }
  })
)

console.log(`
Everything above ran against fakes on this machine: no request left it. On Alibaba Cloud a refresh
takes effect 5 to 6 minutes after it is submitted, so a real 'wait' polls for minutes where the
fake finished at once.`)
await dcdn.close()
await cache.close()
rmSync(work, { recursive: true, force: true })
process.exit(codes.every((c) => c === 0) ? 0 : 1)
