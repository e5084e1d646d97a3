import { UserError } from '../util/errors.js'

/** The `changed-files` input. */
export type ChangedFilesMode = 'auto' | 'true' | 'false'

/** `base: last-success`: diff from the head of this workflow's last successful run (SPEC 4.1.2). */
export const LAST_SUCCESS = 'last-success'

/** A full commit SHA: 40 hex digits, or 64 in a SHA-256 repository. */
export const SHA_PATTERN = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/** What the run should diff, decided from the inputs and the event alone. */
export type ChangeRequest =
  | { kind: 'none' }
  /** A new branch or tag, or no earlier successful run: there is no usable base. */
  | { kind: 'created'; head: string; ref: string; why?: string }
  /** `forced` pushes are diffed directly, never from the merge base. */
  | { kind: 'diff'; base: string; head: string; forced: boolean }
  /** `base: last-success`: the base is this workflow's last successful run on the branch. */
  | { kind: 'last-success'; head: string }
  /** A `workflow_run` event: the base is the deploy workflow's previous successful run. */
  | { kind: 'workflow-run'; run: TriggeringRun }

/** The run that triggered a `workflow_run` event. */
export interface TriggeringRun {
  id: number
  workflowId: number
  headSha: string
  headBranch: string
  runNumber?: number
  createdAt?: string
}

export interface PushPayload {
  ref?: string
  before?: string
  after?: string
  created?: boolean
  deleted?: boolean
  forced?: boolean
  repository?: { full_name?: unknown }
  workflow_run?: {
    id?: unknown
    workflow_id?: unknown
    head_sha?: unknown
    head_branch?: unknown
    conclusion?: unknown
    event?: unknown
    run_number?: unknown
    created_at?: unknown
    head_repository?: { full_name?: unknown } | null
  }
}

const ZEROS = /^(0{40}|0{64})$/

function checkSha(name: string, value: unknown): string {
  if (typeof value !== 'string' || !SHA_PATTERN.test(value)) {
    throw new UserError(
      `The event's '${name}' is not a commit SHA (${JSON.stringify(value)}); the event payload is malformed.`
    )
  }
  return value
}

function triggeringRun(payload: PushPayload): NonNullable<PushPayload['workflow_run']> {
  const run = payload.workflow_run
  if (!run || typeof run !== 'object') {
    throw new UserError(
      "The workflow_run event's payload has no 'workflow_run'; the event payload is malformed."
    )
  }
  return run
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/**
 * The event's own rules, which come before every source of changes (SPEC 4.1.4): why this run has
 * nothing to do at all, or undefined. A deleted branch; a deploy run that did not succeed; a run
 * for a pull request or from a fork, since production is refreshed only for this repository's
 * own commits. `repository` is `owner/repo` of this run.
 */
export function vetoOf(
  eventName: string,
  payload: PushPayload,
  repository: string
): string | undefined {
  if (eventName === 'push') {
    const ref = typeof payload.ref === 'string' && payload.ref !== '' ? payload.ref : 'a ref'
    if (
      payload.deleted === true ||
      (typeof payload.after === 'string' && ZEROS.test(payload.after))
    )
      return `The push deleted ${ref}: there is nothing to refresh.`
    return undefined
  }
  if (eventName !== 'workflow_run') return undefined
  const run = triggeringRun(payload)
  const which = `The triggering run ${String(run.id ?? '')}`.trim()
  const conclusion = typeof run.conclusion === 'string' ? run.conclusion : 'unknown'
  if (conclusion !== 'success')
    return `${which} ended '${conclusion}', not 'success': its deploy did not finish, so there is nothing to refresh.`
  if (typeof run.event === 'string' && PULL_REQUEST_EVENTS.has(run.event))
    return `${which} was for a pull request (${run.event}): production is refreshed only for this repository's own commits, so there is nothing to refresh.`
  const head = run.head_repository?.full_name
  const own =
    repository ||
    (typeof payload.repository?.full_name === 'string' ? payload.repository.full_name : '')
  if (typeof head === 'string' && own !== '' && head.toLowerCase() !== own.toLowerCase())
    return `${which} built ${head}, not ${own}: production is refreshed only for this repository's own commits, never a fork's, so there is nothing to refresh.`
  return undefined
}

function workflowRun(payload: PushPayload): ChangeRequest {
  const run = triggeringRun(payload)
  const id = Number(run.id)
  const workflowId = Number(run.workflow_id)
  if (!Number.isSafeInteger(id) || !Number.isSafeInteger(workflowId)) {
    throw new UserError(
      "The workflow_run event's 'id' or 'workflow_id' is not a number; the event payload is malformed."
    )
  }
  return {
    kind: 'workflow-run',
    run: {
      id,
      workflowId,
      headSha: checkSha('workflow_run.head_sha', run.head_sha),
      headBranch: typeof run.head_branch === 'string' ? run.head_branch : '',
      runNumber: typeof run.run_number === 'number' ? run.run_number : undefined,
      createdAt: typeof run.created_at === 'string' ? run.created_at : undefined
    }
  }
}

/**
 * Decides the diff (SPEC 4.1), once vetoOf has passed the event: `base`/`head` inputs first
 * (`base: last-success` included), then the push or the triggering workflow run, then nothing.
 * `sha` is the commit the workflow runs on.
 */
export function decideChanges(
  mode: ChangedFilesMode,
  inputs: { base: string; head: string; sha?: string },
  eventName: string,
  payload: PushPayload
): ChangeRequest {
  if (mode === 'false') return { kind: 'none' }
  if (inputs.base === LAST_SUCCESS) {
    if (inputs.head !== '') return { kind: 'last-success', head: inputs.head }
    const event = eventName === 'push' && typeof payload.after === 'string' ? payload.after : ''
    return { kind: 'last-success', head: checkSha('head', event || inputs.sha || '') }
  }
  if (inputs.base !== '' && inputs.head !== '') {
    return { kind: 'diff', base: inputs.base, head: inputs.head, forced: false }
  }
  if (eventName === 'workflow_run') return workflowRun(payload)
  if (eventName !== 'push') {
    if (mode === 'true') {
      throw new UserError(
        `changed-files is true, but a '${eventName || 'unknown'}' event carries no changed files. ` +
          "Give 'base' and 'head' (or 'base: last-success'), run on push or workflow_run, or set changed-files to auto."
      )
    }
    return { kind: 'none' }
  }
  const ref = typeof payload.ref === 'string' ? payload.ref : ''
  const after = checkSha('after', payload.after)
  if (
    payload.created === true ||
    typeof payload.before !== 'string' ||
    ZEROS.test(payload.before)
  ) {
    return { kind: 'created', head: after, ref }
  }
  const before = checkSha('before', payload.before)
  return {
    kind: 'diff',
    base: before,
    head: after,
    forced: payload.forced === true
  }
}
