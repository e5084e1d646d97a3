export const id = 827;
export const ids = [827];
export const modules = {

/***/ 6844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ proxyFor)
/* harmony export */ });
function proxyFor(url, env) {
    const read = (name) => env[name] ?? env[name.toLowerCase()] ?? '';
    const proxy = url.protocol === 'https:' ? read('HTTPS_PROXY') : read('HTTP_PROXY');
    if (proxy.trim() === '')
        return undefined;
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    for (const raw of read('NO_PROXY').split(/[,\s]+/)) {
        const entry = raw.trim().toLowerCase();
        if (entry === '')
            continue;
        if (entry === '*')
            return undefined;
        const [name, entryPort] = entry.replace(/^\[|\]$/g, '').split(/:(?=\d+$)/);
        if (entryPort && entryPort !== port)
            continue;
        const bare = name.replace(/^\*?\./, '');
        if (host === bare || host.endsWith(`.${bare}`))
            return undefined;
    }
    return proxy.trim();
}


/***/ }),

/***/ 827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openGitHub: () => (/* binding */ openGitHub)
/* harmony export */ });
/* harmony import */ var _api_proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6844);
/* harmony import */ var _changes_github_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(123);
// The GitHub REST API for the changes stage: Octokit from @actions/github (loaded only when a run
// needs it), on a fetch whose every call has a deadline, through the runner's proxy.


/**
 * Opens the API. Each call is given up when no byte of an answer has come for `callMs` (a
 * transfer still moving data goes on); the retries stop once the API has been silent for
 * `totalMs` in all. `close` ends the connections it kept.
 */
async function openGitHub(options) {
    const [{ getOctokit }, { Agent, ProxyAgent, fetch }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413)),
        __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19))
    ]);
    const { callMs } = options.deadlines;
    const timeouts = { connect: { timeout: callMs }, headersTimeout: callMs, bodyTimeout: callMs };
    const dispatchers = new Map();
    const deadlineFetch = (url, init) => {
        const via = (0,_api_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyFor */ .i)(new URL(String(url)), options.proxy) ?? '';
        let dispatcher = dispatchers.get(via);
        if (!dispatcher) {
            dispatcher = via ? new ProxyAgent({ uri: via, ...timeouts }) : new Agent(timeouts);
            dispatchers.set(via, dispatcher);
        }
        return fetch(url, { ...init, dispatcher });
    };
    const octokit = getOctokit(options.token, {
        baseUrl: options.apiUrl,
        request: { fetch: deadlineFetch }
    });
    return {
        github: {
            request: (0,_changes_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .retryingRequest */ .sP)((route, params) => octokit.request(route, params), options.clock, options.log, options.deadlines),
            repo: options.repository
        },
        close: async () => {
            await Promise.all([...dispatchers.values()].map((d) => d.close()));
        }
    };
}


/***/ })

};
