export const id = 879;
export const ids = [879];
export const modules = {

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


/***/ })

};
