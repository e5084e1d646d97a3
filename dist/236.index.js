export const id = 236;
export const ids = [236];
export const modules = {

/***/ 6236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   diffManifests: () => (/* binding */ diffManifests),
/* harmony export */   hashTree: () => (/* binding */ hashTree)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_bytes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1671);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);






/** Bytes read at a time: every file streams through one buffer of this size. */
const CHUNK_BYTES = 64 * 1024;
/** Files hashed between two turns of the event loop. */
const FILES_PER_TURN = 500;
/**
 * The SHA-256 of a file, streamed through one reused buffer, so memory stays bounded whatever
 * the file's size. One file at a time, read synchronously: for the many small files of a site
 * this measured several times faster than asynchronous reads through the thread pool.
 */
function hashFile(path, buffer) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(path, 'r');
    try {
        let read;
        while ((read = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buffer, 0, buffer.length, null)) > 0)
            hash.update(buffer.subarray(0, read));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    return hash.digest('hex');
}
/** Never part of a deployed site: git's own files, and the folder the manifest is restored into. */
const NOT_DEPLOYED = new Set(['.git', '.edge-refresh-manifest']);
const SLASH = Buffer.from('/');
/**
 * The regular files below `root`, relative to it with `/`; symlinks are skipped, never followed.
 * Names are read as bytes (SPEC 4.1.4): each file comes with its path's bytes, to open it by, and
 * its name as text (util/bytes.ts), to map it by.
 */
function listFiles(root) {
    const files = [];
    const rootBytes = Buffer.from(root, 'utf8');
    const folders = [Buffer.alloc(0)];
    while (folders.length > 0) {
        const folder = folders.pop();
        const at = folder.length > 0 ? Buffer.concat([rootBytes, SLASH, folder]) : rootBytes;
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(at, { withFileTypes: true, encoding: 'buffer' })) {
            const relative = folder.length > 0 ? Buffer.concat([folder, SLASH, entry.name]) : entry.name;
            if (entry.isSymbolicLink() || NOT_DEPLOYED.has(entry.name.toString('latin1')))
                continue;
            if (entry.isDirectory())
                folders.push(relative);
            else if (entry.isFile())
                files.push({
                    name: (0,_util_bytes_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeName */ .e)(relative),
                    bytes: Buffer.concat([rootBytes, SLASH, relative])
                });
        }
    }
    return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/**
 * Hashes every regular file under `workspace/outputDir` (SPEC 4.1.3), streamed. The paths are
 * repository-relative (`public/blog/index.html`), like git's.
 */
async function hashTree(workspace, outputDir) {
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(workspace, outputDir);
    let isFolder = false;
    try {
        isFolder = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(root).isDirectory();
    }
    catch {
        isFolder = false;
    }
    if (!isFolder) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Input 'output-dir': '${outputDir}' is not a folder in the workspace (${root}). Build the site before this step, and give the folder that is deployed.`);
    }
    const files = listFiles(root);
    // `output-dir: .` deploys the workspace itself: its paths are the repository's as they are.
    const prefix = outputDir === '.' ? '' : `${outputDir}/`;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const manifest = new Map();
    for (let i = 0; i < files.length; i++) {
        if (i > 0 && i % FILES_PER_TURN === 0)
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setImmediate)();
        const path = `${prefix}${files[i].name}`;
        try {
            manifest.set(path, hashFile(files[i].bytes, buffer));
        }
        catch (error) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Could not read ${JSON.stringify(path)}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .b)(error)}`);
        }
    }
    return manifest;
}
/** Added, modified and removed paths between two manifests, each sorted. */
function diffManifests(previous, current) {
    const added = [];
    const modified = [];
    const removed = [];
    for (const [path, hash] of current) {
        const before = previous.get(path);
        if (before === undefined)
            added.push(path);
        else if (before !== hash)
            modified.push(path);
    }
    for (const path of previous.keys())
        if (!current.has(path))
            removed.push(path);
    return { added, modified, removed };
}


/***/ })

};
