import { describe, expect, it } from '@jest/globals'
import { countVerdicts, describeVerdicts } from '../../src/verify/model.js'
import { check } from '../report/records.js'

describe('verdicts as the log and the summary count them', () => {
  it('counts each verdict and says errors as a noun, with separators', () => {
    const checks = [
      check('https://a.example/1', 'fresh'),
      check('https://a.example/2', 'error'),
      check('https://a.example/3', 'error'),
      check('https://a.example/4', 'stale')
    ]
    expect(countVerdicts(checks)).toEqual({ checked: 4, fresh: 1, stale: 1, unknown: 0, error: 2 })
    expect(describeVerdicts(countVerdicts(checks))).toBe(
      '4 URLs checked: 1 fresh, 1 stale, 0 unknown, 2 errors'
    )
    expect(describeVerdicts({ checked: 1, fresh: 0, stale: 0, unknown: 0, error: 1 })).toBe(
      '1 URL checked: 0 fresh, 0 stale, 0 unknown, 1 error'
    )
    expect(describeVerdicts({ checked: 1200, fresh: 1200, stale: 0, unknown: 0, error: 0 })).toBe(
      '1,200 URLs checked: 1,200 fresh, 0 stale, 0 unknown, 0 errors'
    )
  })
})
