import { Minimatch } from 'minimatch'
import type { Glob, GlobCompiler } from './parse.js'

// The one module that loads minimatch: loaded only when `rules` are given, so that a run without
// rules pays nothing for it at start-up.

const MATCH_OPTIONS = { dot: true, nonegate: true, nocomment: true } as const

/** A path split once into its segments, as minimatch splits it, for every rule to match. */
export function pathSegments(path: string): string[] {
  return path.split(/\/+/)
}

/**
 * A compiled glob. `matches` takes a path already split by pathSegments and does what
 * Minimatch.match does for these options (no negation, no comments, no matchBase), without
 * splitting the path again for every rule.
 */
function compile(glob: string): Glob & { minimatch: Minimatch } {
  const minimatch = new Minimatch(glob, MATCH_OPTIONS)
  return {
    minimatch,
    matches: (segments) =>
      minimatch.set.some((pattern) => minimatch.matchOne(segments, pattern, false))
  }
}

export const globCompiler = {
  compile,
  split: pathSegments,
  hasMagic: (segment: string) =>
    new Minimatch(segment, { ...MATCH_OPTIONS, magicalBraces: true }).hasMagic()
} satisfies GlobCompiler
