// Real git repositories for the tests: a bare origin that pushes land in, and a depth-1 clone
// made the way actions/checkout makes one.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export const ZERO_SHA = '0'.repeat(40)

export type Change =
  | { write: string; content?: string }
  | { remove: string }
  | { move: string; to: string }
  | { link: string; target: string }

export class Repos {
  readonly root = mkdtempSync(join(tmpdir(), 'dcdn-git-'))
  readonly origin = join(this.root, 'origin.git')
  readonly work = join(this.root, 'work')

  constructor() {
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', this.origin])
    execFileSync('git', ['init', '-q', '-b', 'main', this.work])
    this.git(this.work, 'config', 'user.email', 'dev@example.com')
    this.git(this.work, 'config', 'user.name', 'Dev')
    this.git(this.work, 'config', 'core.quotepath', 'off')
  }

  git(cwd: string, ...args: string[]): string {
    return execFileSync('git', ['-C', cwd, ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024
    }).trim()
  }

  /** Applies changes in the work tree and commits them; returns the new SHA. */
  commit(message: string, changes: Change[]): string {
    for (const change of changes) {
      if ('write' in change) {
        const path = join(this.work, change.write)
        mkdirSync(dirname(path), { recursive: true })
        try {
          unlinkSync(path)
        } catch {
          // a new file
        }
        writeFileSync(path, change.content ?? `${change.write} ${message}\n`)
      } else if ('remove' in change) {
        this.git(this.work, 'rm', '-q', '--', change.remove)
      } else if ('move' in change) {
        mkdirSync(dirname(join(this.work, change.to)), { recursive: true })
        this.git(this.work, 'mv', '--', change.move, change.to)
      } else {
        const path = join(this.work, change.link)
        unlinkSync(path)
        symlinkSync(change.target, path)
      }
    }
    this.git(this.work, 'add', '-A')
    this.git(this.work, 'commit', '-q', '--allow-empty', '-m', message)
    return this.head()
  }

  head(): string {
    return this.git(this.work, 'rev-parse', 'HEAD')
  }

  /** Points the work tree back at an older commit, as before a forced push. */
  reset(sha: string): void {
    this.git(this.work, 'reset', '-q', '--hard', sha)
  }

  push(ref = 'main', force = false): void {
    this.git(
      this.work,
      'push',
      '-q',
      ...(force ? ['--force'] : []),
      this.origin,
      `HEAD:refs/heads/${ref}`
    )
  }

  /** A depth-1 checkout of `sha`, with the commands actions/checkout runs. */
  checkout(sha: string, ref = 'main'): string {
    const dir = mkdtempSync(join(this.root, 'checkout-'))
    this.git(dir, 'init', '-q')
    this.git(dir, 'remote', 'add', 'origin', `file://${this.origin}`)
    this.git(
      dir,
      '-c',
      'protocol.version=2',
      'fetch',
      '-q',
      '--no-tags',
      '--prune',
      '--no-recurse-submodules',
      '--depth=1',
      'origin',
      `+${sha}:refs/remotes/origin/${ref}`
    )
    this.git(dir, 'checkout', '-q', '--force', '-B', ref, `refs/remotes/origin/${ref}`)
    return dir
  }

  /** A push event payload shaped like GitHub's (see @octokit/webhooks-examples). */
  pushEvent(
    before: string,
    after: string,
    extra: Record<string, unknown> = {}
  ): Record<string, unknown> {
    return {
      ref: 'refs/heads/main',
      before,
      after,
      created: before === ZERO_SHA,
      deleted: after === ZERO_SHA,
      forced: false,
      base_ref: null,
      compare: `https://github.com/octo-org/site/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
      commits: [],
      head_commit: after === ZERO_SHA ? null : { id: after },
      repository: { full_name: 'octo-org/site', name: 'site', owner: { login: 'octo-org' } },
      ...extra
    }
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}
