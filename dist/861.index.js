export const id = 861;
export const ids = [861,494];
export const modules = {

/***/ 7494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createDispatchers: () => (/* binding */ createDispatchers)
});

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/api/proxy.ts
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

;// CONCATENATED MODULE: ./src/api/dispatchers.ts


function createDispatchers(env, options) {
    const pools = new Map();
    return {
        for(url) {
            const via = proxyFor(url, env) ?? '';
            let pool = pools.get(via);
            if (!pool) {
                pool = via ? new undici.ProxyAgent({ ...options, uri: via }) : new undici.Agent(options);
                pools.set(via, pool);
            }
            return pool;
        },
        async close(how = 'close') {
            await Promise.all([...pools.values()].map((pool) => pool[how]()));
        }
    };
}


/***/ }),

/***/ 9861:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createEdgeClient: () => (/* binding */ createEdgeClient)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6752);
/* harmony import */ var _api_dispatchers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7494);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);




const EDGE_LIMITS = {
    concurrency: 8,
    timeoutMs: 10_000,
    maxBodyBytes: 100 * 1024 * 1024
};
const HEADER_NAMES = {
    age: 'age',
    savetime: 'ali-swift-global-savetime',
    xCache: 'x-cache',
    via: 'via',
    eagleId: 'eagleid'
};
function cacheHeaders(headers) {
    const out = {};
    for (const [key, name] of Object.entries(HEADER_NAMES)) {
        const value = headers[name];
        if (value !== undefined)
            out[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    return out;
}
function createEdgeClient(proxy, clock, limits = EDGE_LIMITS) {
    const options = {
        connect: { timeout: limits.timeoutMs },
        headersTimeout: limits.timeoutMs,
        bodyTimeout: limits.timeoutMs
    };
    const dispatchers = (0,_api_dispatchers_js__WEBPACK_IMPORTED_MODULE_2__.createDispatchers)(proxy, options);
    async function fetchOne(url, readBody) {
        // One deadline for the whole request, cleared once it is over, so nothing fires afterwards.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
        const signal = controller.signal;
        try {
            const target = new URL(url);
            const answer = await (0,undici__WEBPACK_IMPORTED_MODULE_1__.request)(target, {
                method: 'GET',
                headers: {
                    'accept-encoding': 'identity',
                    'user-agent': 'alibaba-cloud-refresh-action (verify)'
                },
                dispatcher: dispatchers.for(target),
                signal,
                maxRedirections: 0
            });
            const headers = cacheHeaders(answer.headers);
            const status = answer.statusCode;
            answer.body.on('error', () => { });
            if (!readBody || status < 200 || status >= 300) {
                answer.body.destroy();
                return { status, headers, at: clock.now() };
            }
            const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
            let bytes = 0;
            for await (const chunk of answer.body) {
                bytes += chunk.length;
                if (bytes > limits.maxBodyBytes) {
                    answer.body.destroy();
                    return { status, headers, bodyTooLarge: true, at: clock.now() };
                }
                hash.update(chunk);
            }
            return { status, headers, bodyHash: hash.digest('hex'), at: clock.now() };
        }
        catch (error) {
            const timedOut = signal.aborted ||
                /timeout/i.test(`${error.code ?? ''} ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .b)(error)}`);
            return {
                headers: {},
                error: timedOut
                    ? `no answer within ${Math.round(limits.timeoutMs / 1000)} s`
                    : `could not reach the edge: ${error.code ?? (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .b)(error)}`,
                at: clock.now()
            };
        }
        finally {
            clearTimeout(timer);
        }
    }
    return {
        async fetchAll(requests) {
            const answers = new Array(requests.length);
            let next = 0;
            const worker = async () => {
                while (next < requests.length) {
                    const i = next++;
                    answers[i] = await fetchOne(requests[i].url, requests[i].readBody);
                }
            };
            await Promise.all(Array.from({ length: Math.min(limits.concurrency, requests.length) }, worker));
            return answers;
        },
        async close() {
            await dispatchers.close('destroy');
        }
    };
}


/***/ })

};
