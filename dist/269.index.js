export const id = 269;
export const ids = [269];
export const modules = {

/***/ 9269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   globCompiler: () => (/* binding */ globCompiler)
/* harmony export */ });
/* unused harmony export pathSegments */
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3581);

// The one module that loads minimatch: loaded only when `rules` are given, so that a run without
// rules pays nothing for it at start-up.
const MATCH_OPTIONS = { dot: true, nonegate: true, nocomment: true };
/** A path split once into its segments, as minimatch splits it, for every rule to match. */
function pathSegments(path) {
    return path.split(/\/+/);
}
/**
 * A compiled glob. `matches` takes a path already split by pathSegments and does what
 * Minimatch.match does for these options (no negation, no comments, no matchBase), without
 * splitting the path again for every rule.
 */
function compile(glob) {
    const minimatch = new minimatch__WEBPACK_IMPORTED_MODULE_0__/* .Minimatch */ .VR(glob, MATCH_OPTIONS);
    return {
        minimatch,
        matches: (segments) => minimatch.set.some((pattern) => minimatch.matchOne(segments, pattern, false))
    };
}
const globCompiler = {
    compile,
    split: pathSegments,
    hasMagic: (segment) => new minimatch__WEBPACK_IMPORTED_MODULE_0__/* .Minimatch */ .VR(segment, { ...MATCH_OPTIONS, magicalBraces: true }).hasMagic()
};


/***/ })

};
