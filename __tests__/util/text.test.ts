import { describe, expect, it } from '@jest/globals'
import { formatCount, formatDuration, inert, naturalCompare, plural } from '../../src/util/text.js'

describe('inert', () => {
  it('puts every name on one visible line', () => {
    expect(inert('a\nb\r\tc\u0000\u2028')).toBe('a\\nb\\r\\tc\\u0000\\u2028')
    expect(inert('plain')).toBe('plain')
  })
})

describe('plural', () => {
  it.each([
    [0, '0 batches'],
    [1, '1 batch'],
    [2, '2 batches'],
    [12345, '12,345 batches']
  ])('%i', (n, text) => {
    expect(plural(n, 'batch', 'batches')).toBe(text)
  })

  it('adds an s by default', () => expect(plural(3, 'URL')).toBe('3 URLs'))
})

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
    [2.6, '3'],
    [-1234, '-1,234'],
    [-0.5, '0'],
    [-0.6, '-1'],
    [Infinity, 'Infinity'],
    [NaN, 'NaN']
  ])('%s → %s', (n, text) => expect(formatCount(n)).toBe(text))
})

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [999, '999 ms'],
    [1000, '1 s'],
    [59_499, '59 s'],
    [60_000, '1 min'],
    [372_000, '6 min 12 s'],
    [3_540_000, '59 min'],
    [3_600_000, '1 h'],
    [3_720_000, '1 h 2 min']
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text))
})

describe('naturalCompare', () => {
  it('sorts the numbers in names by value', () => {
    expect(['s10', 's2', 's1', 'a', 's2b'].sort(naturalCompare)).toEqual([
      'a',
      's1',
      's2',
      's2b',
      's10'
    ])
    // Equal numbers: the shorter spelling first.
    expect(naturalCompare('s2', 's02')).toBeLessThan(0)
    expect(naturalCompare('https://a/s9/', 'https://a/s10/')).toBeLessThan(0)
    expect(naturalCompare('x', 'x')).toBe(0)
    // Both ways round, so that a sort gets the same answer whichever it asks first.
    expect(naturalCompare('s10', 's9')).toBeGreaterThan(0)
    expect(naturalCompare('s9', 's10')).toBeLessThan(0)
    expect(naturalCompare('a', 'a1')).toBeLessThan(0)
    expect(naturalCompare('a1', 'a')).toBeGreaterThan(0)
    // A number against a word: as text, digits first.
    expect(naturalCompare('1', 'a')).toBeLessThan(0)
    expect(naturalCompare('a', '1')).toBeGreaterThan(0)
  })
})
