import { describe, expect, it } from '@jest/globals'
import { decideChanges } from '../../src/changes/event.js'
import { pathsOfFile } from '../../src/changes/github-api.js'
import { UserError } from '../../src/errors.js'

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
      'a deleted branch',
      'auto',
      NONE,
      'push',
      { ref: 'refs/heads/x', before: A, after: '0'.repeat(40), deleted: true },
      { kind: 'deleted', ref: 'refs/heads/x' }
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
