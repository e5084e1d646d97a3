export const id = 73;
export const ids = [73];
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


/***/ })

};
