import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { messageOf } from '../errors.js'
import type { Manifest, ManifestOrigin } from '../changes/manifest.js'

/** The last good refresh's manifest, kept in the GitHub Actions cache (SPEC 4.1.3, 7). */
export interface ManifestStore {
  /** The newest stored manifest, or undefined when there is none (or the cache failed: warned). */
  restore(): Promise<{ manifest: Manifest; origin: ManifestOrigin; key: string } | undefined>
  /** Stores this run's manifest; false when the cache did not take it (warned). */
  save(manifest: Manifest, origin: ManifestOrigin): Promise<boolean>
}

export interface StoreOptions {
  /** The manifest key; entries are saved as `<key>-<run id>-<run attempt>`. */
  key: string
  runId: string
  runAttempt: string
  workspace: string
  /** Whether the runner gave this job the cache service at all. */
  available: boolean
  warn(message: string): void
  info(message: string): void
}

/** The stored form: one JSON document with the run it came from. */
export function serializeManifest(manifest: Manifest, origin: ManifestOrigin): string {
  return JSON.stringify({ version: 1, origin, files: Object.fromEntries(manifest) })
}

export function parseManifest(text: string): { manifest: Manifest; origin: ManifestOrigin } {
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

/** Restore and save must name the same path, or the cache version differs and nothing matches. */
const FOLDER = '.edge-refresh-manifest'

type CacheLibrary = typeof import('@actions/cache')

/** The Actions cache behind the ManifestStore; `@actions/cache` is loaded only when it is used. */
export function createManifestStore(options: StoreOptions): ManifestStore {
  const file = join(options.workspace, FOLDER, 'manifest.json')
  const paths = [file]
  const ownKey = new RegExp(`^${options.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+-\\d+$`)
  let library: Promise<CacheLibrary> | undefined
  const load = () => (library ??= import('@actions/cache'))
  const cleanUp = () => rm(join(options.workspace, FOLDER), { recursive: true, force: true })

  return {
    async restore() {
      if (!options.available) {
        options.warn(
          'The GitHub Actions cache is not available to this job, so there is no previous manifest to compare with.'
        )
        return undefined
      }
      try {
        const cache = await load()
        const primary = `${options.key}-${options.runId}-${options.runAttempt}`
        const matched = await cache.restoreCache(paths, primary, [`${options.key}-`])
        if (!matched) return undefined
        if (!ownKey.test(matched)) {
          options.info(
            `The cache entry '${matched}' belongs to another manifest key; it is not used as a baseline.`
          )
          return undefined
        }
        const { manifest, origin } = parseManifest(await readFile(file, 'utf8'))
        return { manifest, origin, key: matched }
      } catch (error) {
        options.warn(
          `Could not restore the previous manifest from the GitHub Actions cache: ${messageOf(error)}`
        )
        return undefined
      } finally {
        await cleanUp()
      }
    },

    async save(manifest, origin) {
      if (!options.available) {
        options.warn(
          'The GitHub Actions cache is not available to this job, so this manifest was not saved; the next run will refresh without a baseline.'
        )
        return false
      }
      const key = `${options.key}-${options.runId}-${options.runAttempt}`
      try {
        await mkdir(dirname(file), { recursive: true })
        await writeFile(file, serializeManifest(manifest, origin))
        const cache = await load()
        const id = await cache.saveCache(paths, key)
        // The library reports most failures only as information and answers -1: say it plainly.
        if (id === -1) {
          options.warn(
            `The GitHub Actions cache did not store the manifest (${key}); the next run compares with an older one, or with none.`
          )
          return false
        }
        options.info(`Saved the manifest of ${manifest.size} files to the cache as ${key}.`)
        return true
      } catch (error) {
        options.warn(`Could not save the manifest to the GitHub Actions cache: ${messageOf(error)}`)
        return false
      } finally {
        await cleanUp()
      }
    }
  }
}
