import { describe, expect, it } from '@jest/globals'
import {
  PlanRefused,
  Quota,
  checkPlanSize,
  checkQuota,
  countByType,
  countOf,
  quotaKinds,
  quotaNeeds
} from '../../src/plan/budget.js'
import { RefreshTarget } from '../../src/targets/target.js'

const urls = (n: number): RefreshTarget[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'File', url: `https://a.example/${i}` }))

const quota: Quota = {
  quota: {
    File: 10000,
    Directory: 100,
    Regex: 20,
    IgnoreParams: 10000,
    Preload: 1000,
    Tag: Infinity
  },
  remain: { File: 5, Directory: 100, Regex: 20, IgnoreParams: 10000, Preload: 50, Tag: Infinity }
}

describe('quotaNeeds and checkQuota (SPEC 4.2 item 4)', () => {
  it('shows need against remaining for each kind, and refuses when one is short', () => {
    const targets: RefreshTarget[] = [
      ...urls(6),
      { type: 'Directory', url: 'https://a.example/d/' }
    ]
    const needs = quotaNeeds(targets, 0, quota, 6)
    expect(needs).toEqual([
      { kind: 'File', need: 6, remain: 5 },
      { kind: 'Directory', need: 1, remain: 100 },
      { kind: 'Preload', need: 6, remain: 50 }
    ])
    expect(() => checkQuota(needs, 'DCDN')).toThrow(PlanRefused)
    expect(() => checkQuota(needs, 'DCDN')).toThrow(
      /Not enough DCDN refresh quota left today, so nothing was submitted:\n- 6 URLs needed, 5 remain today \(1 short\)\n- 1 directory needed, 100 remain today\n- 6 prefetches needed, 50 remain today\nThe quota resets/
    )
    try {
      checkQuota(needs, 'DCDN')
    } catch (error) {
      expect((error as PlanRefused).needs).toEqual(needs)
    }
    expect(() => checkQuota(needs.slice(1), 'DCDN')).not.toThrow()
  })

  it('refuses at need one over what remains, and not at need equal to it', () => {
    expect(() => checkQuota([{ kind: 'File', need: 5, remain: 5 }], 'DCDN')).not.toThrow()
    expect(() => checkQuota([{ kind: 'File', need: 6, remain: 5 }], 'DCDN')).toThrow(
      /6 URLs needed, 5 remain/
    )
  })

  it('refuses when a remaining figure could not be read', () => {
    expect(() => checkQuota([{ kind: 'File', need: 1, remain: NaN }], 'DCDN')).toThrow(
      /1 URL needed, what remains is unknown today/
    )
  })

  it('counts tags as objects, and checks them only where a tag quota is published', () => {
    expect(quotaNeeds([], 3, quota)).toEqual([{ kind: 'Tag', need: 3, remain: Infinity }])
    expect(() => checkQuota(quotaNeeds([], 100_000, quota), 'DCDN')).not.toThrow()
    const esa: Quota = { ...quota, remain: { ...quota.remain, Tag: 2 } }
    expect(() => checkQuota(quotaNeeds([], 3, esa), 'ESA')).toThrow(
      /3 cache tags needed, 2 remain today/
    )
  })

  it('counts by type', () => {
    expect(countByType([...urls(2), { type: 'Regex', url: 'x' }], 4)).toEqual({
      File: 2,
      IgnoreParams: 0,
      Directory: 0,
      Regex: 1,
      Tag: 4
    })
  })
})

describe('checkPlanSize (max-objects)', () => {
  it('allows max-objects and refuses one more, with separators', () => {
    expect(() => checkPlanSize(10_000, 10_000)).not.toThrow()
    expect(() => checkPlanSize(10_001, 10_000)).toThrow(PlanRefused)
    expect(() => checkPlanSize(10_001, 10_000)).toThrow(
      /10,001 objects, more than max-objects \(10,000\)/
    )
  })
})

describe('countOf', () => {
  it.each([
    ['File', 1, '1 URL'],
    ['File', 2500, '2,500 URLs'],
    ['Directory', 1, '1 directory'],
    ['Directory', 3, '3 directories'],
    ['Tag', 2, '2 cache tags'],
    ['Regex', 2, '2 regexes'],
    ['IgnoreParams', 1, '1 ignore-params URL'],
    ['Preload', 5, '5 prefetches']
  ] as const)('%s × %i', (kind, n, text) => expect(countOf(kind, n)).toBe(text))
})

describe('quotaKinds', () => {
  it('asks for URLs and directories always, and what the plan adds', () => {
    expect(quotaKinds([], false)).toEqual(['File', 'Directory'])
    expect(quotaKinds(['Tag', 'File', 'Regex'], true)).toEqual([
      'File',
      'Directory',
      'Tag',
      'Regex',
      'Preload'
    ])
  })
})
