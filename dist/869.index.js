export const id = 869;
export const ids = [869];
export const modules = {

/***/ 869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readListFile: () => (/* binding */ readListFile),
/* harmony export */   workspacePath: () => (/* binding */ workspacePath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_bytes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1671);




// Files the inputs name (SPEC 4.1.4): `paths-file`, `urls-file` and `output-dir` lie inside the
// workspace once symlinks are resolved; list files are UTF-8 text.
const outside = (rel) => rel === '..' || rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel);
/**
 * A path given in an input, as a workspace-relative POSIX path ('.' for the workspace itself).
 * An absolute path inside the workspace, `./` and `.` are accepted; a path outside it, before or
 * after its symlinks are resolved, is an error that names the input.
 */
function workspacePath(workspace, input, value) {
    if (value === '')
        return '';
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace || '.');
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, value);
    const refuse = (why) => new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Input '${input}': '${value}' ${why}. Give a path inside the workspace (${root}), relative to it or absolute.`);
    const lexical = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, target);
    if (outside(lexical))
        throw refuse('is outside the workspace');
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target)) {
        const real = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(target));
        if (outside(real))
            throw refuse('leads outside the workspace through a symbolic link');
    }
    return lexical === '' ? '.' : lexical.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}
/** A list file's text: UTF-8 with no NUL byte, or an error that names the file and the line. */
function readListFile(workspace, input, value) {
    const path = workspacePath(workspace, input, value);
    let bytes;
    try {
        bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace || '.', path));
    }
    catch (error) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Input '${input}': could not read '${value}' in the workspace: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .b)(error)}`);
    }
    const problem = (0,_util_bytes_js__WEBPACK_IMPORTED_MODULE_3__/* .textProblem */ .F)(bytes);
    if (problem)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Input '${input}': ${value} line ${problem.line} ${problem.problem}.`);
    return bytes.toString('utf8');
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
