import { run } from './main.js'
import { escapeData } from './runner/commands.js'
import { redact } from './runner/secrets.js'

// run() reports every failure itself; this is the last guard, so that nothing escapes as an
// unhandled rejection with a stack trace and no ::error line. Once the report is written and the
// log has reached the runner (stdout to a pipe is written asynchronously), the process ends, so
// that a library still waiting on a dead service (its retries after it was given up) cannot hold
// the job.
run()
  .catch((error: unknown) => {
    process.exitCode = 1
    const message = redact(error instanceof Error ? error.message : String(error))
    process.stdout.write(`::error::Unexpected error: ${escapeData(message)}\n`)
  })
  .finally(() => process.stdout.write('', () => process.stderr.write('', () => process.exit())))
