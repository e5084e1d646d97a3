// Collapsing (SPEC 4.2 item 5): when the File URLs do not fit their budget, cover groups of them
// with directory refreshes on the same host, choosing the directories that drag along the fewest
// known unchanged URLs. Pure: the known URLs come in as data.
import { splitUrl } from '../targets/target.js'

export interface CollapseBudgets {
  /** File URLs that may be left. */
  urls: number
  /** Directories in all, chosen and given. */
  directories: number
  /** File URLs and directories together (max-objects less the other objects). */
  objects: number
}

export interface CollapseInput {
  /** The changed File URLs, deduplicated and canonical. */
  files: readonly string[]
  /** Directory targets given by the user or the rules. */
  givenDirectories: readonly string[]
  /** Every File URL of the deployed tree, canonical; undefined when nothing is known. */
  known?: Iterable<string>
  budgets: CollapseBudgets
}

export interface CollapsedDirectory {
  url: string
  /** How many of the File URLs it replaced. */
  replaced: number
  /** Known unchanged URLs below it, refreshed along with the changed ones. */
  collateral: number
  /** A directory that was given, not chosen; it may now stand for File URLs too. */
  given: boolean
}

export interface CollapseResult {
  /** The File URLs left to refresh one by one, in their original order. */
  files: string[]
  /** Every directory to refresh: the chosen ones and the given ones still needed. */
  directories: CollapsedDirectory[]
}

interface Node {
  url: string
  depth: number
  parent?: Node
  children: Node[]
  /** Changed File URLs at or below this directory. */
  changed: number
  /** Changed File URLs directly in it. */
  direct: number
  /** Known unchanged File URLs below it. */
  collateral: number
  given: boolean
  chosen: boolean
  /** Below a chosen directory: no longer a candidate. */
  blocked: boolean
  /** Sums over the chosen directories at or below this one. */
  coveredBelow: number
  collateralBelow: number
  chosenBelow: number
}

/** The directories of a URL, from its host root down to its last `/`, or [] for a non-URL. */
export function directoriesOf(url: string): string[] {
  const parts = splitUrl(url)
  if (!parts || parts.authority === '') return []
  const origin = `${parts.scheme}://${parts.authority}`
  const path = /^\/[^?#]*/.exec(parts.rest)?.[0] ?? '/'
  const dirs: string[] = []
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1))
    dirs.push(origin + path.slice(0, i + 1))
  return dirs
}

class Tree {
  readonly nodes = new Map<string, Node>()

  /** The node of a directory, created with its ancestors as needed. */
  node(dirs: readonly string[], depth = dirs.length - 1): Node {
    const url = dirs[depth]
    let node = this.nodes.get(url)
    if (node) return node
    const parent = depth > 0 ? this.node(dirs, depth - 1) : undefined
    node = {
      url,
      depth,
      parent,
      children: [],
      changed: 0,
      direct: 0,
      collateral: 0,
      given: false,
      chosen: false,
      blocked: false,
      coveredBelow: 0,
      collateralBelow: 0,
      chosenBelow: 0
    }
    parent?.children.push(node)
    this.nodes.set(url, node)
    return node
  }

  /** The deepest directory of a URL that is in the tree, if any; no array is made for it. */
  deepest(url: string): Node | undefined {
    const parts = splitUrl(url)
    if (!parts || parts.authority === '') return undefined
    const origin = url.length - parts.rest.length
    const end = url.search(/[?#]/)
    const path = end < 0 ? url : url.slice(0, end)
    for (let i = path.lastIndexOf('/'); i >= origin; i = path.lastIndexOf('/', i - 1)) {
      const node = this.nodes.get(path.slice(0, i + 1))
      if (node) return node
    }
    return this.nodes.get(`${url.slice(0, origin)}/`)
  }
}

/** Marks a node chosen: its chosen descendants drop out, and its ancestors' sums follow. */
function choose(node: Node): void {
  const gain = node.changed - node.coveredBelow
  const collateral = node.collateral - node.collateralBelow
  const dirs = 1 - node.chosenBelow
  for (let a = node.parent; a; a = a.parent) {
    a.coveredBelow += gain
    a.collateralBelow += collateral
    a.chosenBelow += dirs
  }
  node.coveredBelow = node.changed
  node.collateralBelow = node.collateral
  node.chosenBelow = 1
  node.chosen = true
  const stack = [...node.children]
  while (stack.length > 0) {
    const child = stack.pop()!
    if (child.blocked) continue
    child.blocked = true
    child.chosen = false
    for (const grandchild of child.children) stack.push(grandchild)
  }
}

/** The state of a choice: what is left and whether it fits. */
interface Tally {
  files: number
  dirs: number
}

function fits(t: Tally, b: CollapseBudgets): boolean {
  return t.files <= b.urls && t.dirs <= b.directories && t.files + t.dirs <= b.objects
}

/** File URLs still to cover so that the URL and object budgets hold. */
function need(t: Tally, b: CollapseBudgets): number {
  return Math.max(0, t.files - b.urls, t.files + t.dirs - b.objects)
}

interface Candidate {
  node: Node
  gain: number
  dirs: number
  collateral: number
  useful: number
}

/**
 * Better first: the least collateral per URL covered; then not a host root; then the most URLs
 * covered (fewer directories); then deeper; then by URL, so that any order of input gives the
 * same choice.
 */
function better(a: Candidate, b: Candidate): boolean {
  const ra = a.collateral * b.useful
  const rb = b.collateral * a.useful
  if (ra !== rb) return ra < rb
  const rootA = a.node.depth === 0
  const rootB = b.node.depth === 0
  if (rootA !== rootB) return !rootA
  if (a.useful !== b.useful) return a.useful > b.useful
  if (a.node.depth !== b.node.depth) return a.node.depth > b.node.depth
  return a.node.url < b.node.url
}

function bestCandidate(
  nodes: readonly Node[],
  tally: Tally,
  budgets: CollapseBudgets,
  minUseful: number
): Candidate | undefined {
  const needed = need(tally, budgets)
  const overDirs = tally.dirs > budgets.directories
  let best: Candidate | undefined
  for (const node of nodes) {
    if (node.blocked || node.chosen) continue
    const gain = node.changed - node.coveredBelow
    const dirs = 1 - node.chosenBelow
    if (gain <= 0 && dirs >= 0) continue
    if (dirs > 0 && tally.dirs + dirs > budgets.directories) continue
    // While only the directory budget is short, a candidate must free directories.
    if (needed === 0 && overDirs && dirs >= 0) continue
    const useful = needed > 0 ? Math.max(1, Math.min(gain, needed)) : Math.max(1, -dirs)
    if (useful < minUseful) continue
    const candidate = {
      node,
      gain,
      dirs,
      collateral: node.collateral - node.collateralBelow,
      useful
    }
    if (!best || better(candidate, best)) best = candidate
  }
  return best
}

/**
 * The best next directory. Directories that cover too few URLs to finish within the directories
 * left are passed over while others can: filling the budget with tiny ones only to merge them
 * later costs time and gives a worse choice.
 */
function nextCandidate(
  nodes: readonly Node[],
  tally: Tally,
  budgets: CollapseBudgets
): Candidate | undefined {
  const needed = need(tally, budgets)
  const slots = Math.max(1, budgets.directories - tally.dirs)
  const pulling =
    needed > 0 ? bestCandidate(nodes, tally, budgets, Math.ceil(needed / slots)) : undefined
  return pulling ?? bestCandidate(nodes, tally, budgets, 0)
}

/**
 * Chooses directories so that the File URLs left and the directories fit their budgets, with
 * the least collateral. Returns undefined when no choice fits.
 */
export function collapseFiles(input: CollapseInput): CollapseResult | undefined {
  const { budgets } = input
  const tree = new Tree()
  const fileDirs: (Node | undefined)[] = []
  for (const url of input.files) {
    const dirs = directoriesOf(url)
    if (dirs.length === 0) {
      fileDirs.push(undefined)
      continue
    }
    const leaf = tree.node(dirs)
    leaf.direct++
    for (let n: Node | undefined = leaf; n; n = n.parent) n.changed++
    fileDirs.push(leaf)
  }
  const opaqueGiven: string[] = []
  for (const url of input.givenDirectories) {
    const dirs = directoriesOf(url)
    if (!url.endsWith('/') || dirs.length === 0 || dirs[dirs.length - 1] !== url) {
      opaqueGiven.push(url)
      continue
    }
    tree.node(dirs).given = true
  }
  if (input.known) {
    const changed = new Set(input.files)
    for (const url of input.known) {
      if (changed.has(url)) continue
      for (let n = tree.deepest(url); n; n = n.parent) n.collateral++
    }
  }
  // Given directories start out chosen; the outermost of nested ones stands for the others.
  const given = [...tree.nodes.values()].filter((n) => n.given).sort((a, b) => a.depth - b.depth)
  for (const node of given) if (!node.blocked) choose(node)
  const covered = () => {
    let sum = 0
    for (const n of tree.nodes.values()) if (n.chosen) sum += n.changed
    return sum
  }
  const chosenCount = () => [...tree.nodes.values()].filter((n) => n.chosen).length
  const tally: Tally = {
    files: input.files.length - covered(),
    dirs: chosenCount() + opaqueGiven.length
  }
  const candidates = [...tree.nodes.values()].filter((n) => n.changed > 0)
  for (let steps = 0; !fits(tally, budgets) && steps < 100_000; steps++) {
    const best = nextCandidate(candidates, tally, budgets)
    if (!best) return undefined
    choose(best.node)
    tally.files -= best.gain
    tally.dirs += best.dirs
  }
  if (!fits(tally, budgets)) return undefined

  const chosen = [...tree.nodes.values()].filter((n) => n.chosen)
  const files: string[] = []
  input.files.forEach((url, i) => {
    let under = false
    for (let n = fileDirs[i]; n && !under; n = n.parent) under = n.chosen
    if (!under) files.push(url)
  })
  const directories: CollapsedDirectory[] = chosen
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map((n) => ({ url: n.url, replaced: n.changed, collateral: n.collateral, given: n.given }))
  for (const url of opaqueGiven) directories.push({ url, replaced: 0, collateral: 0, given: true })
  return { files, directories }
}
