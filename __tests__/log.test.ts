import { describe, expect, it } from '@jest/globals'
import { inert, plural, printUntrusted } from '../src/log.js'

describe('log', () => {
  it('puts every name on one visible line', () => {
    expect(inert('a\nb\r\tc\u0000')).toBe('a\\nb\\r\\tc\\u0000')
  })

  it('wraps untrusted lines in stop-commands with a fresh token', () => {
    const lines: string[] = []
    printUntrusted((l) => lines.push(...l.split('\n')), ['::error::boom', 'x\n::add-mask::y'])
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0])![1]
    expect(lines).toEqual([
      `::stop-commands::${token}`,
      '::error::boom',
      'x\\n::add-mask::y',
      `::${token}::`
    ])
    const again: string[] = []
    printUntrusted((l) => again.push(l), [])
    expect(again[0]).not.toBe(lines[0])
  })
})

describe('plural', () => {
  it.each([
    [0, 'batches'],
    [1, 'batch'],
    [2, 'batches']
  ])('%i', (n, word) => {
    expect(plural(n, 'batch', 'batches')).toBe(`${n} ${word}`)
  })
})
