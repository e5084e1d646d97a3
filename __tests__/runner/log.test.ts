import { describe, expect, it } from '@jest/globals'
import { printUntrusted } from '../../src/runner/log.js'

describe('printUntrusted', () => {
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
