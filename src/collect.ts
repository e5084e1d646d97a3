import * as core from '@actions/core'
import * as github from '@actions/github'
import { readFileSync } from 'node:fs'
import { ChangeRequest, PushPayload, decideChanges } from './changes/event.js'
import { createGitRunner } from './changes/git.js'
import { ChangesTooLargeError, GitHubRequest } from './changes/github-api.js'
import { ChangeListing, listChangedPaths } from './changes/list.js'
import { UserError, messageOf } from './errors.js'
import { Settings } from './inputs.js'
import { dedupeTargets } from './plan.js'
import { inert, printUntrusted } from './report/log.js'
import { RunReport } from './report/model.js'
import { mapPaths } from './rules/map.js'
import { RefreshTarget } from './targets.js'

// Works out every target of a run: the changed files of the push mapped through the rules, the
// `paths` input, the `urls` input, and the fallback when the changes cannot be listed.

function readPayload(env: NodeJS.ProcessEnv): PushPayload {
  const path = env.GITHUB_EVENT_PATH
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PushPayload
  } catch (error) {
    throw new UserError(
      `Could not read the event payload at GITHUB_EVENT_PATH: ${messageOf(error)}`
    )
  }
}

function githubApi(
  settings: Settings,
  env: NodeJS.ProcessEnv
): { request: GitHubRequest; repo: { owner: string; repo: string } } | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!settings.githubToken || !owner || !repo) return undefined
  const octokit = github.getOctokit(settings.githubToken)
  return { request: (route, params) => octokit.request(route, params), repo: { owner, repo } }
}

/** Where the paths to map come from: the push's changed files, or none. */
async function changedPaths(
  settings: Settings,
  request: ChangeRequest & { kind: 'diff' | 'created' },
  env: NodeJS.ProcessEnv,
  report: RunReport
): Promise<{ listing?: ChangeListing; fallback: boolean }> {
  if (request.kind === 'created') {
    if (settings.fallback.length > 0) {
      report.notes.push(
        `${request.ref || 'The ref'} is new, so there is no base to diff against: refreshing the fallback targets.`
      )
      return { fallback: true }
    }
    const warning = `${request.ref || 'The ref'} is new, so there is no base to diff against: refreshing the files of its head commit against its parent. Give 'fallback' targets to refresh something broader.`
    core.warning(warning)
    report.notes.push(warning)
  }
  const workspace = env.GITHUB_WORKSPACE ?? ''
  try {
    const listing = await listChangedPaths(
      {
        workspace,
        git: createGitRunner(workspace || process.cwd()),
        github: githubApi(settings, env),
        info: (message) => core.info(inert(message))
      },
      request
    )
    return { listing, fallback: false }
  } catch (error) {
    if (error instanceof ChangesTooLargeError && settings.fallback.length > 0) {
      report.notes.push(`${error.message} Refreshing the fallback targets instead.`)
      return { fallback: true }
    }
    if (error instanceof UserError) throw error
    throw new UserError(
      `Could not list the files changed between ${request.kind === 'diff' ? request.base : `${request.head}^`} and ${request.head}: ${messageOf(error)}. ` +
        "Check out the repository before this step (actions/checkout), or give 'github-token' with contents: read, or give 'fallback' targets."
    )
  }
}

/** Works out every target: mapped changed files and `paths`, `urls`, and the fallback if used. */
export async function gatherTargets(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  report: RunReport
): Promise<RefreshTarget[] | 'deleted'> {
  let request = decideChanges(
    settings.changedFiles,
    settings,
    env.GITHUB_EVENT_NAME ?? '',
    readPayload(env)
  )
  if (request.kind === 'deleted') {
    report.notes.push(`The push deleted ${request.ref || 'a ref'}: there is nothing to refresh.`)
    return 'deleted'
  }
  if (
    request.kind !== 'none' &&
    settings.rules.mappings.length === 0 &&
    !(request.kind === 'created' && settings.fallback.length > 0)
  ) {
    if (settings.changedFiles === 'true') {
      throw new UserError(
        "changed-files is true, but 'rules' is empty: add rules that turn changed paths into URLs."
      )
    }
    core.info("No 'rules' are given, so the push's changed files are not used.")
    request = { kind: 'none' }
  }
  const targets: RefreshTarget[] = []
  const paths: string[] = []
  if (request.kind === 'diff' || request.kind === 'created') {
    const { listing, fallback } = await changedPaths(settings, request, env, report)
    if (fallback) targets.push(...settings.fallback)
    if (listing) {
      report.changes = listing
      paths.push(...listing.paths)
      core.startGroup(
        `${listing.paths.length} changed files from ${listing.source} (${listing.base}..${listing.head})`
      )
      printUntrusted(core.info, listing.paths)
      core.endGroup()
    }
  }
  paths.push(...settings.paths)
  if (paths.length > 0 || settings.rules.mappings.length > 0) {
    const unique = [...new Set(paths)]
    const mapping = mapPaths(unique, settings.rules)
    report.mapping = {
      paths: unique.length,
      hits: mapping.hits,
      excluded: mapping.excluded,
      unmatched: mapping.unmatched
    }
    targets.push(...mapping.targets)
  }
  targets.push(...settings.urls)
  return dedupeTargets(targets)
}
