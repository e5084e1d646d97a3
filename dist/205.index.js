export const id = 205;
export const ids = [205];
export const modules = {

/***/ 8205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createManifestStore: () => (/* binding */ createManifestStore),
/* harmony export */   parseManifest: () => (/* binding */ parseManifest),
/* harmony export */   serializeManifest: () => (/* binding */ serializeManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



/** The stored form: one JSON document with the run it came from. */
function serializeManifest(manifest, origin) {
    return JSON.stringify({ version: 1, origin, files: Object.fromEntries(manifest) });
}
function parseManifest(text) {
    const data = JSON.parse(text);
    if (data.version !== 1 || !data.files || typeof data.files !== 'object')
        throw new Error('not a manifest of this action');
    const manifest = new Map();
    for (const [path, hash] of Object.entries(data.files))
        if (typeof hash === 'string')
            manifest.set(path, hash);
    return { manifest, origin: data.origin ?? { runId: '' } };
}
/** Restore and save must name the same path, or the cache version differs and nothing matches. */
const FOLDER = '.edge-refresh-manifest';
/** The Actions cache behind the ManifestStore; `@actions/cache` is loaded only when it is used. */
function createManifestStore(options) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.workspace, FOLDER, 'manifest.json');
    const paths = [file];
    const ownKey = new RegExp(`^${options.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+-\\d+$`);
    let library;
    const load = () => (library ??= Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(838), __webpack_require__.e(93)]).then(__webpack_require__.bind(__webpack_require__, 2093)));
    const cleanUp = () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.workspace, FOLDER), { recursive: true, force: true });
    return {
        async restore() {
            if (!options.available) {
                options.warn('The GitHub Actions cache is not available to this job, so there is no previous manifest to compare with.');
                return undefined;
            }
            try {
                const cache = await load();
                const primary = `${options.key}-${options.runId}-${options.runAttempt}`;
                const matched = await cache.restoreCache(paths, primary, [`${options.key}-`]);
                if (!matched)
                    return undefined;
                if (!ownKey.test(matched)) {
                    options.info(`The cache entry '${matched}' belongs to another manifest key; it is not used as a baseline.`);
                    return undefined;
                }
                const { manifest, origin } = parseManifest(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
                return { manifest, origin, key: matched };
            }
            catch (error) {
                options.warn(`Could not restore the previous manifest from the GitHub Actions cache: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .b)(error)}`);
                return undefined;
            }
            finally {
                await cleanUp();
            }
        },
        async save(manifest, origin) {
            if (!options.available) {
                options.warn('The GitHub Actions cache is not available to this job, so this manifest was not saved; the next run will refresh without a baseline.');
                return false;
            }
            const key = `${options.key}-${options.runId}-${options.runAttempt}`;
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true });
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, serializeManifest(manifest, origin));
                const cache = await load();
                const id = await cache.saveCache(paths, key);
                // The library reports most failures only as information and answers -1: say it plainly.
                if (id === -1) {
                    options.warn(`The GitHub Actions cache did not store the manifest (${key}); the next run compares with an older one, or with none.`);
                    return false;
                }
                options.info(`Saved the manifest of ${manifest.size} files to the cache as ${key}.`);
                return true;
            }
            catch (error) {
                options.warn(`Could not save the manifest to the GitHub Actions cache: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .b)(error)}`);
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
