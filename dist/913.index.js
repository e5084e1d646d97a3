export const id = 913;
export const ids = [913];
export const modules = {

/***/ 6913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createManifestStore: () => (/* binding */ createManifestStore)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/runner/commands.ts
var commands = __webpack_require__(6342);
;// CONCATENATED MODULE: ./src/runner/capture.ts

/**
 * Holds back what a library writes to stdout and stderr while its operation runs, so that its
 * lines never reach the log raw (SPEC 4.1.3, 5): they are given back, to be printed inertly. The
 * action's own lines do not go through process.stdout (runner/commands.ts), so they pass. The
 * hold lasts until `release`, which the caller gives when the library is really done, even after
 * it has stopped waiting for it: whatever an abandoned operation prints later is dropped.
 */
function captureOutput() {
    (0,commands/* librariesMayWrite */.uy)();
    const chunks = [];
    const streams = [process.stdout, process.stderr];
    const originals = streams.map((stream) => stream.write);
    streams.forEach((stream) => {
        stream.write = ((chunk, ...rest) => {
            chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
            const done = rest.find((r) => typeof r === 'function');
            done?.();
            return true;
        });
    });
    let released = false;
    return {
        lines: () => chunks
            .join('')
            .split(/\r?\n/)
            .filter((line) => line !== ''),
        release() {
            if (released)
                return;
            released = true;
            streams.forEach((stream, i) => (stream.write = originals[i]));
        }
    };
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __webpack_require__(3053);
;// CONCATENATED MODULE: ./src/cache/deadline.ts

function silenceBudget(deadlines) {
    return { deadlines, spentMs: 0 };
}
const seconds = (ms) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
class ServiceSilentError extends Error {
    constructor(deadlines) {
        super(`the service gave no answer within ${seconds(deadlines.totalMs)} in all (${seconds(deadlines.callMs)} a request, retries included)`);
        this.name = 'ServiceSilentError';
    }
}
const CHANNEL = 'http.client.request.start';
/** How often the silence is counted. */
const TICK_MS = 250;
/**
 * Runs one operation of the service within the budget. Past it, the operation is given up with
 * ServiceSilentError, its requests are ended, and any it starts later fail at once; the watch on
 * them lasts until the library settles.
 */
async function withinDeadlines(budget, operation) {
    const { callMs, totalMs } = budget.deadlines;
    const exhausted = () => budget.spentMs >= totalMs;
    if (exhausted())
        throw new ServiceSilentError(budget.deadlines);
    const open = new Set();
    let lastByte = Date.now();
    const touch = () => (lastByte = Date.now());
    const onStart = (message) => {
        const request = message.request;
        if (exhausted()) {
            request.destroy(new ServiceSilentError(budget.deadlines));
            return;
        }
        open.add(request);
        request.on('close', () => open.delete(request));
        const watch = (socket) => socket.on('data', touch);
        if (request.socket)
            watch(request.socket);
        else
            request.on('socket', watch);
        request.setTimeout(callMs, () => request.destroy(new Error(`no answer within ${seconds(callMs)}`)));
    };
    (0,external_node_diagnostics_channel_.subscribe)(CHANNEL, onStart);
    const settled = operation().finally(() => (0,external_node_diagnostics_channel_.unsubscribe)(CHANNEL, onStart));
    settled.catch(() => undefined);
    let ticker;
    const silent = new Promise((_, reject) => {
        ticker = setInterval(() => {
            if (Date.now() - lastByte >= TICK_MS)
                budget.spentMs += TICK_MS;
            if (!exhausted())
                return;
            for (const request of open)
                request.destroy(new ServiceSilentError(budget.deadlines));
            reject(new ServiceSilentError(budget.deadlines));
        }, TICK_MS);
        ticker.unref();
    });
    try {
        return await Promise.race([settled, silent]);
    }
    finally {
        clearInterval(ticker);
    }
}

;// CONCATENATED MODULE: ./src/cache/manifest-store.ts





/**
 * Entries are saved as `<key>/<run id>-<run attempt>`: no manifest key holds a `/`, so the key
 * `docs` never restores an entry of `docs-v2`.
 */
const SEPARATOR = '/';
/**
 * The manifest's place, relative to the workspace: the cache version is a hash of the paths as
 * given, so a relative path finds the entry from any runner, whatever its workspace's absolute
 * path (container jobs, self-hosted pools).
 */
const FOLDER = '.edge-refresh-manifest';
const FILE = `${FOLDER}/manifest.json`;
/** The stored form: one JSON document with the run it came from. */
function serialize(manifest, origin) {
    return JSON.stringify({ version: 1, origin, files: Object.fromEntries(manifest) });
}
function parse(text) {
    const data = JSON.parse(text);
    if (data.version !== 1 || !data.files || typeof data.files !== 'object')
        throw new Error('not a manifest of this action');
    const manifest = new Map();
    for (const [path, hash] of Object.entries(data.files))
        if (typeof hash === 'string')
            manifest.set(path, hash);
    return { manifest, origin: data.origin ?? { runId: '' } };
}
/** The Actions cache behind the ManifestStore; `@actions/cache` is loaded only when it is used. */
function createManifestStore(options) {
    const { log } = options;
    const file = (0,external_node_path_.join)(options.workspace, FILE);
    const prefix = `${options.key}${SEPARATOR}`;
    let library;
    const load = () => (library ??= Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(838), __webpack_require__.e(581), __webpack_require__.e(93)]).then(__webpack_require__.bind(__webpack_require__, 2093)));
    const budget = silenceBudget(options.deadlines);
    const cleanUp = () => (0,promises_.rm)((0,external_node_path_.join)(options.workspace, FOLDER), { recursive: true, force: true });
    /**
     * One operation of the library: from the workspace, so that the relative path resolves there;
     * within the deadlines; and what the library prints held back and shown inertly in one folded
     * group. Returns the operation's value, or throws its error after the group.
     */
    async function operate(title, operation) {
        const cache = await load();
        const cwd = process.cwd();
        const capture = captureOutput();
        let result;
        try {
            const value = await withinDeadlines(budget, async () => {
                process.chdir(options.workspace || cwd);
                try {
                    return await operation(cache);
                }
                finally {
                    process.chdir(cwd);
                    // The library is done: its output goes back to the log (it was held till now).
                    capture.release();
                }
            });
            result = { value, failed: false };
        }
        catch (error) {
            result = { error, failed: true };
        }
        await log.group(title, async () => log.untrusted(capture.lines()));
        if (result.failed)
            throw result.error;
        return result.value;
    }
    return {
        async restore() {
            if (!options.available) {
                log.warning('The GitHub Actions cache is not available to this job, so there is no previous manifest to compare with.');
                return undefined;
            }
            try {
                const matched = await operate('Restoring the previous manifest from the Actions cache', (cache) => cache.restoreCache([FILE], `${prefix}${options.runId}-${options.runAttempt}`, [prefix]));
                if (!matched)
                    return undefined;
                const { manifest, origin } = parse(await (0,promises_.readFile)(file, 'utf8'));
                return { manifest, origin, key: matched };
            }
            catch (error) {
                log.warning(`Could not restore the previous manifest from the GitHub Actions cache (${(0,errors/* messageOf */.b)(error)}); going on as if there were none.`);
                return undefined;
            }
            finally {
                await cleanUp();
            }
        },
        async save(manifest, origin) {
            if (!options.available) {
                log.warning('The GitHub Actions cache is not available to this job, so this manifest was not saved; the next run will refresh without a baseline.');
                return false;
            }
            const key = `${prefix}${options.runId}-${options.runAttempt}`;
            try {
                await (0,promises_.mkdir)((0,external_node_path_.join)(options.workspace, FOLDER), { recursive: true });
                await (0,promises_.writeFile)(file, serialize(manifest, origin));
                const id = await operate('Saving the manifest to the Actions cache', (cache) => cache.saveCache([FILE], key));
                // The library reports most failures only as information and answers -1: say it plainly.
                if (id === -1) {
                    log.warning(`The GitHub Actions cache did not store the manifest (${key}); the next run compares with an older one, or with none.`);
                    return false;
                }
                log.info(`Saved the manifest of ${manifest.size} files to the cache as ${key}.`);
                return true;
            }
            catch (error) {
                log.warning(`Could not save the manifest to the GitHub Actions cache: ${(0,errors/* messageOf */.b)(error)}`);
                return false;
            }
            finally {
                await cleanUp();
            }
        }
    };
}


/***/ })

};
