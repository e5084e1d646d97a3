// The runner's workflow commands, written to stdout as @actions/core writes them. The action uses
// these instead of @actions/core, whose HTTP client (needed only for OIDC) would load undici on
// every run: that was most of the action's start-up time.

const EOL = process.platform === 'win32' ? '\r\n' : '\n'

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

let ownWrites = 0

/** Whether the write under way is the action's own, not a library's (see runner/capture.ts). */
export const isOwnWrite = () => ownWrites > 0

/** Writes the action's own text to the log. */
function write(text: string): void {
  ownWrites++
  try {
    process.stdout.write(text)
  } finally {
    ownWrites--
  }
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
  const core = await import('@actions/core')
  return core.getIDToken(audience)
}
