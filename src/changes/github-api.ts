import { Clock } from '../util/clock.js'
import { UserError, messageOf } from '../util/errors.js'
import { DEFAULT_RETRY, RetryPolicy, withRetry } from '../util/backoff.js'
import type { Deadlines } from '../runner/environment.js'

/** The one Octokit call we need: `octokit.request`, so tests can point it at a fake API. */
export type GitHubRequest = (
  route: string,
  params: Record<string, unknown>
) => Promise<{ data: unknown }>

export interface Repo {
  owner: string
  repo: string
}

/** What Octokit throws for an HTTP error: its status, message and the response headers. */
interface GitHubFailure {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | undefined>; data?: unknown }
}

function failureOf(error: unknown): GitHubFailure {
  return (error && typeof error === 'object' ? error : {}) as GitHubFailure
}

/** A primary rate limit: GitHub says no more calls until the hour resets. */
function isPrimaryRateLimit(f: GitHubFailure): boolean {
  return (
    (f.status === 403 || f.status === 429) && f.response?.headers?.['x-ratelimit-remaining'] === '0'
  )
}

/** Worth sending again: no answer, a server error, or a secondary rate limit. */
function isTransient(error: unknown): boolean {
  if (error instanceof UserError) return false
  const f = failureOf(error)
  if (isPrimaryRateLimit(f)) return false
  if (f.status === undefined || f.status >= 500) return true
  if (f.status === 429) return true
  return (
    f.status === 403 &&
    (/secondary rate limit/i.test(f.message ?? '') || Boolean(f.response?.headers?.['retry-after']))
  )
}

/** The GitHub API gave no answer for the whole of its deadline (SPEC 4.1.4). */
export class GitHubSilentError extends UserError {}

/**
 * The GitHub API with the same bounded retries as the Alibaba Cloud calls (5xx, network errors,
 * secondary rate limits); a primary rate limit is a clear error quoting GitHub's message. Each
 * call's own deadline is the transport's (connect.ts); here, the API may cost at most
 * `deadlines.totalMs` of silence in all, retries and their waits included, across every call.
 */
export function retryingRequest(
  request: GitHubRequest,
  clock: Clock,
  log: (message: string) => void,
  deadlines: Deadlines,
  policy: RetryPolicy = DEFAULT_RETRY
): GitHubRequest {
  let silentMs = 0
  const silent = (route: string, last?: unknown) =>
    new GitHubSilentError(
      `The GitHub API gave no answer for ${Math.round(deadlines.totalMs / 1000)} s in all (${route}${last ? `: ${messageOf(last)}` : ''}).`
    )
  return (route, params) =>
    withRetry(
      async () => {
        if (silentMs >= deadlines.totalMs) throw silent(route)
        const started = clock.now()
        try {
          return await request(route, params)
        } catch (error) {
          const f = failureOf(error)
          if (isPrimaryRateLimit(f)) {
            throw new UserError(
              `The GitHub API rate limit is used up (${route}): ${(f.message ?? 'HTTP 403').replace(/\.$/, '')}. Wait for it to reset, or check out the repository so that git lists the changes.`
            )
          }
          if (!f.response) {
            silentMs += clock.now() - started
            if (silentMs >= deadlines.totalMs) throw silent(route, error)
          }
          throw error
        }
      },
      policy,
      clock,
      {
        retryable: (error): error is unknown => isTransient(error),
        minimumWait: (error) => {
          const after = Number(failureOf(error).response?.headers?.['retry-after'])
          return Number.isFinite(after) && after > 0 ? Math.min(after, 60) * 1000 : 0
        },
        onRetry: (error, attempt, wait) => {
          if (!failureOf(error).response) silentMs += wait
          log(
            `GitHub API ${route}: attempt ${attempt} failed (${failureOf(error).status ?? messageOf(error)}); trying again in ${(wait / 1000).toFixed(1)} s.`
          )
        }
      }
    )
}

/** The HTTP status of a GitHub API failure, if it had one. */
export function statusOf(error: unknown): number | undefined {
  return failureOf(error).status
}

interface ApiFile {
  filename: string
  status: string
  previous_filename?: string
}

/** The compare API lists at most 300 files, on its first page only, and never says it stopped. */
const COMPARE_FILE_CAP = 300
/** Get-a-commit pages through at most 3,000 files. */
const COMMIT_FILE_CAP = 3000
const PER_PAGE = 100

/** The diff is larger than the API can list; the fallback targets apply, if there are any. */
class ChangesTooLargeError extends UserError {}

/** Paths a file entry makes stale (SPEC 4.1): both sides of a rename, the new path of a copy. */
export function pathsOfFile(file: ApiFile): string[] {
  if (file.status === 'unchanged') return []
  if (file.status === 'renamed' && file.previous_filename)
    return [file.previous_filename, file.filename]
  return [file.filename]
}

async function commitFiles(request: GitHubRequest, repo: Repo, sha: string): Promise<ApiFile[]> {
  const files: ApiFile[] = []
  for (let page = 1; page <= COMMIT_FILE_CAP / PER_PAGE; page++) {
    const { data } = await request('GET /repos/{owner}/{repo}/commits/{ref}', {
      ...repo,
      ref: sha,
      per_page: PER_PAGE,
      page
    })
    const pageFiles = ((data as { files?: ApiFile[] }).files ?? []) as ApiFile[]
    for (const file of pageFiles) files.push(file)
    if (pageFiles.length < PER_PAGE) return files
  }
  throw new ChangesTooLargeError(
    `Commit ${sha} changes more than ${COMMIT_FILE_CAP} files, more than the GitHub API lists. ` +
      "Check out the repository before this step so the action can use git, or give 'fallback' targets."
  )
}

interface Comparison {
  files: ApiFile[]
  commits: string[]
}

async function compare(
  request: GitHubRequest,
  repo: Repo,
  base: string,
  head: string
): Promise<Comparison> {
  const commits: string[] = []
  let files: ApiFile[] = []
  for (let page = 1; page <= 1000; page++) {
    const { data } = await request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...repo,
      basehead: `${base}...${head}`,
      per_page: PER_PAGE,
      page
    })
    const body = data as { files?: ApiFile[]; commits?: { sha: string }[]; total_commits?: number }
    if (page === 1) files = body.files ?? []
    const pageCommits = body.commits ?? []
    for (const commit of pageCommits) commits.push(commit.sha)
    const total = typeof body.total_commits === 'number' ? body.total_commits : commits.length
    if (pageCommits.length === 0 || commits.length >= total) break
  }
  return { files, commits }
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  })
  await Promise.all(workers)
  return results
}

/** Changed paths, in the order first seen, and those of them that head no longer has. */
interface Listed {
  paths: string[]
  removed: string[]
}

/**
 * Gathers file entries in commit order: a path's last entry says whether head still has it.
 * `reverse` entries come from head to base, where a path `added` is one that head lacks.
 */
class FileList {
  private readonly gone = new Map<string, boolean>()

  add(files: readonly ApiFile[], reverse = false): void {
    for (const file of files) {
      const paths = pathsOfFile(file)
      paths.forEach((path, i) => {
        const renamedAway = file.status === 'renamed' && i === 0 && paths.length > 1
        const removed = reverse ? file.status === 'added' : file.status === 'removed' || renamedAway
        if (reverse && this.gone.has(path)) return
        this.gone.set(path, removed)
      })
    }
  }

  listed(): Listed {
    const removed: string[] = []
    for (const [path, gone] of this.gone) if (gone) removed.push(path)
    return { paths: [...this.gone.keys()], removed }
  }
}

/**
 * Changed paths between two commits from the GitHub API, complete beyond the compare API's cap:
 * a short compare list is taken as it is; a capped one is replaced by every commit's own files.
 */
export async function listChangesFromApi(
  request: GitHubRequest,
  repo: Repo,
  base: string,
  head: string,
  forced: boolean
): Promise<Listed> {
  // A forced push's old commits are not ancestors of the new head: list both sides from their
  // merge base, so that files touched only by the dropped commits are refreshed too.
  const sides = forced
    ? [compare(request, repo, base, head), compare(request, repo, head, base)]
    : [compare(request, repo, base, head)]
  const comparisons = await Promise.all(sides)
  const list = new FileList()
  for (const [side, comparison] of comparisons.entries()) {
    if (comparison.files.length < COMPARE_FILE_CAP) {
      list.add(comparison.files, side === 1)
      continue
    }
    const perCommit = await mapLimit(comparison.commits, 4, (sha) =>
      commitFiles(request, repo, sha)
    )
    for (const files of perCommit) list.add(files, side === 1)
  }
  return list.listed()
}

/** The files of one commit against its first parent: a new branch's head. */
export async function listCommitFromApi(
  request: GitHubRequest,
  repo: Repo,
  sha: string
): Promise<Listed> {
  const list = new FileList()
  list.add(await commitFiles(request, repo, sha))
  return list.listed()
}
