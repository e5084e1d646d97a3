import { appendFileSync } from 'node:fs'
import { escapeData } from '../commands.js'
import { messageOf } from '../errors.js'
import { randomHex } from '../random.js'
import { RunReport } from './model.js'
import { buildOutputs } from './outputs.js'
import { buildSummary } from './summary.js'

/** Where the report goes: the runner's output and summary files, and the log for warnings. */
export interface ReportSink {
  /** GITHUB_OUTPUT; empty on a local run, where outputs go to the log as commands instead. */
  outputPath: string
  /** GITHUB_STEP_SUMMARY; empty on a local run, where there is no summary. */
  summaryPath: string
  warning(message: string): void
  /** Strips every known secret; the runner masks the log, but not these files. */
  redact(text: string): string
}

/** One output by the old workflow command, for a local run without GITHUB_OUTPUT. */
function outputCommand(name: string, value: string): string {
  const escapedName = name.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C')
  return `\n::set-output name=${escapedName}::${escapeData(value)}\n`
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
export async function writeReport(report: RunReport, sink: ReportSink): Promise<void> {
  const { outputs, warnings } = buildOutputs(report)
  for (const warning of warnings) sink.warning(warning)
  try {
    const entries = Object.entries(outputs).map(([name, value]) => [name, sink.redact(value)])
    if (sink.outputPath) {
      appendFileSync(sink.outputPath, entries.map(([n, v]) => outputEntry(n, v)).join(''))
    } else {
      for (const [name, value] of entries) process.stdout.write(outputCommand(name, value))
    }
  } catch (error) {
    sink.warning(`Could not write the step outputs: ${messageOf(error)}`)
  }
  if (!sink.summaryPath) return
  try {
    appendFileSync(sink.summaryPath, sink.redact(buildSummary(report)))
  } catch (error) {
    sink.warning(`Could not write the job summary: ${messageOf(error)}`)
  }
}
