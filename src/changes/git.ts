import { existsSync } from 'node:fs'

/** Runs git without a shell; every argument is passed as it is, so no file name reaches a shell. */
export type GitRunner = (args: string[]) => Promise<string>

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
          encoding: 'utf8',
          env: { ...env, GIT_TERMINAL_PROMPT: '0' }
        },
        (error, stdout, stderr) => {
          if (error)
            reject(
              new Error(`git ${args[0]} failed: ${(stderr || error.message).trim().split('\n')[0]}`)
            )
          else resolve(stdout)
        }
      )
    })
  }
}

/** A usable checkout: a git work tree at the workspace. */
export async function isGitCheckout(workspace: string, git: GitRunner): Promise<boolean> {
  if (!workspace || !existsSync(workspace)) return false
  try {
    return (await git(['rev-parse', '--is-inside-work-tree'])).trim() === 'true'
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

/** Paths that differ between two commits' trees, NUL-separated so any file name survives. */
export async function diffPaths(git: GitRunner, base: string, head: string): Promise<string[]> {
  // --no-renames lists a rename as its old path (deleted) and its new path (added): both are stale.
  const out = await git([
    'diff',
    '--no-renames',
    '--no-ext-diff',
    '--name-only',
    '-z',
    base,
    head,
    '--'
  ])
  return out.split('\0').filter((path) => path !== '')
}

/** The parent of a commit, or the empty tree for a root commit. */
export async function parentOrEmptyTree(git: GitRunner, sha: string): Promise<string> {
  const parents = (await git(['rev-list', '--parents', '-n', '1', sha, '--'])).trim().split(' ')
  if (parents.length > 1) return parents[1]
  return (await git(['hash-object', '-t', 'tree', '/dev/null'])).trim()
}

/** Every file path of a commit's tree, for weighing which directories to collapse into. */
export async function listTree(git: GitRunner, commit: string): Promise<string[]> {
  const out = await git(['ls-tree', '-r', '--name-only', '-z', commit, '--'])
  return out.split('\0').filter((path) => path !== '')
}
