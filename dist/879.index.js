export const id = 879;
export const ids = [879];
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

/***/ 9081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ createCallGate)
/* harmony export */ });
/**
 * The account's one door for calls: quota reads, refreshes, task look-ups and prefetches, in the
 * real run and in the dry run's schedule alike. Calls go one at a time, each when the pacer lets
 * it. A call is recorded when its answer is here, since the service counted it somewhere before
 * then, so no window opens early; a refused call counts against the calls per second only.
 */
function createCallGate(pacer, clock, log = () => { }) {
    let busy = Promise.resolve();
    return {
        run(load, call) {
            const turn = busy.then(async () => {
                const now = clock.now();
                const { at, reason } = pacer.earliest(load, now);
                if (at - now >= 1000)
                    log(`Waiting ${((at - now) / 1000).toFixed(1)} s for the ${reason}.`);
                await clock.sleep(at - now);
                try {
                    const answer = await call();
                    pacer.record(load, clock.now());
                    return answer;
                }
                catch (error) {
                    pacer.record({}, clock.now());
                    throw error;
                }
            });
            busy = turn.catch(() => undefined);
            return turn;
        }
    };
}


/***/ }),

/***/ 3879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scheduleBatches: () => (/* binding */ scheduleBatches)
/* harmony export */ });
/* harmony import */ var _plan_pacing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7);
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7110);
/* harmony import */ var _batches_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6884);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9081);




/**
 * When each batch would go, in ms from the start, for a dry run: the real run's sender, call gate
 * and pacer, on a virtual clock, against a service that answers at once. One pacing model.
 */
async function scheduleBatches(batches, limits, pacing) {
    const clock = (0,_util_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .virtualClock */ .Y)();
    const pacer = new _plan_pacing_js__WEBPACK_IMPORTED_MODULE_0__/* .Pacer */ ._(pacing);
    const gate = (0,_gate_js__WEBPACK_IMPORTED_MODULE_3__/* .createCallGate */ .s)(pacer, clock);
    const sentAt = [];
    const answer = async () => {
        sentAt.push(clock.now());
        return { requestId: '', taskIds: [] };
    };
    const unused = () => Promise.reject(new Error('a dry run makes no such call'));
    const service = {
        limits,
        refresh: (type, urls) => gate.run((0,_plan_pacing_js__WEBPACK_IMPORTED_MODULE_0__/* .refreshLoad */ .c)(type, urls), answer),
        refreshTags: () => gate.run({}, answer),
        readQuota: unused,
        describeTasks: unused,
        preload: unused
    };
    await (0,_batches_js__WEBPACK_IMPORTED_MODULE_2__/* .submitBatches */ .n)(batches, { service, pacer, clock, force: false, log: () => { } });
    return sentAt;
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


/***/ })

};
