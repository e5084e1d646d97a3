import { describe, expect, it } from '@jest/globals'
import { PushPayload, decideChanges, vetoOf } from '../../src/changes/event.js'
import { pathsOfFile } from '../../src/changes/github-api.js'
import { UserError } from '../../src/util/errors.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const NONE = { base: '', head: '' }

describe('decideChanges (SPEC 4.1)', () => {
  it.each([
    [
      'a normal push',
      'auto',
      NONE,
      'push',
      { ref: 'refs/heads/main', before: A, after: B },
      { kind: 'diff', base: A, head: B, forced: false }
    ],
    [
      'a forced push',
      'auto',
      NONE,
      'push',
      { before: A, after: B, forced: true },
      { kind: 'diff', base: A, head: B, forced: true }
    ],
    [
      'a new branch (40 zeros)',
      'auto',
      NONE,
      'push',
      { ref: 'refs/heads/x', before: '0'.repeat(40), after: B, created: true },
      { kind: 'created', head: B, ref: 'refs/heads/x' }
    ],
    [
      'a new branch (64 zeros)',
      'auto',
      NONE,
      'push',
      { before: '0'.repeat(64), after: 'c'.repeat(64) },
      { kind: 'created', head: 'c'.repeat(64), ref: '' }
    ],
    [
      'base and head on any event',
      'auto',
      { base: 'main', head: B },
      'workflow_dispatch',
      {},
      { kind: 'diff', base: 'main', head: B, forced: false }
    ],
    [
      'base and head over a push',
      'true',
      { base: A, head: B },
      'push',
      { before: B, after: A },
      { kind: 'diff', base: A, head: B, forced: false }
    ],
    ['another event', 'auto', NONE, 'schedule', {}, { kind: 'none' }],
    ['changed-files false', 'false', NONE, 'push', { before: A, after: B }, { kind: 'none' }]
  ] as const)('%s', (_name, mode, inputs, event, payload, expected) => {
    expect(decideChanges(mode, inputs, event, payload)).toEqual(expected)
  })

  it('fails with changed-files true on an event without changes', () => {
    expect(() => decideChanges('true', NONE, 'workflow_dispatch', {})).toThrow(UserError)
  })

  it('refuses SHAs that are not hex', () => {
    expect(() => decideChanges('auto', NONE, 'push', { before: '--exec=x', after: B })).toThrow(
      /'before' is not a commit SHA/
    )
    expect(() => decideChanges('auto', NONE, 'push', { before: A, after: 'HEAD' })).toThrow(
      /'after'/
    )
  })
})

describe("vetoOf: the event's own rules come first (SPEC 4.1.4)", () => {
  const run = (fields: Record<string, unknown>): PushPayload => ({
    workflow_run: {
      id: 77,
      workflow_id: 5,
      head_sha: A,
      head_branch: 'main',
      conclusion: 'success',
      event: 'push',
      head_repository: { full_name: 'octo-org/site' },
      ...fields
    }
  })
  it.each<[string, string, PushPayload, RegExp | undefined]>([
    ['a push', 'push', { ref: 'refs/heads/main', before: A, after: B }, undefined],
    [
      'a deleted branch',
      'push',
      { ref: 'refs/heads/x', before: A, after: '0'.repeat(40), deleted: true },
      /The push deleted refs\/heads\/x/
    ],
    [
      'a deleted tag by its zeros alone',
      'push',
      { ref: 'refs/tags/v1', before: A, after: '0'.repeat(64) },
      /deleted refs\/tags\/v1/
    ],
    ['a deploy that succeeded', 'workflow_run', run({}), undefined],
    [
      'a deploy that failed',
      'workflow_run',
      run({ conclusion: 'failure' }),
      /run 77 ended 'failure', not 'success'/
    ],
    [
      'a deploy that was cancelled',
      'workflow_run',
      run({ conclusion: 'cancelled' }),
      /ended 'cancelled'/
    ],
    [
      'a deploy still running (no conclusion)',
      'workflow_run',
      run({ conclusion: null }),
      /ended 'unknown'/
    ],
    [
      'a run for a pull request',
      'workflow_run',
      run({ event: 'pull_request' }),
      /was for a pull request \(pull_request\)/
    ],
    [
      'a run for pull_request_target',
      'workflow_run',
      run({ event: 'pull_request_target' }),
      /pull request \(pull_request_target\)/
    ],
    [
      'a run of a fork',
      'workflow_run',
      run({ head_repository: { full_name: 'evil/site' } }),
      /built evil\/site, not octo-org\/site: .*never a fork's/
    ],
    [
      'the same repository, in other case',
      'workflow_run',
      run({ head_repository: { full_name: 'Octo-Org/Site' } }),
      undefined
    ],
    ['no head repository given', 'workflow_run', run({ head_repository: null }), undefined],
    ['another event', 'schedule', {}, undefined]
  ])('%s', (_, event, payload, reason) => {
    const veto = vetoOf(event, payload, 'octo-org/site')
    if (reason) expect(veto).toMatch(reason)
    else expect(veto).toBeUndefined()
  })

  it('reads this repository from the payload when GITHUB_REPOSITORY is missing', () => {
    const payload = {
      ...run({ head_repository: { full_name: 'evil/site' } }),
      repository: { full_name: 'octo-org/site' }
    }
    expect(vetoOf('workflow_run', payload, '')).toMatch(/built evil\/site/)
  })

  it('refuses a workflow_run payload without the run', () => {
    expect(() => vetoOf('workflow_run', {}, 'o/r')).toThrow(/has no 'workflow_run'/)
  })
})

describe('pathsOfFile (API statuses)', () => {
  it.each([
    [{ filename: 'a', status: 'added' }, ['a']],
    [{ filename: 'a', status: 'modified' }, ['a']],
    [{ filename: 'a', status: 'removed' }, ['a']],
    [{ filename: 'a', status: 'changed' }, ['a']],
    [{ filename: 'new', status: 'renamed', previous_filename: 'old' }, ['old', 'new']],
    [{ filename: 'copy', status: 'copied', previous_filename: 'src' }, ['copy']],
    [{ filename: 'a', status: 'unchanged' }, []]
  ])('%j', (file, paths) => {
    expect(pathsOfFile(file)).toEqual(paths)
  })
})
