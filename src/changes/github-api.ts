import { Clock } from '../clock.js'
import { UserError, messageOf } from '../errors.js'
import { DEFAULT_RETRY, RetryPolicy, withRetry } from '../retry.js'

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
  response?: { headers?: Record<string, string | undefined> }
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
  const f = failureOf(error)
  if (isPrimaryRateLimit(f)) return false
  if (f.status === undefined || f.status >= 500) return true
  if (f.status === 429) return true
  return (
    f.status === 403 &&
    (/secondary rate limit/i.test(f.message ?? '') || Boolean(f.response?.headers?.['retry-after']))
  )
}

/**
 * The GitHub API with the same bounded retries as the Alibaba Cloud calls (5xx, network errors,
 * secondary rate limits); a primary rate limit is a clear error quoting GitHub's message.
 */
export function retryingRequest(
  request: GitHubRequest,
  clock: Clock,
  log: (message: string) => void,
  policy: RetryPolicy = DEFAULT_RETRY
): GitHubRequest {
  return (route, params) =>
    withRetry(
      async () => {
        try {
          return await request(route, params)
        } catch (error) {
          const f = failureOf(error)
          if (isPrimaryRateLimit(f)) {
            throw new UserError(
              `The GitHub API rate limit is used up (${route}): ${f.message ?? 'HTTP 403'}. Wait for it to reset, or check out the repository so that git lists the changes.`
            )
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
        onRetry: (error, attempt, wait) =>
          log(
            `GitHub API ${route}: attempt ${attempt} failed (${failureOf(error).status ?? messageOf(error)}); trying again in ${(wait / 1000).toFixed(1)} s.`
          )
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
export const COMPARE_FILE_CAP = 300
/** Get-a-commit pages through at most 3,000 files. */
export const COMMIT_FILE_CAP = 3000
const PER_PAGE = 100

/** The diff is larger than the API can list; the fallback targets apply, if there are any. */
export class ChangesTooLargeError extends UserError {}

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

function addFiles(into: Set<string>, files: ApiFile[]): void {
  for (const file of files) for (const path of pathsOfFile(file)) into.add(path)
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
): Promise<string[]> {
  // A forced push's old commits are not ancestors of the new head: list both sides from their
  // merge base, so that files touched only by the dropped commits are refreshed too.
  const sides = forced
    ? [compare(request, repo, base, head), compare(request, repo, head, base)]
    : [compare(request, repo, base, head)]
  const comparisons = await Promise.all(sides)
  const paths = new Set<string>()
  for (const comparison of comparisons) {
    if (comparison.files.length < COMPARE_FILE_CAP) {
      addFiles(paths, comparison.files)
      continue
    }
    const perCommit = await mapLimit(comparison.commits, 4, (sha) =>
      commitFiles(request, repo, sha)
    )
    for (const files of perCommit) addFiles(paths, files)
  }
  return [...paths]
}

/** The files of one commit against its first parent: a new branch's head. */
export async function listCommitFromApi(
  request: GitHubRequest,
  repo: Repo,
  sha: string
): Promise<string[]> {
  const paths = new Set<string>()
  addFiles(paths, await commitFiles(request, repo, sha))
  return [...paths]
}
