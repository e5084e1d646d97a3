import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Manifest, ManifestOrigin } from '../changes/manifest.js'
import { captureOutput } from '../runner/capture.js'
import { Log } from '../runner/log.js'
import { messageOf } from '../util/errors.js'
import type { Deadlines } from '../runner/environment.js'
import { SilenceBudget, silenceBudget, withinDeadlines } from './deadline.js'

/** The last good refresh's manifest, kept in the GitHub Actions cache (SPEC 4.1.3, 7). */
export interface ManifestStore {
  /** The newest stored manifest, or undefined when there is none (or the cache failed: warned). */
  restore(): Promise<{ manifest: Manifest; origin: ManifestOrigin; key: string } | undefined>
  /** Stores this run's manifest; false when the cache did not take it (warned). */
  save(manifest: Manifest, origin: ManifestOrigin): Promise<boolean>
}

export interface StoreOptions {
  /** The manifest key: letters, digits and `. _ -` (SPEC 4.1.3). */
  key: string
  runId: string
  runAttempt: string
  workspace: string
  /** Whether the runner gave this job the cache service at all. */
  available: boolean
  deadlines: Deadlines
  log: Log
}

/**
 * Entries are saved as `<key>/<run id>-<run attempt>`: no manifest key holds a `/`, so the key
 * `docs` never restores an entry of `docs-v2`.
 */
const SEPARATOR = '/'

/**
 * The manifest's place, relative to the workspace: the cache version is a hash of the paths as
 * given, so a relative path finds the entry from any runner, whatever its workspace's absolute
 * path (container jobs, self-hosted pools).
 */
const FOLDER = '.edge-refresh-manifest'
const FILE = `${FOLDER}/manifest.json`

/** The stored form: one JSON document with the run it came from. */
function serialize(manifest: Manifest, origin: ManifestOrigin): string {
  return JSON.stringify({ version: 1, origin, files: Object.fromEntries(manifest) })
}

function parse(text: string): { manifest: Manifest; origin: ManifestOrigin } {
  const data = JSON.parse(text) as {
    version?: number
    origin?: ManifestOrigin
    files?: Record<string, string>
  }
  if (data.version !== 1 || !data.files || typeof data.files !== 'object')
    throw new Error('not a manifest of this action')
  const manifest: Manifest = new Map()
  for (const [path, hash] of Object.entries(data.files))
    if (typeof hash === 'string') manifest.set(path, hash)
  return { manifest, origin: data.origin ?? { runId: '' } }
}

type CacheLibrary = typeof import('@actions/cache')

/** The Actions cache behind the ManifestStore; `@actions/cache` is loaded only when it is used. */
export function createManifestStore(options: StoreOptions): ManifestStore {
  const { log } = options
  const file = join(options.workspace, FILE)
  const prefix = `${options.key}${SEPARATOR}`
  let library: Promise<CacheLibrary> | undefined
  const load = () => (library ??= import('@actions/cache'))
  const budget: SilenceBudget = silenceBudget(options.deadlines)
  const cleanUp = () => rm(join(options.workspace, FOLDER), { recursive: true, force: true })

  /**
   * One operation of the library: from the workspace, so that the relative path resolves there;
   * within the deadlines; and what the library prints held back and shown inertly in one folded
   * group. Returns the operation's value, or throws its error after the group.
   */
  async function operate<T>(
    title: string,
    operation: (cache: CacheLibrary) => Promise<T>
  ): Promise<T> {
    const cache = await load()
    const cwd = process.cwd()
    const capture = captureOutput()
    let result: { value?: T; error?: unknown; failed: boolean }
    try {
      const value = await withinDeadlines(budget, async () => {
        process.chdir(options.workspace || cwd)
        try {
          return await operation(cache)
        } finally {
          process.chdir(cwd)
          // The library is done: its output goes back to the log (it was held till now).
          capture.release()
        }
      })
      result = { value, failed: false }
    } catch (error) {
      result = { error, failed: true }
    }
    await log.group(title, async () => log.untrusted(capture.lines()))
    if (result.failed) throw result.error
    return result.value as T
  }

  return {
    async restore() {
      if (!options.available) {
        log.warning(
          'The GitHub Actions cache is not available to this job, so there is no previous manifest to compare with.'
        )
        return undefined
      }
      try {
        const matched = await operate(
          'Restoring the previous manifest from the Actions cache',
          (cache) =>
            cache.restoreCache([FILE], `${prefix}${options.runId}-${options.runAttempt}`, [prefix])
        )
        if (!matched) return undefined
        const { manifest, origin } = parse(await readFile(file, 'utf8'))
        return { manifest, origin, key: matched }
      } catch (error) {
        log.warning(
          `Could not restore the previous manifest from the GitHub Actions cache (${messageOf(error)}); going on as if there were none.`
        )
        return undefined
      } finally {
        await cleanUp()
      }
    },

    async save(manifest, origin) {
      if (!options.available) {
        log.warning(
          'The GitHub Actions cache is not available to this job, so this manifest was not saved; the next run will refresh without a baseline.'
        )
        return false
      }
      const key = `${prefix}${options.runId}-${options.runAttempt}`
      try {
        await mkdir(join(options.workspace, FOLDER), { recursive: true })
        await writeFile(file, serialize(manifest, origin))
        const id = await operate('Saving the manifest to the Actions cache', (cache) =>
          cache.saveCache([FILE], key)
        )
        // The library reports most failures only as information and answers -1: say it plainly.
        if (id === -1) {
          log.warning(
            `The GitHub Actions cache did not store the manifest (${key}); the next run compares with an older one, or with none.`
          )
          return false
        }
        log.info(`Saved the manifest of ${manifest.size} files to the cache as ${key}.`)
        return true
      } catch (error) {
        log.warning(`Could not save the manifest to the GitHub Actions cache: ${messageOf(error)}`)
        return false
      } finally {
        await cleanUp()
      }
    }
  }
}
