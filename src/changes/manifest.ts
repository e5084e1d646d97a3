import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { lstat, opendir } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError, messageOf } from '../errors.js'

/** Every deployed file by its repository-relative path, with the SHA-256 of its bytes. */
export type Manifest = Map<string, string>

/** Where a stored manifest came from, for the summary. */
export interface ManifestOrigin {
  runId: string
  runNumber?: string
  createdAt?: string
}

export interface ManifestDiff {
  added: string[]
  modified: string[]
  removed: string[]
}

/** Files hashed at once: enough to keep the disk busy, few enough to bound open files and memory. */
const HASH_CONCURRENCY = 16

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    const stream = createReadStream(path, { highWaterMark: 256 * 1024 })
    stream.on('data', (chunk) => hash.update(chunk))
    stream.on('error', reject)
    stream.on('end', () => resolve(hash.digest('hex')))
  })
}

/** The regular files below `root`, relative to it with `/`; symlinks are skipped, never followed. */
async function listFiles(root: string): Promise<string[]> {
  const files: string[] = []
  const folders = ['']
  while (folders.length > 0) {
    const folder = folders.pop()!
    for await (const entry of await opendir(join(root, folder))) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`
      if (entry.isSymbolicLink()) continue
      if (entry.isDirectory()) folders.push(relative)
      else if (entry.isFile()) files.push(relative)
    }
  }
  return files.sort()
}

/**
 * Hashes every regular file under `workspace/outputDir` (SPEC 4.1.3): streamed, a bounded number
 * at once. The paths are repository-relative (`public/blog/index.html`), like git's.
 */
export async function hashTree(workspace: string, outputDir: string): Promise<Manifest> {
  const root = join(workspace, outputDir)
  let stat
  try {
    stat = await lstat(root)
  } catch {
    stat = undefined
  }
  if (!stat?.isDirectory()) {
    throw new UserError(
      `Input 'output-dir': '${outputDir}' is not a folder in the workspace (${root}). Build the site before this step, and give the folder that is deployed.`
    )
  }
  const files = await listFiles(root)
  const hashes: string[] = new Array(files.length)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const index = next++
      try {
        hashes[index] = await hashFile(join(root, files[index]))
      } catch (error) {
        throw new UserError(`Could not read ${outputDir}/${files[index]}: ${messageOf(error)}`)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, files.length) }, worker))
  const manifest: Manifest = new Map()
  files.forEach((file, i) => manifest.set(`${outputDir}/${file}`, hashes[i]))
  return manifest
}

/** Added, modified and removed paths between two manifests, each sorted. */
export function diffManifests(previous: Manifest, current: Manifest): ManifestDiff {
  const added: string[] = []
  const modified: string[] = []
  const removed: string[] = []
  for (const [path, hash] of current) {
    const before = previous.get(path)
    if (before === undefined) added.push(path)
    else if (before !== hash) modified.push(path)
  }
  for (const path of previous.keys()) if (!current.has(path)) removed.push(path)
  return { added, modified, removed }
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
