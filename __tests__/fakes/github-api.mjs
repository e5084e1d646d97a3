// A fake GitHub REST API on loopback with the endpoints the action uses, and their real caps:
// compare lists at most 300 files, on its first page only, and says nothing when it stops;
// get-a-commit pages through at most 3,000 files; the Actions runs API lists successful runs of a
// workflow on a branch, newest first, paged.
import { createServer } from 'node:http'

/**
 * history: { [sha]: { parents: string[], files: [{ filename, status, previous_filename? }] } }
 * Options: token (required as the Authorization bearer), lifetimeMs, runs (workflow runs:
 * { id, workflow_id, head_sha, head_branch, run_number, created_at, conclusion }), forbidActions
 * (the token lacks actions: read: 403 on the runs API), faults ([{ match: RegExp on the path,
 * status, times, headers?, message? }], answered before anything else; GitHub's rate-limit
 * answers carry `retry-after` or `x-ratelimit-remaining: 0`), hang (a RegExp: such paths never
 * answer), html (a RegExp: such paths answer 200 with an HTML page, as a proxy's login page does).
 */
export async function startFakeGitHub(history, options = {}) {
  const token = options.token ?? 'ghs_fakeToken'
  const requests = []
  const runs = options.runs ?? []
  const faults = (options.faults ?? []).map((f) => ({ ...f, left: f.times ?? 1 }))
  const hanging = new Set()

  function ancestors(sha) {
    const seen = new Set()
    const stack = [sha]
    while (stack.length > 0) {
      const next = stack.pop()
      if (seen.has(next) || !history[next]) continue
      seen.add(next)
      stack.push(...history[next].parents)
    }
    return seen
  }

  /**
   * The tree at a commit: each path with the commit that last wrote it, following the first
   * parent back to the root and applying each commit's files in order.
   */
  function treeAt(sha) {
    const chain = []
    for (let at = sha; at && history[at]; at = history[at].parents[0]) chain.unshift(at)
    const tree = new Map()
    for (const commit of chain)
      for (const file of history[commit].files) {
        if (file.status === 'removed') tree.delete(file.filename)
        else {
          if (file.status === 'renamed' && file.previous_filename)
            tree.delete(file.previous_filename)
          tree.set(file.filename, commit)
        }
      }
    return tree
  }

  /** The newest common ancestor of two commits, as compare's three dots diff from. */
  function mergeBase(base, head) {
    const fromBase = ancestors(base)
    const queue = [head]
    const seen = new Set()
    while (queue.length > 0) {
      const sha = queue.shift()
      if (seen.has(sha) || !history[sha]) continue
      seen.add(sha)
      if (fromBase.has(sha)) return sha
      queue.push(...history[sha].parents)
    }
    return undefined
  }

  /** The net difference between two trees, as compare lists it: what head has against the base. */
  function netFiles(base, head) {
    const before = base ? treeAt(base) : new Map()
    const after = treeAt(head)
    const files = []
    for (const [path, version] of after) {
      if (!before.has(path)) files.push({ filename: path, status: 'added' })
      else if (before.get(path) !== version) files.push({ filename: path, status: 'modified' })
    }
    for (const path of before.keys())
      if (!after.has(path)) files.push({ filename: path, status: 'removed' })
    return files.sort((a, b) => (a.filename < b.filename ? -1 : 1))
  }

  /** Commits reachable from head but not from base, oldest first, and their merge base. */
  function between(base, head) {
    const fromBase = ancestors(base)
    const list = []
    let sha = head
    const order = []
    const stack = [head]
    const seen = new Set()
    while (stack.length > 0) {
      sha = stack.pop()
      if (seen.has(sha) || fromBase.has(sha) || !history[sha]) continue
      seen.add(sha)
      order.push(sha)
      stack.push(...history[sha].parents)
    }
    for (const s of order.reverse()) list.push(s)
    return list
  }

  function send(res, status, body) {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    res.end(text)
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    requests.push({
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      auth: req.headers.authorization
    })
    if (
      req.headers.authorization !== `token ${token}` &&
      req.headers.authorization !== `Bearer ${token}`
    ) {
      return send(res, 401, { message: 'Bad credentials' })
    }
    if (options.hang?.test(url.pathname)) {
      hanging.add(res)
      return
    }
    if (options.html?.test(url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      return res.end('<!DOCTYPE html><html><body><h1>Sign in to continue</h1></body></html>')
    }
    const fault = faults.find((f) => f.left > 0 && f.match.test(url.pathname))
    if (fault) {
      fault.left--
      const body = JSON.stringify({ message: fault.message ?? `Injected ${fault.status}` })
      res.writeHead(fault.status, {
        'content-type': 'application/json; charset=utf-8',
        ...(fault.headers ?? {})
      })
      return res.end(body)
    }
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
    const page = Number(url.searchParams.get('page') ?? 1)
    if (/^\/repos\/[^/]+\/[^/]+\/actions\//.test(url.pathname) && options.forbidActions)
      return send(res, 403, { message: 'Resource not accessible by integration' })
    const oneRun = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)$/.exec(url.pathname)
    if (oneRun) {
      const run = runs.find((r) => r.id === Number(oneRun[3]))
      return run ? send(res, 200, run) : send(res, 404, { message: 'Not Found' })
    }
    const workflowRuns = /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/(\d+)\/runs$/.exec(
      url.pathname
    )
    if (workflowRuns) {
      const branch = url.searchParams.get('branch')
      const status = url.searchParams.get('status')
      const matching = runs
        .filter((r) => r.workflow_id === Number(workflowRuns[3]))
        .filter((r) => !branch || r.head_branch === branch)
        .filter((r) => !status || r.conclusion === status)
        .sort((a, b) => (a.created_at < b.created_at ? 1 : -1))
      return send(res, 200, {
        total_count: matching.length,
        workflow_runs: matching.slice((page - 1) * perPage, page * perPage)
      })
    }
    const compare = /^\/repos\/([^/]+)\/([^/]+)\/compare\/(.+)$/.exec(url.pathname)
    if (compare) {
      const [base, head] = decodeURIComponent(compare[3]).split('...')
      if (!history[base] || !history[head]) return send(res, 404, { message: 'Not Found' })
      const commits = between(base, head)
      const files = netFiles(mergeBase(base, head), head)
      return send(res, 200, {
        status: 'ahead',
        total_commits: commits.length,
        commits: commits.slice((page - 1) * perPage, page * perPage).map((sha) => ({ sha })),
        files: page === 1 ? files.slice(0, 300) : []
      })
    }
    const commit = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/.exec(url.pathname)
    if (commit) {
      const entry = history[commit[3]]
      if (!entry) return send(res, 404, { message: 'No commit found' })
      const capped = entry.files.slice(0, 3000)
      return send(res, 200, {
        sha: commit[3],
        parents: entry.parents.map((sha) => ({ sha })),
        files: capped.slice((page - 1) * perPage, page * perPage)
      })
    }
    send(res, 404, { message: 'Not Found' })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const close = () =>
    new Promise((resolve) => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections?.()
      server.close(() => resolve())
    })
  const timer = setTimeout(close, options.lifetimeMs ?? 120_000)
  timer.unref()
  return { url: `http://127.0.0.1:${server.address().port}`, token, requests, close }
}
