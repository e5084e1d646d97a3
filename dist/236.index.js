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


/***/ }),

/***/ 1671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ textProblem),
/* harmony export */   e: () => (/* binding */ decodeName)
/* harmony export */ });
/**
 * File names are bytes (SPEC 4.1.4). A name that is valid UTF-8 becomes its text; in one that is
 * not, each byte that is not part of a valid sequence becomes U+DC80 to U+DCFF (the byte plus
 * 0xDC00), so that no name is lost or confused with another, its URL percent-encodes the byte itself (`%FF`).
 */
function decodeName(bytes) {
    const text = bytes.toString('utf8');
    if (!text.includes('\ufffd') || Buffer.from(text, 'utf8').equals(bytes))
        return text;
    let out = '';
    let i = 0;
    while (i < bytes.length) {
        const length = sequenceLength(bytes, i);
        if (length === 0) {
            out += String.fromCharCode(0xdc00 + bytes[i]);
            i++;
        }
        else {
            out += bytes.subarray(i, i + length).toString('utf8');
            i += length;
        }
    }
    return out;
}
/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes, i) {
    const b = bytes[i];
    const cont = (k) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
    if (b < 0x80)
        return 1;
    if (b >= 0xc2 && b <= 0xdf)
        return cont(1) ? 2 : 0;
    if (b >= 0xe0 && b <= 0xef) {
        if (!cont(1) || !cont(2))
            return 0;
        const b1 = bytes[i + 1];
        if (b === 0xe0 && b1 < 0xa0)
            return 0;
        if (b === 0xed && b1 >= 0xa0)
            return 0;
        return 3;
    }
    if (b >= 0xf0 && b <= 0xf4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        const b1 = bytes[i + 1];
        if (b === 0xf0 && b1 < 0x90)
            return 0;
        if (b === 0xf4 && b1 >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}
/** Where text that must be UTF-8 is not: the 1-based line and why, or undefined when it is fine. */
function textProblem(bytes) {
    const lineAt = (end) => {
        let line = 1;
        for (let j = bytes.indexOf(0x0a); j >= 0 && j < end; j = bytes.indexOf(0x0a, j + 1))
            line++;
        return line;
    };
    // A NUL byte says binary first: a binary file is not a text file, whatever else it holds.
    const nul = bytes.indexOf(0);
    if (nul >= 0)
        return { line: lineAt(nul), problem: 'holds a NUL byte: it is not a text file' };
    let line = 1;
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b === 0x0a)
            line++;
        const length = sequenceLength(bytes, i);
        if (length === 0)
            return {
                line,
                problem: `is not valid UTF-8 (byte 0x${b.toString(16).toUpperCase().padStart(2, '0')}); save the file as UTF-8`
            };
        i += length;
    }
    return undefined;
}


/***/ })

};
