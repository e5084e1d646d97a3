import { UserError } from '../util/errors.js'
import { plural } from '../util/text.js'
import type { Changes } from './collect.js'
import { ChangeRequest, ChangedFilesMode } from './event.js'

// The change policy (SPEC 4.1), as pure decisions: what to do when there are no rules, when there
// is no base to diff against, and when the changes cannot be listed.

/** No changed path, with the notes that say why. */
export const noChanges = (notes: string[] = []): Changes => ({
  paths: [],
  removed: [],
  useFallback: false,
  notes
})

/** The fallback targets in place of the changed paths. */
export const fallbackChanges = (notes: string[]): Changes => ({
  ...noChanges(notes),
  useFallback: true
})

/** Changed files are only worth listing when rules can map them. */
export function requireRules(
  request: ChangeRequest,
  mode: ChangedFilesMode,
  hasRules: boolean
): { request: ChangeRequest; note?: string } {
  if (hasRules || request.kind === 'none') return { request }
  if (mode === 'true') {
    throw new UserError(
      "changed-files is true, but 'rules' is empty: add rules that turn changed paths into URLs."
    )
  }
  return {
    request: { kind: 'none' },
    note: "No 'rules' are given, so the changed files are not used."
  }
}

/** What to refresh when there is no base: the fallback, or the head commit's own files. */
export type NoBaseDecision = { fallback: true; note: string } | { fallback: false; warning: string }

export function whenNoBase(what: string, hasFallback: boolean): NoBaseDecision {
  if (hasFallback)
    return {
      fallback: true,
      note: `${what}, so there is no base to diff against: refreshing the fallback targets.`
    }
  return {
    fallback: false,
    warning: `${what}, so there is no base to diff against: refreshing the files of its head commit against its parent. Give 'fallback' targets to refresh something broader.`
  }
}

/** What to refresh when the built site has no previous manifest. */
export function whenNoManifest(files: number, hasFallback: boolean): NoBaseDecision {
  const why =
    'There is no previous manifest of the deployed files (a first run, or the cache evicted it after 7 days unused, or the cache was unavailable)'
  if (hasFallback) return { fallback: true, note: `${why}: refreshing the fallback targets.` }
  return {
    fallback: false,
    warning: `${why}: refreshing all ${plural(files, 'deployed file')} through the rules. Give 'fallback' targets to refresh something narrower.`
  }
}

/**
 * When the changes cannot be listed (too many for the API, a base commit that no longer exists
 * or cannot be fetched, a GitHub API that does not answer): the fallback if there is one,
 * otherwise the error as it is.
 */
export function whenUnlisted(error: UserError, hasFallback: boolean): string {
  if (!hasFallback) throw error
  return `${error.message} Refreshing the fallback targets instead.`
}
