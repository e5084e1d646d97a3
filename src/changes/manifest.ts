import { createHash } from 'node:crypto'
import { closeSync, lstatSync, openSync, readSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { setImmediate as yieldToEvents } from 'node:timers/promises'
import { decodeName } from '../util/bytes.js'
import { UserError, messageOf } from '../util/errors.js'

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

/** Bytes read at a time: every file streams through one buffer of this size. */
const CHUNK_BYTES = 64 * 1024
/** Files hashed between two turns of the event loop. */
const FILES_PER_TURN = 500

/**
 * The SHA-256 of a file, streamed through one reused buffer, so memory stays bounded whatever
 * the file's size. One file at a time, read synchronously: for the many small files of a site
 * this measured several times faster than asynchronous reads through the thread pool.
 */
function hashFile(path: Buffer, buffer: Buffer): string {
  const hash = createHash('sha256')
  const fd = openSync(path, 'r')
  try {
    let read: number
    while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0)
      hash.update(buffer.subarray(0, read))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/** Never part of a deployed site: git's own files, and the folder the manifest is restored into. */
const NOT_DEPLOYED = new Set(['.git', '.edge-refresh-manifest'])

const SLASH = Buffer.from('/')

/**
 * The regular files below `root`, relative to it with `/`; symlinks are skipped, never followed.
 * Names are read as bytes (SPEC 4.1.4): each file comes with its path's bytes, to open it by, and
 * its name as text (util/bytes.ts), to map it by.
 */
function listFiles(root: string): { name: string; bytes: Buffer }[] {
  const files: { name: string; bytes: Buffer }[] = []
  const rootBytes = Buffer.from(root, 'utf8')
  const folders: Buffer[] = [Buffer.alloc(0)]
  while (folders.length > 0) {
    const folder = folders.pop()!
    const at = folder.length > 0 ? Buffer.concat([rootBytes, SLASH, folder]) : rootBytes
    for (const entry of readdirSync(at, { withFileTypes: true, encoding: 'buffer' })) {
      const relative = folder.length > 0 ? Buffer.concat([folder, SLASH, entry.name]) : entry.name
      if (entry.isSymbolicLink() || NOT_DEPLOYED.has(entry.name.toString('latin1'))) continue
      if (entry.isDirectory()) folders.push(relative)
      else if (entry.isFile())
        files.push({
          name: decodeName(relative),
          bytes: Buffer.concat([rootBytes, SLASH, relative])
        })
    }
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * Hashes every regular file under `workspace/outputDir` (SPEC 4.1.3), streamed. The paths are
 * repository-relative (`public/blog/index.html`), like git's.
 */
export async function hashTree(workspace: string, outputDir: string): Promise<Manifest> {
  const root = join(workspace, outputDir)
  let isFolder = false
  try {
    isFolder = lstatSync(root).isDirectory()
  } catch {
    isFolder = false
  }
  if (!isFolder) {
    throw new UserError(
      `Input 'output-dir': '${outputDir}' is not a folder in the workspace (${root}). Build the site before this step, and give the folder that is deployed.`
    )
  }
  const files = listFiles(root)
  // `output-dir: .` deploys the workspace itself: its paths are the repository's as they are.
  const prefix = outputDir === '.' ? '' : `${outputDir}/`
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
  const manifest: Manifest = new Map()
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % FILES_PER_TURN === 0) await yieldToEvents()
    const path = `${prefix}${files[i].name}`
    try {
      manifest.set(path, hashFile(files[i].bytes, buffer))
    } catch (error) {
      throw new UserError(`Could not read ${JSON.stringify(path)}: ${messageOf(error)}`)
    }
  }
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
