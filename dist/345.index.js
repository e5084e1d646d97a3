export const id = 345;
export const ids = [345];
export const modules = {

/***/ 1345:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitRunner: () => (/* binding */ createGitRunner),
/* harmony export */   diffPaths: () => (/* binding */ diffPaths),
/* harmony export */   ensureCommit: () => (/* binding */ ensureCommit),
/* harmony export */   isGitCheckout: () => (/* binding */ isGitCheckout),
/* harmony export */   listTree: () => (/* binding */ listTree),
/* harmony export */   parentOrEmptyTree: () => (/* binding */ parentOrEmptyTree)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_bytes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1671);


function createGitRunner(workspace, env) {
    return async (args) => {
        // Loaded on first use: a run that needs no git pays nothing for child processes.
        const { execFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
        return new Promise((resolve, reject) => {
            execFile('git', ['-c', 'core.quotepath=off', '-c', `safe.directory=${workspace}`, ...args], {
                cwd: workspace,
                maxBuffer: 512 * 1024 * 1024,
                encoding: 'buffer',
                env: { ...env, GIT_TERMINAL_PROMPT: '0' }
            }, (error, stdout, stderr) => {
                if (error)
                    reject(new Error(`git ${args[0]} failed: ${(stderr.toString('utf8') || error.message).trim().split('\n')[0]}`));
                else
                    resolve(stdout);
            });
        });
    };
}
const textOf = async (git, args) => (await git(args)).toString('utf8').trim();
/** NUL-separated names, each decoded from its bytes (SPEC 4.1.4: file names are bytes). */
function names(out) {
    const list = [];
    let start = 0;
    for (let i = out.indexOf(0); i >= 0; i = out.indexOf(0, start)) {
        if (i > start)
            list.push((0,_util_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeName */ .e)(out.subarray(start, i)));
        start = i + 1;
    }
    if (start < out.length)
        list.push((0,_util_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeName */ .e)(out.subarray(start)));
    return list;
}
/** A usable checkout: a git work tree at the workspace. */
async function isGitCheckout(workspace, git) {
    if (!workspace || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(workspace))
        return false;
    try {
        return (await textOf(git, ['rev-parse', '--is-inside-work-tree'])) === 'true';
    }
    catch {
        return false;
    }
}
async function hasCommit(git, sha) {
    try {
        await git(['cat-file', '-e', `${sha}^{commit}`]);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Makes sure a commit (and `depth - 1` of its ancestors) is here, with a shallow fetch when the
 * checkout does not have it, as on actions/checkout's default depth-1 clone.
 */
async function ensureCommit(git, sha, depth = 1) {
    if (depth === 1 && (await hasCommit(git, sha)))
        return;
    if (depth > 1 && (await hasCommit(git, `${sha}~${depth - 1}`)))
        return;
    await git([
        'fetch',
        '--no-tags',
        '--no-write-fetch-head',
        '--quiet',
        `--depth=${depth}`,
        'origin',
        sha
    ]);
}
/** Paths that differ between two commits' trees, and those of them that `head` no longer has. */
async function diffPaths(git, base, head) {
    // --no-renames lists a rename as its old path (deleted) and its new path (added): both are stale.
    const diff = (...filter) => git(['diff', '--no-renames', '--no-ext-diff', '--name-only', '-z', ...filter, base, head, '--']);
    const [all, removed] = await Promise.all([diff(), diff('--diff-filter=D')]);
    return { paths: names(all), removed: names(removed) };
}
/** The parent of a commit, or the empty tree for a root commit. */
async function parentOrEmptyTree(git, sha) {
    const parents = (await textOf(git, ['rev-list', '--parents', '-n', '1', sha, '--'])).split(' ');
    if (parents.length > 1)
        return parents[1];
    return textOf(git, ['hash-object', '-t', 'tree', '/dev/null']);
}
/** Every file path of a commit's tree, for weighing which directories to collapse into. */
async function listTree(git, commit) {
    return names(await git(['ls-tree', '-r', '--name-only', '-z', commit, '--']));
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
