import { describe, expect, it } from '@jest/globals'
import { Batch } from '../../src/plan/batches.js'
import { RunReport } from '../../src/report/model.js'
import { failuresOf, fullySucceeded, statusOf } from '../../src/report/status.js'
import { RefreshTask } from '../../src/services/service.js'

const target = { type: 'File' as const, url: 'https://a.example/x' }
const batch: Batch = { type: 'File', urls: [target.url], hosts: new Map([['a.example', 1]]) }
const ok = { batch, urls: batch.urls, ok: true, taskIds: ['1'], requestId: 'R1', attempts: 1 }
const bad = { ...ok, ok: false, taskIds: [], error: new Error('QuotaExceeded.Refresh: used up') }
const task = (status: string): RefreshTask => ({
  taskId: '1',
  objectPath: target.url,
  objectType: 'file',
  status,
  process: '',
  creationTime: '',
  description: status === 'Failed' ? 'Origin Timeout' : ''
})
const waited = (status: 'complete' | 'failed' | 'timeout', ...tasks: RefreshTask[]) => ({
  status,
  tasks,
  polls: 1
})
const base: RunReport = { service: 'DCDN', dryRun: false, notes: [], targets: [target] }

describe('statusOf (SPEC 4.4)', () => {
  it.each<[string, Partial<RunReport>, string]>([
    ['a fatal error', { fatal: 'boom', outcomes: [ok] }, 'failed'],
    ['a deleted branch', { nothingToDo: 'deleted', targets: [] }, 'nothing-to-do'],
    ['no targets', { targets: [] }, 'nothing-to-do'],
    ['a dry run', { dryRun: true }, 'dry-run'],
    ['a dry run with no targets', { dryRun: true, targets: [] }, 'nothing-to-do'],
    ['every batch accepted', { outcomes: [ok] }, 'submitted'],
    ['a batch failed', { outcomes: [ok, bad] }, 'failed'],
    [
      'waited to the end',
      { outcomes: [ok], wait: waited('complete', task('Complete')) },
      'complete'
    ],
    ['a task failed', { outcomes: [ok], wait: waited('failed', task('Failed')) }, 'failed'],
    [
      'the wait timed out',
      { outcomes: [ok], wait: waited('timeout', task('Refreshing')) },
      'timeout'
    ],
    [
      'a batch failed and the wait timed out',
      { outcomes: [ok, bad], wait: waited('timeout', task('Refreshing')) },
      'failed'
    ],
    [
      'a prefetch failed after a complete wait',
      {
        outcomes: [ok],
        wait: waited('complete', task('Complete')),
        preload: [{ ...ok, ok: false, error: new Error('x') }]
      },
      'failed'
    ],
    ['the prefetch was skipped', { outcomes: [ok], preloadSkipped: 'no quota' }, 'failed'],
    ['nothing recorded after the plan', {}, 'failed']
  ])('%s', (_, fields, status) => {
    expect(statusOf({ ...base, ...fields })).toBe(status)
  })
})

describe('failuresOf', () => {
  it('names each failed batch, task and prefetch', () => {
    const failures = failuresOf({
      ...base,
      outcomes: [ok, bad],
      wait: waited('failed', task('Failed')),
      preloadSkipped: 'Prefetch skipped: no quota.'
    })
    expect(failures).toEqual([
      '1 of 2 batches failed; the others were submitted:\n- batch 2 (1 File): QuotaExceeded.Refresh: used up',
      '1 object failed to refresh:\n- task 1 https://a.example/x: Origin Timeout',
      'Prefetch skipped: no quota.'
    ])
    expect(failuresOf({ ...base, outcomes: [ok] })).toEqual([])
  })
})

describe('fullySucceeded: when the manifest may become the baseline', () => {
  it.each<[string, Partial<RunReport>, boolean]>([
    ['every batch accepted', { outcomes: [ok] }, true],
    ['a batch failed', { outcomes: [ok, bad] }, false],
    ['a task failed', { outcomes: [ok], wait: waited('failed', task('Failed')) }, false],
    [
      'the wait timed out with no failure',
      { outcomes: [ok], wait: waited('timeout', task('Pending')) },
      true
    ],
    ['a dry run', { dryRun: true }, false],
    ['a fatal error', { fatal: 'x' }, false],
    ['nothing to refresh', { targets: [] }, true]
  ])('%s', (_, fields, expected) => {
    expect(fullySucceeded({ ...base, ...fields })).toBe(expected)
  })
})
