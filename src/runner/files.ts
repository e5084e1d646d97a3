import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { UserError, messageOf } from '../util/errors.js'
import { textProblem } from '../util/bytes.js'

// Files the inputs name (SPEC 4.1.4): `paths-file`, `urls-file` and `output-dir` lie inside the
// workspace once symlinks are resolved; list files are UTF-8 text.

const outside = (rel: string) => rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)

/**
 * A path given in an input, as a workspace-relative POSIX path ('.' for the workspace itself).
 * An absolute path inside the workspace, `./` and `.` are accepted; a path outside it, before or
 * after its symlinks are resolved, is an error that names the input.
 */
export function workspacePath(workspace: string, input: string, value: string): string {
  if (value === '') return ''
  const root = resolve(workspace || '.')
  const target = resolve(root, value)
  const refuse = (why: string) =>
    new UserError(
      `Input '${input}': '${value}' ${why}. Give a path inside the workspace (${root}), relative to it or absolute.`
    )
  const lexical = relative(root, target)
  if (outside(lexical)) throw refuse('is outside the workspace')
  if (existsSync(target)) {
    const real = relative(realpathSync(root), realpathSync(target))
    if (outside(real)) throw refuse('leads outside the workspace through a symbolic link')
  }
  return lexical === '' ? '.' : lexical.split(sep).join('/')
}

/** A list file's text: UTF-8 with no NUL byte, or an error that names the file and the line. */
export function readListFile(workspace: string, input: string, value: string): string {
  const path = workspacePath(workspace, input, value)
  let bytes: Buffer
  try {
    bytes = readFileSync(resolve(workspace || '.', path))
  } catch (error) {
    throw new UserError(
      `Input '${input}': could not read '${value}' in the workspace: ${messageOf(error)}`
    )
  }
  const problem = textProblem(bytes)
  if (problem)
    throw new UserError(`Input '${input}': ${value} line ${problem.line} ${problem.problem}.`)
  return bytes.toString('utf8')
}
