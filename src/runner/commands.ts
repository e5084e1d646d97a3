// The runner's workflow commands, written to stdout as @actions/core writes them. The action uses
// these instead of @actions/core, whose HTTP client (needed only for OIDC) would load undici on
// every run: that was most of the action's start-up time. The action's own lines are written to
// file descriptor 1 directly: creating process.stdout (a stream over a pipe) costs a measured
// share of start-up, and only libraries need it.
import { writeSync } from 'node:fs'

const EOL = process.platform === 'win32' ? '\r\n' : '\n'

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Where the log goes in place of stdout: the in-process tests read it. */
let redirect: ((text: string) => void) | undefined

export function redirectLog(to: ((text: string) => void) | undefined): void {
  redirect = to
}

let librariesWrote = false

/** A library may write to process.stdout from now on: its lines must reach the runner too. */
export function librariesMayWrite(): void {
  librariesWrote = true
}

/** Whether process.stdout was used, so that its buffered lines are flushed before the exit. */
export const stdoutInUse = () => librariesWrote

const pause = new Int32Array(new SharedArrayBuffer(4))

/** Writes all of the text to stdout, waiting out a full pipe (EAGAIN) a millisecond at a time. */
function writeAll(text: string): void {
  let bytes = Buffer.from(text, 'utf8')
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes))
    } catch (error) {
      if ((error as { code?: string }).code !== 'EAGAIN') throw error
      Atomics.wait(pause, 0, 0, 1)
    }
  }
}

/** Writes the action's own text to the log. */
function write(text: string): void {
  if (redirect) redirect(text)
  else writeAll(text)
}

function issue(command: string, message: string): void {
  write(`::${command}::${escapeData(message)}${EOL}`)
}

export const commands = {
  info(message: string): void {
    write(message + EOL)
  },
  debug: (message: string) => issue('debug', message),
  warning: (message: string) => issue('warning', message),
  error: (message: string) => issue('error', message),
  /** Registers a secret with the runner, which masks it in the log from then on. */
  setSecret: (secret: string) => issue('add-mask', secret),
  startGroup: (title: string) => issue('group', title),
  endGroup: () => issue('endgroup', ''),
  /** Fails the step with an error annotation; the process ends with exit code 1. */
  setFailed(message: string): void {
    process.exitCode = 1
    issue('error', message)
  }
}

/** The job's GitHub OIDC token; @actions/core (and its HTTP client) load only for this. */
export async function getIdToken(audience: string): Promise<string> {
  librariesMayWrite()
  const core = await import('@actions/core')
  return core.getIDToken(audience)
}
