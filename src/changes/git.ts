import { existsSync } from 'node:fs'
import { decodeName } from '../util/bytes.js'

/**
 * Runs git without a shell and answers its standard output as bytes; every argument is passed as
 * it is, so no file name reaches a shell.
 */
export type GitRunner = (args: string[]) => Promise<Buffer>

export function createGitRunner(
  workspace: string,
  env: Readonly<Record<string, string | undefined>>
): GitRunner {
  return async (args) => {
    // Loaded on first use: a run that needs no git pays nothing for child processes.
    const { execFile } = await import('node:child_process')
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        ['-c', 'core.quotepath=off', '-c', `safe.directory=${workspace}`, ...args],
        {
          cwd: workspace,
          maxBuffer: 512 * 1024 * 1024,
          encoding: 'buffer',
          env: { ...env, GIT_TERMINAL_PROMPT: '0' }
        },
        (error, stdout, stderr) => {
          if (error)
            reject(
              new Error(
                `git ${args[0]} failed: ${(stderr.toString('utf8') || error.message).trim().split('\n')[0]}`
              )
            )
          else resolve(stdout)
        }
      )
    })
  }
}

const textOf = async (git: GitRunner, args: string[]) => (await git(args)).toString('utf8').trim()

/** NUL-separated names, each decoded from its bytes (SPEC 4.1.4: file names are bytes). */
function names(out: Buffer): string[] {
  const list: string[] = []
  let start = 0
  for (let i = out.indexOf(0); i >= 0; i = out.indexOf(0, start)) {
    if (i > start) list.push(decodeName(out.subarray(start, i)))
    start = i + 1
  }
  if (start < out.length) list.push(decodeName(out.subarray(start)))
  return list
}

/** A usable checkout: a git work tree at the workspace. */
export async function isGitCheckout(workspace: string, git: GitRunner): Promise<boolean> {
  if (!workspace || !existsSync(workspace)) return false
  try {
    return (await textOf(git, ['rev-parse', '--is-inside-work-tree'])) === 'true'
  } catch {
    return false
  }
}

async function hasCommit(git: GitRunner, sha: string): Promise<boolean> {
  try {
    await git(['cat-file', '-e', `${sha}^{commit}`])
    return true
  } catch {
    return false
  }
}

/**
 * Makes sure a commit (and `depth - 1` of its ancestors) is here, with a shallow fetch when the
 * checkout does not have it, as on actions/checkout's default depth-1 clone.
 */
export async function ensureCommit(git: GitRunner, sha: string, depth = 1): Promise<void> {
  if (depth === 1 && (await hasCommit(git, sha))) return
  if (depth > 1 && (await hasCommit(git, `${sha}~${depth - 1}`))) return
  await git([
    'fetch',
    '--no-tags',
    '--no-write-fetch-head',
    '--quiet',
    `--depth=${depth}`,
    'origin',
    sha
  ])
}

/** Paths that differ between two commits' trees, and those of them that `head` no longer has. */
export async function diffPaths(
  git: GitRunner,
  base: string,
  head: string
): Promise<{ paths: string[]; removed: string[] }> {
  // --no-renames lists a rename as its old path (deleted) and its new path (added): both are stale.
  const diff = (...filter: string[]) =>
    git(['diff', '--no-renames', '--no-ext-diff', '--name-only', '-z', ...filter, base, head, '--'])
  const [all, removed] = await Promise.all([diff(), diff('--diff-filter=D')])
  return { paths: names(all), removed: names(removed) }
}

/** The parent of a commit, or the empty tree for a root commit. */
export async function parentOrEmptyTree(git: GitRunner, sha: string): Promise<string> {
  const parents = (await textOf(git, ['rev-list', '--parents', '-n', '1', sha, '--'])).split(' ')
  if (parents.length > 1) return parents[1]
  return textOf(git, ['hash-object', '-t', 'tree', '/dev/null'])
}

/** Every file path of a commit's tree, for weighing which directories to collapse into. */
export async function listTree(git: GitRunner, commit: string): Promise<string[]> {
  return names(await git(['ls-tree', '-r', '--name-only', '-z', commit, '--']))
}
