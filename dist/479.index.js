export const id = 479;
export const ids = [479,345];
export const modules = {

/***/ 9479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diffChanges: () => (/* binding */ diffChanges)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/changes/github-api.ts
var github_api = __webpack_require__(123);
// EXTERNAL MODULE: ./src/changes/git.ts
var changes_git = __webpack_require__(1345);
;// CONCATENATED MODULE: ./src/changes/list.ts


async function fromGit(sources, base, head) {
    const { git } = sources;
    if (base === undefined) {
        await (0,changes_git.ensureCommit)(git, head, 2);
        base = await (0,changes_git.parentOrEmptyTree)(git, head);
    }
    else {
        await (0,changes_git.ensureCommit)(git, base);
        await (0,changes_git.ensureCommit)(git, head);
    }
    return { ...(await (0,changes_git.diffPaths)(git, base, head)), source: 'local git', base, head };
}
async function fromApi(sources, request) {
    if (!sources.github) {
        throw new Error('there is no git checkout in GITHUB_WORKSPACE and no github-token or GITHUB_REPOSITORY to ask the GitHub API');
    }
    const { request: call, repo } = sources.github;
    if (request.kind === 'created') {
        const listed = await (0,github_api/* listCommitFromApi */.OW)(call, repo, request.head);
        return { ...listed, source: 'GitHub API', base: `${request.head}^`, head: request.head };
    }
    const listed = await (0,github_api/* listChangesFromApi */.GB)(call, repo, request.base, request.head, request.forced);
    return { ...listed, source: 'GitHub API', base: request.base, head: request.head };
}
/**
 * Lists every path changed between the two commits: a local `git diff` when there is a checkout
 * (fetching missing commits shallowly), otherwise the GitHub API.
 */
async function listChangedPaths(sources, request) {
    if (await (0,changes_git.isGitCheckout)(sources.workspace, sources.git)) {
        try {
            return await fromGit(sources, request.kind === 'diff' ? request.base : undefined, request.head);
        }
        catch (error) {
            sources.info(`Local git could not list the changes (${error instanceof Error ? error.message : String(error)}); asking the GitHub API.`);
        }
    }
    return fromApi(sources, request);
}

// EXTERNAL MODULE: ./src/changes/policy.ts
var policy = __webpack_require__(1923);
// EXTERNAL MODULE: ./src/changes/event.ts
var changes_event = __webpack_require__(5097);
;// CONCATENATED MODULE: ./src/changes/runs.ts



const PER_PAGE = 100;
/** Pages of successful runs read at most: 1,000 runs. */
const MAX_PAGES = 10;
/** What came back, in a few words: for an answer that is not what the Actions API sends. */
function describeAnswer(data) {
    if (typeof data === 'string') {
        const text = data.trim();
        const kind = /^<(!doctype|html)/i.test(text) ? 'an HTML page' : 'text';
        return `${kind} (${JSON.stringify(text.slice(0, 80))}${text.length > 80 ? '…' : ''})`;
    }
    if (data === null || data === undefined)
        return 'an empty answer';
    return `JSON without the expected fields (${JSON.stringify(data).slice(0, 80)})`;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A run object of the Actions API, or undefined when the answer is not one. */
function runOf(raw) {
    if (!isObject(raw))
        return undefined;
    const id = Number(raw.id);
    const workflowId = Number(raw.workflow_id);
    if (!Number.isSafeInteger(id) || !Number.isSafeInteger(workflowId))
        return undefined;
    return {
        id,
        workflowId,
        runNumber: Number(raw.run_number),
        headSha: String(raw.head_sha ?? ''),
        headBranch: String(raw.head_branch ?? ''),
        createdAt: String(raw.created_at ?? '')
    };
}
/** Every failure of the runs API as an error that says what was asked and what came back. */
function explain(error, what) {
    if (error instanceof errors/* UserError */.y)
        throw error;
    const status = (0,github_api/* statusOf */.c2)(error);
    if (status === 403) {
        throw new errors/* UserError */.y(`The GitHub API refused to ${what} (HTTP 403). Give the job 'permissions: actions: read' (with contents: read), so that the action can find the last successful run.`);
    }
    throw new errors/* UserError */.y(`Could not ${what}: the GitHub API answered ${status ? `HTTP ${status}` : 'nothing'} (${(0,errors/* messageOf */.b)(error)}). Check 'github-token' and that GITHUB_API_URL points at the GitHub API.`);
}
function unexpected(what, data) {
    throw new errors/* UserError */.y(`Could not ${what}: the GitHub API answered with ${describeAnswer(data)}, not the JSON of the Actions API. Check that GITHUB_API_URL points at the GitHub API.`);
}
/** One workflow run by ID. */
async function getRun(request, repo, runId) {
    const what = `read workflow run ${runId}`;
    let data;
    try {
        ;
        ({ data } = await request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
            ...repo,
            run_id: runId
        }));
    }
    catch (error) {
        explain(error, what);
    }
    return runOf(data) ?? unexpected(what, data);
}
/**
 * The newest successful run of a workflow on a branch, other than `exclude` and (when given)
 * created before `before`; undefined when there is none.
 */
async function lastSuccessfulRun(request, repo, workflowId, branch, exclude, before) {
    const what = `list the successful runs of workflow ${workflowId}`;
    for (let page = 1; page <= MAX_PAGES; page++) {
        let data;
        try {
            ;
            ({ data } = await request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
                ...repo,
                workflow_id: workflowId,
                branch,
                status: 'success',
                per_page: PER_PAGE,
                page
            }));
        }
        catch (error) {
            explain(error, what);
        }
        const list = isObject(data) ? data.workflow_runs : undefined;
        if (!Array.isArray(list))
            unexpected(what, data);
        for (const raw of list) {
            const run = runOf(raw) ?? unexpected(what, raw);
            if (run.id === exclude)
                continue;
            if (before && run.createdAt && run.createdAt >= before)
                continue;
            if (changes_event/* SHA_PATTERN */.yw.test(run.headSha))
                return run;
        }
        if (list.length < PER_PAGE)
            return undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/changes/diff.ts





// The changes of a diff (SPEC 4.1.1, 4.1.2): a push, `base` and `head`, the last successful run,
// or a deploy run; listed by git or the GitHub API. Loaded only when a run has a diff to list.
const describeRun = (run) => `run #${run.runNumber} (ID ${run.id}) of ${run.createdAt.slice(0, 10) || 'an unknown date'}`;
async function requireGitHub(connections, why) {
    const github = await connections.github();
    if (!github) {
        throw new errors/* UserError */.y(`${why} needs the GitHub API, but 'github-token' or GITHUB_REPOSITORY is missing.`);
    }
    return github;
}
/** Turns `last-success` and `workflow_run` into a diff, or a created ref when no run came before. */
async function resolveBase(request, facts, connections) {
    if (request.kind === 'last-success') {
        const { request: call, repo } = await requireGitHub(connections, "'base: last-success'");
        const runId = Number(facts.runId);
        const current = await getRun(call, repo, runId);
        const branch = current.headBranch || facts.refName;
        const previous = await lastSuccessfulRun(call, repo, current.workflowId, branch, runId);
        if (!previous)
            return {
                request: {
                    kind: 'created',
                    head: request.head,
                    ref: '',
                    why: `This workflow has no earlier successful run on ${branch}`
                }
            };
        connections.log.info(`The last successful run on ${branch} is ${describeRun(previous)}, at ${previous.headSha}.`);
        // History may have been rewritten since: diff the two trees directly, as for a forced push.
        return {
            request: { kind: 'diff', base: previous.headSha, head: request.head, forced: true },
            baseRun: previous
        };
    }
    if (request.kind === 'workflow-run') {
        const { run } = request;
        const { request: call, repo } = await requireGitHub(connections, 'A workflow_run event');
        const previous = await lastSuccessfulRun(call, repo, run.workflowId, run.headBranch, run.id, run.createdAt);
        const trigger = `run ${run.runNumber !== undefined ? `#${run.runNumber} ` : ''}(ID ${run.id}) of workflow ${run.workflowId}`;
        if (!previous)
            return {
                request: {
                    kind: 'created',
                    head: run.headSha,
                    ref: '',
                    why: `The deploy workflow has no earlier successful run on ${run.headBranch || 'its branch'}`
                },
                trigger
            };
        return {
            request: { kind: 'diff', base: previous.headSha, head: run.headSha, forced: true },
            baseRun: previous,
            trigger
        };
    }
    return { request };
}
/** Lists the paths of a diff, or says why the fallback applies instead. */
async function diffChanges(ruled, settings, facts, connections) {
    const log = connections.log;
    const unlisted = (error, notes) => {
        const note = (0,policy/* whenUnlisted */.ZT)(error, settings.hasFallback);
        log.warning(note);
        return (0,policy/* fallbackChanges */.iU)([...notes, note]);
    };
    let resolved;
    try {
        resolved = await resolveBase(ruled, facts, connections);
    }
    catch (error) {
        // A GitHub API that does not answer: the fallback, as for a diff that cannot be listed.
        if (error instanceof github_api/* GitHubSilentError */.ze)
            return unlisted(error, []);
        throw error;
    }
    const { request, baseRun, trigger } = resolved;
    if (request.kind !== 'diff' && request.kind !== 'created')
        return (0,policy/* noChanges */.rw)();
    const notes = [];
    if (request.kind === 'created') {
        const decision = (0,policy/* whenNoBase */.fE)(request.why ?? `${request.ref || 'The ref'} is new`, settings.hasFallback);
        if (decision.fallback) {
            log.info(decision.note);
            return (0,policy/* fallbackChanges */.iU)([decision.note]);
        }
        log.warning(decision.warning);
        notes.push(decision.warning);
    }
    if (settings.rules.mappings.length === 0)
        return (0,policy/* noChanges */.rw)(notes);
    try {
        const github = await connections.github();
        const listing = await listChangedPaths({ workspace: connections.workspace, git: connections.git, github, info: (m) => log.info(m) }, request);
        return {
            paths: listing.paths,
            removed: listing.removed,
            useFallback: false,
            source: { kind: 'git', listing, baseRun, trigger },
            notes
        };
    }
    catch (error) {
        // The API's own errors (too many files, a used-up rate limit, silence) say what to do already.
        if (error instanceof errors/* UserError */.y)
            return unlisted(error, notes);
        const base = request.kind === 'diff' ? request.base : `${request.head}^`;
        return unlisted(new errors/* UserError */.y(`Could not list the files changed between ${base} and ${request.head}: ${(0,errors/* messageOf */.b)(error)}. ` +
            "Check out the repository before this step (actions/checkout), or give 'github-token' with contents: read, or give 'fallback' targets."), notes);
    }
}


/***/ }),

/***/ 1345:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitRunner: () => (/* binding */ createGitRunner),
/* harmony export */   diffPaths: () => (/* binding */ diffPaths),
/* harmony export */   ensureCommit: () => (/* binding */ ensureCommit),
/* harmony export */   isGitCheckout: () => (/* binding */ isGitCheckout),
/* harmony export */   listTree: () => (/* binding */ listTree),
/* harmony export */   parentOrEmptyTree: () => (/* binding */ parentOrEmptyTree)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_bytes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1671);


function createGitRunner(workspace, env) {
    return async (args) => {
        // Loaded on first use: a run that needs no git pays nothing for child processes.
        const { execFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
        return new Promise((resolve, reject) => {
            execFile('git', ['-c', 'core.quotepath=off', '-c', `safe.directory=${workspace}`, ...args], {
                cwd: workspace,
                maxBuffer: 512 * 1024 * 1024,
                encoding: 'buffer',
                env: { ...env, GIT_TERMINAL_PROMPT: '0' }
            }, (error, stdout, stderr) => {
                if (error)
                    reject(new Error(`git ${args[0]} failed: ${(stderr.toString('utf8') || error.message).trim().split('\n')[0]}`));
                else
                    resolve(stdout);
            });
        });
    };
}
const textOf = async (git, args) => (await git(args)).toString('utf8').trim();
/** NUL-separated names, each decoded from its bytes (SPEC 4.1.4: file names are bytes). */
function names(out) {
    const list = [];
    let start = 0;
    for (let i = out.indexOf(0); i >= 0; i = out.indexOf(0, start)) {
        if (i > start)
            list.push((0,_util_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeName */ .e)(out.subarray(start, i)));
        start = i + 1;
    }
    if (start < out.length)
        list.push((0,_util_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeName */ .e)(out.subarray(start)));
    return list;
}
/** A usable checkout: a git work tree at the workspace. */
async function isGitCheckout(workspace, git) {
    if (!workspace || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(workspace))
        return false;
    try {
        return (await textOf(git, ['rev-parse', '--is-inside-work-tree'])) === 'true';
    }
    catch {
        return false;
    }
}
async function hasCommit(git, sha) {
    try {
        await git(['cat-file', '-e', `${sha}^{commit}`]);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Makes sure a commit (and `depth - 1` of its ancestors) is here, with a shallow fetch when the
 * checkout does not have it, as on actions/checkout's default depth-1 clone.
 */
async function ensureCommit(git, sha, depth = 1) {
    if (depth === 1 && (await hasCommit(git, sha)))
        return;
    if (depth > 1 && (await hasCommit(git, `${sha}~${depth - 1}`)))
        return;
    await git([
        'fetch',
        '--no-tags',
        '--no-write-fetch-head',
        '--quiet',
        `--depth=${depth}`,
        'origin',
        sha
    ]);
}
/** Paths that differ between two commits' trees, and those of them that `head` no longer has. */
async function diffPaths(git, base, head) {
    // --no-renames lists a rename as its old path (deleted) and its new path (added): both are stale.
    const diff = (...filter) => git(['diff', '--no-renames', '--no-ext-diff', '--name-only', '-z', ...filter, base, head, '--']);
    const [all, removed] = await Promise.all([diff(), diff('--diff-filter=D')]);
    return { paths: names(all), removed: names(removed) };
}
/** The parent of a commit, or the empty tree for a root commit. */
async function parentOrEmptyTree(git, sha) {
    const parents = (await textOf(git, ['rev-list', '--parents', '-n', '1', sha, '--'])).split(' ');
    if (parents.length > 1)
        return parents[1];
    return textOf(git, ['hash-object', '-t', 'tree', '/dev/null']);
}
/** Every file path of a commit's tree, for weighing which directories to collapse into. */
async function listTree(git, commit) {
    return names(await git(['ls-tree', '-r', '--name-only', '-z', commit, '--']));
}


/***/ }),

/***/ 123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GB: () => (/* binding */ listChangesFromApi),
/* harmony export */   OW: () => (/* binding */ listCommitFromApi),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   sP: () => (/* binding */ retryingRequest),
/* harmony export */   ze: () => (/* binding */ GitHubSilentError)
/* harmony export */ });
/* unused harmony export pathsOfFile */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _util_backoff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9360);


function failureOf(error) {
    return (error && typeof error === 'object' ? error : {});
}
/** A primary rate limit: GitHub says no more calls until the hour resets. */
function isPrimaryRateLimit(f) {
    return ((f.status === 403 || f.status === 429) && f.response?.headers?.['x-ratelimit-remaining'] === '0');
}
/** Worth sending again: no answer, a server error, or a secondary rate limit. */
function isTransient(error) {
    if (error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y)
        return false;
    const f = failureOf(error);
    if (isPrimaryRateLimit(f))
        return false;
    if (f.status === undefined || f.status >= 500)
        return true;
    if (f.status === 429)
        return true;
    return (f.status === 403 &&
        (/secondary rate limit/i.test(f.message ?? '') || Boolean(f.response?.headers?.['retry-after'])));
}
/** The GitHub API gave no answer for the whole of its deadline (SPEC 4.1.4). */
class GitHubSilentError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
}
/**
 * The GitHub API with the same bounded retries as the Alibaba Cloud calls (5xx, network errors,
 * secondary rate limits); a primary rate limit is a clear error quoting GitHub's message. Each
 * call's own deadline is the transport's (connect.ts); here, the API may cost at most
 * `deadlines.totalMs` of silence in all, retries and their waits included, across every call.
 */
function retryingRequest(request, clock, log, deadlines, policy = _util_backoff_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRY */ .v) {
    let silentMs = 0;
    const silent = (route, last) => new GitHubSilentError(`The GitHub API gave no answer for ${Math.round(deadlines.totalMs / 1000)} s in all (${route}${last ? `: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .b)(last)}` : ''}).`);
    return (route, params) => (0,_util_backoff_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .b)(async () => {
        if (silentMs >= deadlines.totalMs)
            throw silent(route);
        const started = clock.now();
        try {
            return await request(route, params);
        }
        catch (error) {
            const f = failureOf(error);
            if (isPrimaryRateLimit(f)) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`The GitHub API rate limit is used up (${route}): ${(f.message ?? 'HTTP 403').replace(/\.$/, '')}. Wait for it to reset, or check out the repository so that git lists the changes.`);
            }
            if (!f.response) {
                silentMs += clock.now() - started;
                if (silentMs >= deadlines.totalMs)
                    throw silent(route, error);
            }
            throw error;
        }
    }, policy, clock, {
        retryable: (error) => isTransient(error),
        minimumWait: (error) => {
            const after = Number(failureOf(error).response?.headers?.['retry-after']);
            return Number.isFinite(after) && after > 0 ? Math.min(after, 60) * 1000 : 0;
        },
        onRetry: (error, attempt, wait) => {
            if (!failureOf(error).response)
                silentMs += wait;
            log(`GitHub API ${route}: attempt ${attempt} failed (${failureOf(error).status ?? (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .b)(error)}); trying again in ${(wait / 1000).toFixed(1)} s.`);
        }
    });
}
/** The HTTP status of a GitHub API failure, if it had one. */
function statusOf(error) {
    return failureOf(error).status;
}
/** The compare API lists at most 300 files, on its first page only, and never says it stopped. */
const COMPARE_FILE_CAP = 300;
/** Get-a-commit pages through at most 3,000 files. */
const COMMIT_FILE_CAP = 3000;
const PER_PAGE = 100;
/** The diff is larger than the API can list; the fallback targets apply, if there are any. */
class ChangesTooLargeError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
}
/** Paths a file entry makes stale (SPEC 4.1): both sides of a rename, the new path of a copy. */
function pathsOfFile(file) {
    if (file.status === 'unchanged')
        return [];
    if (file.status === 'renamed' && file.previous_filename)
        return [file.previous_filename, file.filename];
    return [file.filename];
}
async function commitFiles(request, repo, sha) {
    const files = [];
    for (let page = 1; page <= COMMIT_FILE_CAP / PER_PAGE; page++) {
        const { data } = await request('GET /repos/{owner}/{repo}/commits/{ref}', {
            ...repo,
            ref: sha,
            per_page: PER_PAGE,
            page
        });
        const pageFiles = (data.files ?? []);
        for (const file of pageFiles)
            files.push(file);
        if (pageFiles.length < PER_PAGE)
            return files;
    }
    throw new ChangesTooLargeError(`Commit ${sha} changes more than ${COMMIT_FILE_CAP} files, more than the GitHub API lists. ` +
        "Check out the repository before this step so the action can use git, or give 'fallback' targets.");
}
async function compare(request, repo, base, head) {
    const commits = [];
    let files = [];
    for (let page = 1; page <= 1000; page++) {
        const { data } = await request('GET /repos/{owner}/{repo}/compare/{basehead}', {
            ...repo,
            basehead: `${base}...${head}`,
            per_page: PER_PAGE,
            page
        });
        const body = data;
        if (page === 1)
            files = body.files ?? [];
        const pageCommits = body.commits ?? [];
        for (const commit of pageCommits)
            commits.push(commit.sha);
        const total = typeof body.total_commits === 'number' ? body.total_commits : commits.length;
        if (pageCommits.length === 0 || commits.length >= total)
            break;
    }
    return { files, commits };
}
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    });
    await Promise.all(workers);
    return results;
}
/**
 * Gathers file entries in commit order: a path's last entry says whether head still has it.
 * `reverse` entries come from head to base, where a path `added` is one that head lacks.
 */
class FileList {
    gone = new Map();
    add(files, reverse = false) {
        for (const file of files) {
            const paths = pathsOfFile(file);
            paths.forEach((path, i) => {
                const renamedAway = file.status === 'renamed' && i === 0 && paths.length > 1;
                const removed = reverse ? file.status === 'added' : file.status === 'removed' || renamedAway;
                if (reverse && this.gone.has(path))
                    return;
                this.gone.set(path, removed);
            });
        }
    }
    listed() {
        const removed = [];
        for (const [path, gone] of this.gone)
            if (gone)
                removed.push(path);
        return { paths: [...this.gone.keys()], removed };
    }
}
/**
 * Changed paths between two commits from the GitHub API, complete beyond the compare API's cap:
 * a short compare list is taken as it is; a capped one is replaced by every commit's own files.
 */
async function listChangesFromApi(request, repo, base, head, forced) {
    // A forced push's old commits are not ancestors of the new head: list both sides from their
    // merge base, so that files touched only by the dropped commits are refreshed too.
    const sides = forced
        ? [compare(request, repo, base, head), compare(request, repo, head, base)]
        : [compare(request, repo, base, head)];
    const comparisons = await Promise.all(sides);
    const list = new FileList();
    for (const [side, comparison] of comparisons.entries()) {
        if (comparison.files.length < COMPARE_FILE_CAP) {
            list.add(comparison.files, side === 1);
            continue;
        }
        const perCommit = await mapLimit(comparison.commits, 4, (sha) => commitFiles(request, repo, sha));
        for (const files of perCommit)
            list.add(files, side === 1);
    }
    return list.listed();
}
/** The files of one commit against its first parent: a new branch's head. */
async function listCommitFromApi(request, repo, sha) {
    const list = new FileList();
    list.add(await commitFiles(request, repo, sha));
    return list.listed();
}


/***/ }),

/***/ 1671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ textProblem),
/* harmony export */   e: () => (/* binding */ decodeName)
/* harmony export */ });
/**
 * File names are bytes (SPEC 4.1.4). A name that is valid UTF-8 becomes its text; in one that is
 * not, each byte that is not part of a valid sequence becomes U+DC80 to U+DCFF (the byte plus
 * 0xDC00), so that no name is lost or confused with another, its URL percent-encodes the byte itself (`%FF`).
 */
function decodeName(bytes) {
    const text = bytes.toString('utf8');
    if (!text.includes('\ufffd') || Buffer.from(text, 'utf8').equals(bytes))
        return text;
    let out = '';
    let i = 0;
    while (i < bytes.length) {
        const length = sequenceLength(bytes, i);
        if (length === 0) {
            out += String.fromCharCode(0xdc00 + bytes[i]);
            i++;
        }
        else {
            out += bytes.subarray(i, i + length).toString('utf8');
            i += length;
        }
    }
    return out;
}
/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes, i) {
    const b = bytes[i];
    const cont = (k) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
    if (b < 0x80)
        return 1;
    if (b >= 0xc2 && b <= 0xdf)
        return cont(1) ? 2 : 0;
    if (b >= 0xe0 && b <= 0xef) {
        if (!cont(1) || !cont(2))
            return 0;
        const b1 = bytes[i + 1];
        if (b === 0xe0 && b1 < 0xa0)
            return 0;
        if (b === 0xed && b1 >= 0xa0)
            return 0;
        return 3;
    }
    if (b >= 0xf0 && b <= 0xf4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        const b1 = bytes[i + 1];
        if (b === 0xf0 && b1 < 0x90)
            return 0;
        if (b === 0xf4 && b1 >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}
/** Where text that must be UTF-8 is not: the 1-based line and why, or undefined when it is fine. */
function textProblem(bytes) {
    const lineAt = (end) => {
        let line = 1;
        for (let j = bytes.indexOf(0x0a); j >= 0 && j < end; j = bytes.indexOf(0x0a, j + 1))
            line++;
        return line;
    };
    // A NUL byte says binary first: a binary file is not a text file, whatever else it holds.
    const nul = bytes.indexOf(0);
    if (nul >= 0)
        return { line: lineAt(nul), problem: 'holds a NUL byte: it is not a text file' };
    let line = 1;
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b === 0x0a)
            line++;
        const length = sequenceLength(bytes, i);
        if (length === 0)
            return {
                line,
                problem: `is not valid UTF-8 (byte 0x${b.toString(16).toUpperCase().padStart(2, '0')}); save the file as UTF-8`
            };
        i += length;
    }
    return undefined;
}


/***/ })

};
