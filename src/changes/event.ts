import { UserError } from '../errors.js'
import { ChangedFilesMode } from '../inputs.js'

/** What the run should diff, decided from the inputs and the event alone. */
export type ChangeRequest =
  | { kind: 'none' }
  | { kind: 'deleted'; ref: string }
  /** A new branch or tag: there is no usable base. */
  | { kind: 'created'; head: string; ref: string }
  /** `forced` pushes are diffed directly, never from the merge base. */
  | { kind: 'diff'; base: string; head: string; forced: boolean }

export interface PushPayload {
  ref?: string
  before?: string
  after?: string
  created?: boolean
  deleted?: boolean
  forced?: boolean
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/
const ZEROS = /^(0{40}|0{64})$/

function checkSha(name: string, value: unknown): string {
  if (typeof value !== 'string' || !SHA.test(value)) {
    throw new UserError(
      `The push event's '${name}' is not a commit SHA (${JSON.stringify(value)}); the event payload is malformed.`
    )
  }
  return value
}

/** Decides the diff (SPEC 4.1): `base`/`head` inputs first, then the push, then nothing. */
export function decideChanges(
  mode: ChangedFilesMode,
  inputs: { base: string; head: string },
  eventName: string,
  payload: PushPayload
): ChangeRequest {
  if (mode === 'false') return { kind: 'none' }
  if (inputs.base !== '' && inputs.head !== '') {
    return { kind: 'diff', base: inputs.base, head: inputs.head, forced: false }
  }
  if (eventName !== 'push') {
    if (mode === 'true') {
      throw new UserError(
        `changed-files is true, but a '${eventName || 'unknown'}' event carries no changed files. ` +
          "Give 'base' and 'head', run on push, or set changed-files to auto."
      )
    }
    return { kind: 'none' }
  }
  const ref = typeof payload.ref === 'string' ? payload.ref : ''
  if (
    payload.deleted === true ||
    (typeof payload.after === 'string' && ZEROS.test(payload.after))
  ) {
    return { kind: 'deleted', ref }
  }
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
