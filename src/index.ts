import { run } from './main.js'
import { commands, stdoutInUse } from './runner/commands.js'
import { redact } from './runner/secrets.js'

// run() reports every failure itself; this is the last guard, so that nothing escapes as an
// unhandled rejection with a stack trace and no ::error line. Once the report is written and the
// log has reached the runner, the process ends, so that a library still waiting on a dead service
// (its retries after it was given up) cannot hold the job.
run()
  .catch((error: unknown) => {
    process.exitCode = 1
    commands.error(
      `Unexpected error: ${redact(error instanceof Error ? error.message : String(error))}`
    )
  })
  .finally(() => {
    // The action's own lines are written synchronously; a library's, through process.stdout, may
    // still be on their way to the runner.
    if (stdoutInUse())
      process.stdout.write('', () => process.stderr.write('', () => process.exit()))
    else process.exit()
  })
