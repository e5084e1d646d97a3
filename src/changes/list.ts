import { ChangeRequest } from './event.js'
import { GitRunner, diffPaths, ensureCommit, isGitCheckout, parentOrEmptyTree } from './git.js'
import { GitHubRequest, Repo, listChangesFromApi, listCommitFromApi } from './github-api.js'

export interface ChangeSources {
  workspace: string
  git: GitRunner
  /** Absent when there is no token or repository to ask. */
  github?: { request: GitHubRequest; repo: Repo }
  /** Says why a source was passed over, so the user can see why the API was asked. */
  info(message: string): void
}

/** The changed paths, and where they came from, for the summary. */
export interface ChangeListing {
  paths: string[]
  /** The paths that head no longer has: their URLs should answer 404 now. */
  removed: string[]
  source: 'local git' | 'GitHub API'
  base: string
  head: string
}

async function fromGit(
  sources: ChangeSources,
  base: string | undefined,
  head: string
): Promise<ChangeListing> {
  const { git } = sources
  if (base === undefined) {
    await ensureCommit(git, head, 2)
    base = await parentOrEmptyTree(git, head)
  } else {
    await ensureCommit(git, base)
    await ensureCommit(git, head)
  }
  return { ...(await diffPaths(git, base, head)), source: 'local git', base, head }
}

async function fromApi(
  sources: ChangeSources,
  request: ChangeRequest & { kind: 'diff' | 'created' }
): Promise<ChangeListing> {
  if (!sources.github) {
    throw new Error(
      'there is no git checkout in GITHUB_WORKSPACE and no github-token or GITHUB_REPOSITORY to ask the GitHub API'
    )
  }
  const { request: call, repo } = sources.github
  if (request.kind === 'created') {
    const listed = await listCommitFromApi(call, repo, request.head)
    return { ...listed, source: 'GitHub API', base: `${request.head}^`, head: request.head }
  }
  const listed = await listChangesFromApi(call, repo, request.base, request.head, request.forced)
  return { ...listed, source: 'GitHub API', base: request.base, head: request.head }
}

/**
 * Lists every path changed between the two commits: a local `git diff` when there is a checkout
 * (fetching missing commits shallowly), otherwise the GitHub API.
 */
export async function listChangedPaths(
  sources: ChangeSources,
  request: ChangeRequest & { kind: 'diff' | 'created' }
): Promise<ChangeListing> {
  if (await isGitCheckout(sources.workspace, sources.git)) {
    try {
      return await fromGit(
        sources,
        request.kind === 'diff' ? request.base : undefined,
        request.head
      )
    } catch (error) {
      sources.info(
        `Local git could not list the changes (${error instanceof Error ? error.message : String(error)}); asking the GitHub API.`
      )
    }
  }
  return fromApi(sources, request)
}
