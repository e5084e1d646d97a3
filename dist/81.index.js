export const id = 81;
export const ids = [81];
export const modules = {

/***/ 9081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createCallGate: () => (/* binding */ createCallGate)
/* harmony export */ });
/* harmony import */ var _plan_pacing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7);

/**
 * The account's calls-per-second limit for every call the action makes: quota reads, refreshes,
 * task queries and prefetches. Calls go one at a time; each is recorded when its answer arrives,
 * since the service counted it somewhere in between, so the next window never opens early.
 */
function createCallGate(perSecond, clock) {
    const window = new _plan_pacing_js__WEBPACK_IMPORTED_MODULE_0__/* .CallWindow */ .p6(perSecond);
    let busy = Promise.resolve();
    let done = () => { };
    return {
        async acquire() {
            const previous = busy;
            busy = new Promise((resolve) => (done = resolve));
            await previous;
            const now = clock.now();
            await clock.sleep(window.earliest(now) - now);
        },
        release() {
            window.record(clock.now());
            done();
        }
    };
}


/***/ })

};
