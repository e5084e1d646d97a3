import { appendFileSync } from 'node:fs'
import { messageOf } from '../util/errors.js'
import { randomHex } from '../util/random.js'
import { RunRecord } from './model.js'
import { buildOutputs } from './outputs.js'
import { buildSummary } from './summary.js'

/** Where the report goes: the runner's output and summary files, and the log. */
export interface ReportSink {
  /** GITHUB_OUTPUT; empty on a local run, where the outputs are printed in the log instead. */
  outputPath: string
  /** GITHUB_STEP_SUMMARY; empty on a local run, where there is no summary. */
  summaryPath: string
  warning(message: string): void
  /** Prints lines inertly in the log. */
  print(title: string, lines: string[]): void
  /** Strips every known secret; the runner masks the log, but not these files. */
  redact(text: string): string
}

/** One output in the runner's file-command format, with a delimiter no value can hold. */
function outputEntry(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomHex()}`
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`
}

/**
 * The one writer of the step's outputs and job summary. A file that cannot be written is a
 * warning: the step's result stays what the run made it.
 */
export function writeReport(record: RunRecord, sink: ReportSink): void {
  const { outputs, warnings } = buildOutputs(record)
  for (const warning of warnings) sink.warning(warning)
  const entries = Object.entries(outputs).map(([name, value]) => [name, sink.redact(value)])
  if (sink.outputPath) {
    try {
      appendFileSync(sink.outputPath, entries.map(([n, v]) => outputEntry(n, v)).join(''))
    } catch (error) {
      sink.warning(`Could not write the step outputs: ${messageOf(error)}`)
    }
  } else {
    sink.print(
      'Outputs (there is no GITHUB_OUTPUT file, as on a local run)',
      entries.map(([name, value]) => `${name}: ${value}`)
    )
  }
  if (!sink.summaryPath) return
  try {
    appendFileSync(sink.summaryPath, sink.redact(buildSummary(record)))
  } catch (error) {
    sink.warning(`Could not write the job summary: ${messageOf(error)}`)
  }
}
