// Runs the whole action in-process, as main.ts's run() with an environment of its own and a fake
// clock: no rebuild, no child process, no real waits. Outputs and the summary are read back from
// the files the runner would give, and the log from what @actions/core wrote to stdout.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../src/main.js'
import { redirectLog } from '../../src/runner/commands.js'
import { parseOutputFile } from '../e2e/harness.js'
import { FakeClock } from './clock.js'

export interface InProcessRun {
  failed: boolean
  log: string
  outputs: Record<string, string>
  summary: string
}

export interface InProcessOptions {
  inputs?: Record<string, string>
  eventName?: string
  event?: unknown
  env?: Record<string, string>
  clock?: FakeClock
}

export async function runInProcess(options: InProcessOptions = {}): Promise<InProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), 'edge-in-process-'))
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
    event: join(dir, 'event.json')
  }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  writeFileSync(files.event, JSON.stringify(options.event ?? {}))
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'octo-org/site',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: join(dir, 'no-checkout'),
    PATH: process.env.PATH ?? '',
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value
  const written: string[] = []
  redirectLog((text) => written.push(text))
  const exitCode = process.exitCode
  process.exitCode = undefined
  try {
    await run(env, options.clock ?? new FakeClock())
    return {
      failed: process.exitCode === 1,
      log: written.join(''),
      outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8')
    }
  } finally {
    redirectLog(undefined)
    process.exitCode = exitCode
    rmSync(dir, { recursive: true, force: true })
  }
}
