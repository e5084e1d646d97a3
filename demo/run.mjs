// npm run demo: the action as a person sees it on GitHub, against fake services on loopback, with
// demo credentials that exist only inside the fakes. Four stories:
//   1. a clean deploy: a push whose changed files and changed menu data are refreshed, waited for;
//   2. a built site deployed twice, verified at the edge: the second deploy refreshes only the
//      files whose bytes changed, finds one page the origin served late, and fixes it;
//   3. a partial failure: one batch refused and one object that failed, named first;
//   4. a refusal: a plan that cannot fit today's quota, refused before anything is sent.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFakeCache } from '../__tests__/fakes/actions-cache.mjs'
import { startFakeDcdn } from '../__tests__/fakes/dcdn-server.mjs'
import { startFakeEdge } from '../__tests__/fakes/edge.mjs'
import { renderLog, renderOutputs, renderSummary } from './render.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const work = mkdtempSync(join(tmpdir(), 'edge-refresh-demo-'))
const KEY = { id: 'LTAIdemoKeyId', secret: 'demo-secret-not-real' }
const edge = await startFakeEdge({ lifetimeMs: 300_000 })
const dcdn = await startFakeDcdn({
  keys: { [KEY.id]: { secret: KEY.secret } },
  onTaskComplete: (task) => edge.expire(task),
  lifetimeMs: 300_000
})
const cache = await startFakeCache({ lifetimeMs: 300_000 })
const rules = readFileSync(join(here, 'rules.txt'), 'utf8')

const heading = (text) => console.log(`\n${'━'.repeat(78)}\n${text}\n${'━'.repeat(78)}`)
const indent = (text) => text.replace(/^/gm, '  ')

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
  // DEMO_SUMMARIES=<dir> keeps each summary's markdown, to look at in a browser.
  if (process.env.DEMO_SUMMARIES) {
    mkdirSync(process.env.DEMO_SUMMARIES, { recursive: true })
    const name = `${title.split('.')[0]}.md`
    cpSync(files.summary, join(process.env.DEMO_SUMMARIES, name))
  }
  console.log(`\nThe step's log, as GitHub shows it (exit code ${code}):\n`)
  console.log(indent(renderLog(stdout)))
  console.log('\nThe step outputs:\n')
  console.log(indent(renderOutputs(readFileSync(files.output, 'utf8'))))
  console.log('\nThe job summary, as GitHub renders it:\n')
  console.log(indent(renderSummary(readFileSync(files.summary, 'utf8'))))
  return code
}

// Story 1: a push that edits, adds, renames and deletes files of a served repository, and edits
// the menu every page is built from: its cache tag expires all of those pages at once.
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
writeFileSync(join(repo, 'data/menu.yml'), 'home: /\nblog: /blog/\nabout: /about/\n')
git('mv', 'public/css/site.css', 'public/css/site.v2.css')
git('rm', '-q', 'public/old.html')
git('add', '-A')
git('commit', '-qm', 'Second deploy')
const after = git('rev-parse', 'HEAD')
const push = {
  ref: 'refs/heads/main',
  before,
  after,
  created: false,
  deleted: false,
  forced: false
}
const results = []
results.push([
  0,
  await step(
    `1. A clean deploy: the push ${before.slice(0, 7)}..${after.slice(0, 7)}, waited for`,
    {
      workspace: repo,
      event: push,
      inputs: { rules, wait: 'true', 'wait-timeout': '60' }
    }
  )
])

// Story 2: a built site, deployed twice and verified at the edge (a fake node, through
// HTTP_PROXY). The cache keeps the manifest between the deploys.
const built = join(work, 'built')
const SITE = 'http://www.example.com'
const builtRules = [
  'public/**/index.html => http://www.example.com/{dir}',
  'public/** => http://www.example.com/{path}'
].join('\n')
/** Writes the build output, and uploads it to the origin; `late` pages reach it a fetch late. */
const deploy = (files, late = []) => {
  for (const [path, content] of Object.entries(files)) {
    const full = join(built, 'public', path)
    const urls = [`${SITE}/${path}`]
    if (path.endsWith('index.html')) urls.push(`${SITE}/${path.slice(0, -'index.html'.length)}`)
    if (content === null) {
      rmSync(full, { force: true })
      for (const url of urls) edge.origin.remove(url)
    } else {
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, content)
      for (const url of urls) edge.origin.deploy(url, content, { lag: late.includes(path) ? 1 : 0 })
    }
  }
}
deploy({
  'index.html': '<h1>Home</h1><a href="/posts/first/">First</a>',
  'posts/first/index.html': '<p>First post</p>',
  'tags/news/index.html': '<a href="/posts/first/">First</a>',
  'index.xml': '<rss><item>First</item></rss>',
  'assets/main.1a2b.css': 'body{}'
})
const builtInputs = { rules: builtRules, 'output-dir': 'public', verify: 'fail' }
const builtEnv = (run, number) => ({
  ...cache.env,
  HTTP_PROXY: edge.url,
  GITHUB_RUN_ID: run,
  GITHUB_RUN_NUMBER: number,
  GITHUB_RUN_ATTEMPT: '1'
})
results.push([
  0,
  await step('2a. A built site, first deploy: no manifest yet, so every built file, verified', {
    workspace: built,
    eventName: 'workflow_dispatch',
    inputs: builtInputs,
    env: builtEnv('101', '7')
  })
])
// A new post: the build rewrites the home page, the tag list and the feed, and renames the CSS.
// The feed reaches the origin late: the edge fetches the old one again after the first refresh.
deploy(
  {
    'index.html':
      '<h1>Home</h1><a href="/posts/second/">Second</a><a href="/posts/first/">First</a>',
    'posts/second/index.html': '<p>Second post</p>',
    'tags/news/index.html': '<a href="/posts/second/">Second</a><a href="/posts/first/">First</a>',
    'index.xml': '<rss><item>Second</item><item>First</item></rss>',
    'assets/main.1a2b.css': null,
    'assets/main.3c4d.css': 'body{margin:0}'
  },
  ['index.xml']
)
results.push([
  0,
  await step(
    '2b. The next deploy: only the files whose bytes changed; a late feed found and fixed',
    {
      workspace: built,
      eventName: 'workflow_dispatch',
      inputs: { ...builtInputs, 'verify-max': '10' },
      env: builtEnv('102', '8')
    }
  )
])

// Story 3: a partial failure. The second batch is refused (the account's quota ran out between
// the check and the call), and one page's origin timed out during its refresh.
const failing = await startFakeDcdn({
  keys: { [KEY.id]: { secret: KEY.secret } },
  failUrls: ['https://www.example.com/old.html'],
  lifetimeMs: 300_000
})
failing.inject({
  kind: 'QuotaExceeded.Refresh',
  action: 'RefreshDcdnObjectCaches',
  match: 'new%20post'
})
results.push([
  1,
  await step('3. A partial failure: what failed comes first', {
    workspace: repo,
    event: push,
    inputs: {
      rules,
      'max-urls-per-request': '3',
      wait: 'true',
      'wait-timeout': '60',
      'quota-check': 'false',
      endpoint: failing.url
    }
  })
])
await failing.close()

// Story 4: a refusal. Today's quota has 2 URLs left and collapsing is off: nothing is sent.
const tight = await startFakeDcdn({
  keys: { [KEY.id]: { secret: KEY.secret } },
  quota: { File: 10, Directory: 100 }
})
for (let i = 0; i < 4; i++) tight.used.File += 2
results.push([
  1,
  await step("4. A refusal: the plan does not fit today's quota, so nothing is sent", {
    workspace: repo,
    event: push,
    inputs: { rules, collapse: 'off', endpoint: tight.url }
  })
])
await tight.close()

console.log(`
Everything above ran against fakes on this machine: no request left it. On Alibaba Cloud a refresh
takes effect 5 to 6 minutes after it is submitted, so a real 'wait' polls for minutes where the
fake finished at once.`)
await Promise.all([dcdn.close(), cache.close(), edge.close()])
rmSync(work, { recursive: true, force: true })
const unexpected = results.filter(([expected, code]) => expected !== code)
process.exit(unexpected.length === 0 ? 0 : 1)
