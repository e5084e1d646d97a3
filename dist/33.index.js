export const id = 33;
export const ids = [33,73];
export const modules = {

/***/ 6884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ submitBatches)
/* harmony export */ });
/* harmony import */ var _api_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3249);
/* harmony import */ var _send_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9264);


/**
 * Submits the batches in plan order; the call gate holds each until its hosts' minute and the
 * account's second allow it. A batch that fails for good does not stop the others.
 */
async function submitBatches(batches, options) {
    const { service, pacer, force } = options;
    const steps = batches.map((batch, index) => ({
        label: `Batch ${index + 1}/${batches.length} (${batch.objects.length} ${batch.type})`,
        objects: batch.objects,
        send: () => batch.type === 'Tag'
            ? service.refreshTags([...batch.hosts.keys()][0], batch.objects, force)
            : service.refresh(batch.type, batch.objects, force),
        // The service says this host's minute is full: wait until our own record of it clears.
        minimumWait: (error, now) => error.code === 'QuotaPerMinuteExceeded.Refresh'
            ? pacer.hostsFreeAt(batch.hosts.keys(), now) - now
            : 0
    }));
    const outcomes = await (0,_send_js__WEBPACK_IMPORTED_MODULE_1__/* .sendAll */ .S)(steps, options);
    return outcomes.map((outcome, i) => ({
        ...outcome,
        error: batches[i].type === 'Tag' ? explainTagFailure(outcome.error, service) : outcome.error,
        batch: batches[i]
    }));
}
/**
 * A tag refresh refused for good, for a reason that is not the key, the clock or the quota: most
 * likely the account or the domain lacks cache tags, so say so, with the service's own code.
 */
function explainTagFailure(error, service) {
    if (!(error instanceof _api_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD) || error.retryable || error.general)
        return error;
    return error.withAdvice(service.limits.tagsPerHost
        ? `Refreshing by cache tag needs the cache-tag feature of ${service.limits.name} for the domain: check that the domain sends the tags (its cache-tag setting) and that the RAM identity may call the tag operation (the README lists it).`
        : `Refreshing by cache tag needs an ESA plan that offers it (the Enterprise plan): check the site's plan, and that the RAM identity may call PurgeCaches.`);
}


/***/ }),

/***/ 9264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ sendAll)
/* harmony export */ });
/* harmony import */ var _api_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3249);
/* harmony import */ var _api_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7018);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_backoff_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9360);




/**
 * Sends the steps in order, each retried as SPEC 4.3 allows; the call gate paces them. A step
 * that fails for good does not stop the others; its outcome says why.
 */
async function sendAll(steps, options) {
    const { clock, log } = options;
    const outcomes = [];
    for (const step of steps) {
        let attempts = 0;
        try {
            const result = await (0,_api_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .callWithRetry */ .Z)(() => {
                attempts++;
                return step.send();
            }, clock, options.retry ?? _util_backoff_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_RETRY */ .v, (message) => log(`${step.label}: ${message}`), step.minimumWait);
            log(`${step.label}: submitted, task ${result.taskIds.join(', ') || '(none)'}, RequestId ${result.requestId}.`);
            outcomes.push({
                objects: step.objects,
                ok: true,
                taskIds: result.taskIds,
                requestId: result.requestId,
                attempts,
                acceptedAt: clock.now()
            });
        }
        catch (error) {
            const failure = error instanceof Error ? error : new Error((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .b)(error));
            log(`${step.label}: failed: ${failure.message}`);
            outcomes.push({
                objects: step.objects,
                ok: false,
                taskIds: [],
                requestId: error instanceof _api_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD ? error.requestId : '',
                attempts,
                error: failure
            });
        }
    }
    return outcomes;
}


/***/ }),

/***/ 6073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  submitPlan: () => (/* binding */ submitPlan),
  S: () => (/* binding */ waitForOutcomes)
});

// EXTERNAL MODULE: ./src/plan/budget.ts
var budget = __webpack_require__(6362);
// EXTERNAL MODULE: ./src/services/service.ts
var services_service = __webpack_require__(2287);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/submit/batches.ts
var batches = __webpack_require__(6884);
// EXTERNAL MODULE: ./src/submit/send.ts
var send = __webpack_require__(9264);
;// CONCATENATED MODULE: ./src/submit/preload.ts


/** Prefetches File URLs, the service's URLs per call; the call gate paces the prefetches. */
async function preloadUrls(urls, options) {
    const { service } = options;
    const size = service.limits.preloadUrlsPerRequest;
    const steps = [];
    for (let i = 0; i < urls.length; i += size) {
        const chunk = urls.slice(i, i + size);
        steps.push({
            label: `Prefetch of ${(0,util_text/* plural */.LS)(chunk.length, 'URL')}`,
            objects: chunk,
            send: () => service.preload(chunk, options.area)
        });
    }
    return (0,send/* sendAll */.S)(steps, options);
}

// EXTERNAL MODULE: ./src/submit/quota.ts
var quota = __webpack_require__(4796);
// EXTERNAL MODULE: ./src/api/retry.ts
var retry = __webpack_require__(7018);
// EXTERNAL MODULE: ./src/util/backoff.ts
var backoff = __webpack_require__(9360);
;// CONCATENATED MODULE: ./src/submit/wait.ts



/** The first poll comes 5 s after the refresh; the gaps grow by half up to 30 s. */
const FIRST_POLL_MS = 5000;
const MAX_POLL_MS = 30_000;
function pendingTask(taskId) {
    return {
        taskId,
        objectPath: '',
        objectType: '',
        status: 'Pending',
        process: '',
        creationTime: '',
        description: ''
    };
}
/** A task is finished when the service lists it and every object in it is Complete or Failed. */
function finished(objects) {
    return objects.length > 0 && objects.every((o) => services_service/* FINISHED_STATUSES */.oM.has(o.status));
}
/**
 * Polls the service's task look-up, from about 5 s apart backing off to about 30 s, until every
 * task is Complete or Failed or the timeout runs out.
 */
async function waitForTasks(taskIds, options) {
    const { service, clock, log } = options;
    const deadline = clock.now() + options.timeoutMs;
    // One task may hold many objects; the services list each object as an entry with the task's ID.
    const latest = new Map(taskIds.map((id) => [id, []]));
    let interval = FIRST_POLL_MS;
    let polls = 0;
    const open = () => [...latest].filter(([, objects]) => !finished(objects)).map(([id]) => id);
    while (open().length > 0) {
        const remaining = deadline - clock.now();
        if (remaining <= 0)
            break;
        await clock.sleep(Math.min(interval, remaining));
        interval = Math.min(MAX_POLL_MS, Math.round(interval * 1.5));
        const ids = open();
        const entries = await (0,retry/* callWithRetry */.Z)(() => service.describeTasks(ids), clock, options.retry ?? backoff/* DEFAULT_RETRY */.v, log);
        const byTask = new Map();
        for (const entry of entries) {
            const list = byTask.get(entry.taskId);
            if (list)
                list.push(entry);
            else
                byTask.set(entry.taskId, [entry]);
        }
        for (const id of ids) {
            const objects = byTask.get(id);
            if (objects)
                latest.set(id, objects);
        }
        polls++;
        log(`Poll ${polls}: ${latest.size - open().length} of ${latest.size} tasks finished.`);
    }
    const tasks = [...latest].flatMap(([id, objects]) => objects.length > 0 ? objects : [pendingTask(id)]);
    const status = open().length > 0 ? 'timeout' : tasks.some((t) => t.status === 'Failed') ? 'failed' : 'complete';
    return { status, tasks };
}

;// CONCATENATED MODULE: ./src/submit/stage.ts








/** Waits for the tasks of these outcomes, in a log group, and warns on a timeout. */
async function waitForOutcomes(outcomes, timeoutSeconds, { service, clock, log }) {
    const taskIds = outcomes.flatMap((o) => o.taskIds);
    if (taskIds.length === 0)
        return undefined;
    const result = await log.group(`Waiting up to ${timeoutSeconds} s for ${(0,util_text/* plural */.LS)(taskIds.length, 'task')}`, () => waitForTasks(taskIds, {
        service,
        clock,
        timeoutMs: timeoutSeconds * 1000,
        log: (m) => log.info(m)
    }));
    if (result.status === 'timeout') {
        const open = new Set(result.tasks.filter((t) => !services_service/* FINISHED_STATUSES */.oM.has(t.status)).map((t) => t.taskId));
        log.warning(`${open.size} of ${(0,util_text/* plural */.LS)(taskIds.length, 'refresh task')} had not finished after ${timeoutSeconds} s (wait-timeout); they go on in ${service.limits.name}.`);
    }
    return result;
}
/** The refreshed File URLs prefetched, when the quota allows. */
async function prefetch(outcomes, settings, connections, done) {
    const { service, clock, log } = connections;
    const urls = outcomes.filter((o) => o.ok && o.batch.type === 'File').flatMap((o) => o.objects);
    if (urls.length === 0)
        return;
    // With quota-check the prefetch need was checked before the refresh; without it, check now.
    const remain = settings.quotaCheck
        ? Infinity
        : (await (0,quota/* fetchQuota */.F)(service, ['Preload'], clock, (m) => log.info(m))).remain.Preload;
    if (urls.length > remain) {
        done.preloadSkipped = `Prefetch skipped: it needs ${(0,util_text/* plural */.LS)(urls.length, 'URL')} but only ${(0,util_text/* formatCount */.B4)(remain)} remain of today's prefetch quota. The refresh itself was submitted.`;
        return;
    }
    done.preload = await log.group(`Prefetching ${(0,util_text/* plural */.LS)(urls.length, 'URL')}`, () => preloadUrls(urls, { service, clock, area: settings.preloadArea, log: (m) => log.info(m) }));
}
/** The submit stage (SPEC 4.3): the batches, the quota after, the wait and the prefetch. */
async function submitPlan(plan, settings, connections) {
    const { service, pacer, clock, log } = connections;
    const say = (m) => log.info(m);
    const outcomes = await log.group(`Submitting ${(0,util_text/* plural */.LS)(plan.targets.length + plan.tags.length, 'object')} in ${(0,util_text/* plural */.LS)(plan.batches.length, 'batch', 'batches')}`, () => (0,batches/* submitBatches */.n)(plan.batches, { service, pacer, clock, force: settings.force, log: say }));
    const done = { outcomes };
    try {
        if (settings.quotaCheck) {
            try {
                done.quotaAfter = await (0,quota/* fetchQuota */.F)(service, (0,budget/* quotaKinds */.Kf)(plan.batches.map((b) => b.type), settings.preload), clock, say);
            }
            catch (error) {
                log.warning(`Could not read the quota after submitting: ${(0,errors/* messageOf */.b)(error)}`);
            }
        }
        if (settings.wait)
            done.wait = await waitForOutcomes(outcomes, settings.waitTimeoutSeconds, connections);
        if (settings.preload)
            await prefetch(outcomes, settings, connections, done);
    }
    catch (error) {
        done.error = error;
    }
    return done;
}


/***/ }),

/***/ 2033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyAtEdge: () => (/* binding */ verifyAtEdge)
});

// EXTERNAL MODULE: ./src/plan/batches.ts
var batches = __webpack_require__(8383);
// EXTERNAL MODULE: ./src/submit/batches.ts
var submit_batches = __webpack_require__(6884);
// EXTERNAL MODULE: ./src/submit/stage.ts + 2 modules
var stage = __webpack_require__(6073);
// EXTERNAL MODULE: ./src/targets/target.ts
var target = __webpack_require__(9425);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/verify/model.ts
var model = __webpack_require__(2416);
;// CONCATENATED MODULE: ./src/verify/sample.ts

const isCheckable = (type) => type === 'File' || type === 'IgnoreParams';
/** The directory targets that hold a URL: those whose URL it starts with. */
function under(url, directory) {
    return (0,target/* canonicalUrl */.W3)(url).startsWith((0,target/* canonicalUrl */.W3)(directory));
}
function chooseChecks(input) {
    // When each accepted object was refreshed: a URL by its own batch, or by a directory above it.
    const refreshedAt = new Map();
    const directories = [];
    for (const { batch, acceptedAt } of input.accepted) {
        if (batch.type === 'Directory')
            for (const url of batch.objects)
                directories.push({ url, at: acceptedAt });
        else if (isCheckable(batch.type))
            for (const url of batch.objects)
                refreshedAt.set((0,target/* canonicalUrl */.W3)(url), acceptedAt);
    }
    const whenRefreshed = (url) => {
        const own = refreshedAt.get((0,target/* canonicalUrl */.W3)(url));
        if (own !== undefined)
            return own;
        const above = directories.filter((d) => under(url, d.url)).map((d) => d.at);
        return above.length > 0 ? Math.max(...above) : undefined;
    };
    const chosen = [];
    const seen = new Set();
    const take = (url) => {
        const key = (0,target/* canonicalUrl */.W3)(url);
        if (chosen.length >= input.max || seen.has(key))
            return;
        const at = whenRefreshed(url);
        if (at === undefined)
            return;
        seen.add(key);
        const path = input.sources.get(key);
        chosen.push({
            url,
            refreshedAt: at,
            removed: path !== undefined && input.removed.has(path),
            newHash: path !== undefined ? input.hashes?.current.get(path) : undefined,
            oldHash: path !== undefined ? input.hashes?.previous.get(path) : undefined
        });
    };
    const checkable = input.targets.filter((t) => isCheckable(t.type)).map((t) => t.url);
    const hosts = new Set();
    for (const url of checkable) {
        const host = (0,target/* hostOf */.w4)(url);
        if (hosts.has(host))
            continue;
        hosts.add(host);
        take(url);
    }
    const changedFiles = input.changed.filter((t) => t.type === 'File').map((t) => t.url);
    for (const directory of input.targets.filter((t) => t.type === 'Directory')) {
        const below = changedFiles.find((url) => under(url, directory.url) && !seen.has((0,target/* canonicalUrl */.W3)(url)));
        if (below)
            take(below);
    }
    for (const url of [...checkable, ...changedFiles]) {
        const path = input.sources.get((0,target/* canonicalUrl */.W3)(url));
        if (path !== undefined && input.removed.has(path))
            take(url);
    }
    for (const url of checkable)
        take(url);
    return chosen;
}

;// CONCATENATED MODULE: ./src/verify/verdict.ts
// What the edge's answer says about a refreshed URL (SPEC 4.6, 6.8), as a pure decision: the
// body's hash where the deployed bytes are known, a removed file's status, or else the headers
// that say when the edge stored its copy, against when the URL's refresh was submitted.
const REMOVED_STATUSES = new Set([404, 410]);
/** What the headers alone say about the copy's age against the refresh, or undefined. */
function byHeaders(answer, refreshedAt) {
    const { age, savetime, xCache } = answer.headers;
    const since = Math.floor((answer.at - refreshedAt) / 1000);
    if (xCache !== undefined && /^\s*MISS\b/i.test(xCache))
        return {
            verdict: 'fresh',
            reason: 'the edge fetched it from the origin for this request (X-Cache: MISS)'
        };
    if (age !== undefined && /^\s*\d+\s*$/.test(age)) {
        const seconds = Number(age);
        return seconds <= since
            ? {
                verdict: 'fresh',
                reason: `the edge stored it ${seconds} s ago, after the refresh (${since} s ago)`
            }
            : {
                verdict: 'stale',
                reason: `the edge stored it ${seconds} s ago, before the refresh (${since} s ago)`
            };
    }
    if (savetime !== undefined && /^\s*\d+\s*$/.test(savetime)) {
        const stored = Number(savetime);
        const refreshed = Math.floor(refreshedAt / 1000);
        return stored >= refreshed
            ? { verdict: 'fresh', reason: 'Ali-Swift-Global-Savetime is at or after the refresh' }
            : {
                verdict: 'stale',
                reason: `Ali-Swift-Global-Savetime is ${refreshed - stored} s before the refresh`
            };
    }
    return undefined;
}
/** The verdict for one URL from the edge's answer. */
function judge(expect, answer) {
    const base = { url: expect.url, status: answer.status, headers: answer.headers };
    const verdict = (v, reason) => ({ ...base, verdict: v, reason });
    if (answer.error !== undefined)
        return verdict('error', answer.error);
    const status = answer.status ?? 0;
    if (expect.removed) {
        if (REMOVED_STATUSES.has(status))
            return verdict('fresh', `removed, and the edge answers ${status}`);
        if (status >= 200 && status < 300)
            return verdict('stale', `removed, but the edge still serves it (${status})`);
    }
    if (status >= 300 && status < 400)
        return verdict('unknown', `the edge answers ${status}, a redirect, which is not followed`);
    if (status < 200 || status >= 300)
        return verdict('error', `the edge answers ${status}`);
    if (answer.bodyTooLarge)
        return verdict('unknown', 'the body is larger than 100 MiB, so it was not compared');
    if (answer.bodyHash !== undefined && expect.newHash !== undefined) {
        if (answer.bodyHash === expect.newHash)
            return verdict('fresh', 'the body is the deployed file, byte for byte');
        if (answer.bodyHash === expect.oldHash)
            return verdict('stale', 'the body is the file as it was before this deploy');
        const headers = byHeaders(answer, expect.refreshedAt);
        if (headers)
            return verdict(headers.verdict, `${headers.reason}; the body matches neither the old nor the new file (the edge may transform it)`);
        return verdict('unknown', 'the body matches neither the old nor the new file (the edge may transform it), and no header tells when it was stored');
    }
    const headers = byHeaders(answer, expect.refreshedAt);
    if (headers)
        return verdict(headers.verdict, headers.reason);
    return verdict('unknown', 'no hash of the deployed file is known, and no header tells when the edge stored its copy');
}

;// CONCATENATED MODULE: ./src/verify/stage.ts








/** One round: every expectation asked of the edge, each answer judged. */
async function checkRound(expectations, edge) {
    const answers = await edge.fetchAll(expectations.map((e) => ({ url: e.url, readBody: e.newHash !== undefined && !e.removed })));
    return answers.map((answer, i) => judge(expectations[i], answer));
}
function describeRound(checks) {
    return (0,model/* describeVerdicts */.W)((0,model/* countVerdicts */.q)(checks));
}
/** Every check that is not fresh, with the headers that decided it, printed inertly. */
function printChecks(checks, log) {
    const lines = checks
        .filter((c) => c.verdict !== 'fresh')
        .map((c) => {
        const h = c.headers;
        const headers = [
            ['Age', h.age],
            ['Ali-Swift-Global-Savetime', h.savetime],
            ['X-Cache', h.xCache],
            ['Via', h.via],
            ['EagleId', h.eagleId]
        ]
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ');
        return `${c.verdict} ${c.url}: ${c.reason}${headers ? ` [${headers}]` : ''}`;
    });
    if (lines.length > 0)
        log.untrusted(lines);
}
/** The stale URLs refreshed once more, within the quota, and waited for. */
async function refreshAgain(stale, plan, submitted, settings, connections) {
    const { service, pacer, clock, log } = connections;
    const types = new Map(plan.targets.map((t) => [(0,target/* canonicalUrl */.W3)(t.url), t.type]));
    const targets = stale.map((c) => ({
        type: types.get((0,target/* canonicalUrl */.W3)(c.url)) === 'IgnoreParams' ? 'IgnoreParams' : 'File',
        url: c.url
    }));
    const remain = submitted.quotaAfter?.remain.File;
    if (settings.quotaCheck &&
        remain !== undefined &&
        !Number.isNaN(remain) &&
        targets.length > remain)
        return {
            outcomes: [],
            skipped: `They were not refreshed again: ${(0,util_text/* plural */.LS)(targets.length, 'URL')} needed, ${(0,util_text/* formatCount */.B4)(remain)} remain of today's quota.`
        };
    const outcomes = await (0,submit_batches/* submitBatches */.n)((0,batches/* planBatches */.un)(targets, [], settings.limits), {
        service,
        pacer,
        clock,
        force: settings.force,
        log: (m) => log.info(m)
    });
    const wait = await (0,stage/* waitForOutcomes */.S)(outcomes, settings.waitTimeoutSeconds, connections);
    if (outcomes.every((o) => !o.ok))
        return {
            outcomes,
            skipped: `They could not be refreshed again: ${outcomes[0]?.error?.message ?? 'no batch was accepted'}.`
        };
    if (wait?.status === 'timeout')
        return {
            outcomes,
            wait,
            skipped: `They were refreshed again, but the tasks did not complete within wait-timeout (${settings.waitTimeoutSeconds} s).`
        };
    return { outcomes, wait };
}
async function verifyAtEdge(inputs, settings, connections) {
    const { plan, built, changes, submitted } = inputs;
    const { log } = connections;
    const verification = { mode: settings.mode, rounds: [], final: [] };
    const wait = submitted.wait;
    if (!wait || wait.status === 'timeout') {
        verification.skipped = `Nothing was verified: the tasks did not complete within wait-timeout (${settings.waitTimeoutSeconds} s).`;
        log.info(verification.skipped);
        return verification;
    }
    const accepted = submitted.outcomes.flatMap((o) => o.ok && o.acceptedAt !== undefined ? [{ batch: o.batch, acceptedAt: o.acceptedAt }] : []);
    const expectations = chooseChecks({
        targets: plan.targets,
        changed: built.targets,
        accepted,
        sources: built.sources,
        removed: new Set(changes.removed),
        hashes: changes.manifest
            ? { current: changes.manifest.current, previous: changes.manifest.previous }
            : undefined,
        max: settings.max
    });
    if (expectations.length === 0) {
        verification.skipped =
            'Nothing was verified: no refreshed URL to ask the edge about (regexes and cache tags are not checked).';
        log.info(verification.skipped);
        return verification;
    }
    const edge = await connections.edge();
    const first = await log.group(`Verifying ${(0,util_text/* plural */.LS)(expectations.length, 'URL')} at the edge`, async () => {
        const checks = await checkRound(expectations, edge);
        log.info(`Round 1: ${describeRound(checks)}.`);
        printChecks(checks, log);
        return checks;
    });
    verification.rounds.push({ checks: first });
    const final = new Map(first.map((c) => [c.url, c]));
    const stale = first.filter((c) => c.verdict === 'stale');
    if (stale.length > 0) {
        log.info(`${(0,util_text/* plural */.LS)(stale.length, 'URL')} still stale: refreshing ${stale.length === 1 ? 'it' : 'them'} once more.`);
        const refresh = await refreshAgain(stale, plan, submitted, settings, connections);
        const again = new Map();
        for (const o of refresh.outcomes)
            if (o.ok && o.acceptedAt !== undefined)
                for (const url of o.objects)
                    again.set(url, o.acceptedAt);
        let second = [];
        if (!refresh.skipped) {
            const retry = expectations
                .filter((e) => again.has(e.url))
                .map((e) => ({ ...e, refreshedAt: again.get(e.url) }));
            second = await log.group(`Verifying ${(0,util_text/* plural */.LS)(retry.length, 'URL')} again`, async () => {
                const checks = await checkRound(retry, edge);
                log.info(`Round 2: ${describeRound(checks)}.`);
                printChecks(checks, log);
                return checks;
            });
            for (const check of second)
                final.set(check.url, check);
        }
        else
            log.info(refresh.skipped);
        verification.rounds.push({ checks: second, refresh });
    }
    verification.final = [...final.values()];
    const still = verification.final.filter((c) => c.verdict === 'stale');
    if (still.length > 0 && settings.mode === 'warn')
        log.warning(`${(0,util_text/* plural */.LS)(still.length, 'URL')} still ${still.length === 1 ? 'serves' : 'serve'} stale content at the edge (verify: warn): ${still.map((c) => c.url).join(', ')}`);
    return verification;
}


/***/ })

};
