export const id = 827;
export const ids = [827];
export const modules = {

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

/***/ 827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openGitHub: () => (/* binding */ openGitHub)
/* harmony export */ });
/* harmony import */ var _changes_github_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(123);

/**
 * Opens the API. Each call is given up when no byte of an answer has come for `callMs` (a
 * transfer still moving data goes on); the retries stop once the API has been silent for
 * `totalMs` in all. `close` ends the connections it kept.
 */
async function openGitHub(options) {
    const [{ getOctokit }, { fetch }, { createDispatchers }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413)),
        __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19)),
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(494)]).then(__webpack_require__.bind(__webpack_require__, 7494))
    ]);
    const { callMs } = options.deadlines;
    const dispatchers = createDispatchers(options.proxy, {
        connect: { timeout: callMs },
        headersTimeout: callMs,
        bodyTimeout: callMs
    });
    const deadlineFetch = (url, init) => fetch(url, { ...init, dispatcher: dispatchers.for(new URL(String(url))) });
    const octokit = getOctokit(options.token, {
        baseUrl: options.apiUrl,
        request: { fetch: deadlineFetch }
    });
    return {
        github: {
            request: (0,_changes_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .retryingRequest */ .sP)((route, params) => octokit.request(route, params), options.clock, options.log, options.deadlines),
            repo: options.repository
        },
        close: () => dispatchers.close()
    };
}


/***/ })

};
