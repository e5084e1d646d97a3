export const id = 393;
export const ids = [393];
export const modules = {

/***/ 4393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createHttpSend: () => (/* binding */ createHttpSend)
});

// UNUSED EXPORTS: DEFAULT_TRANSPORT

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/api/errors.ts
var errors = __webpack_require__(3249);
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

;// CONCATENATED MODULE: ./src/api/transport.ts



const DEFAULT_TRANSPORT = {
    connectTimeoutMs: 10_000,
    requestTimeoutMs: 20_000
};
/**
 * An HTTP client on undici with keep-alive, timeouts, and HTTPS_PROXY/NO_PROXY honoured, as
 * self-hosted runners behind a proxy need.
 */
function createHttpSend(options, proxyEnv) {
    const agentOptions = {
        connect: { timeout: options.connectTimeoutMs },
        keepAliveTimeout: 10_000,
        headersTimeout: options.requestTimeoutMs,
        bodyTimeout: options.requestTimeoutMs
    };
    const dispatchers = new Map();
    const dispatcherFor = (url) => {
        const proxy = proxyFor(url, proxyEnv) ?? '';
        let dispatcher = dispatchers.get(proxy);
        if (!dispatcher) {
            dispatcher =
                proxy === '' ? new undici.Agent(agentOptions) : new undici.ProxyAgent({ ...agentOptions, uri: proxy });
            dispatchers.set(proxy, dispatcher);
        }
        return dispatcher;
    };
    const send = async (url, headers, body, method = 'POST') => {
        const signal = AbortSignal.timeout(options.requestTimeoutMs);
        const dispatcher = dispatcherFor(url);
        try {
            const answer = await (0,undici.request)(url, {
                method,
                headers,
                body: method === 'GET' ? undefined : body,
                dispatcher,
                signal
            });
            return { status: answer.statusCode, body: await answer.body.text() };
        }
        catch (error) {
            const name = error instanceof Error ? error.name : '';
            const code = error.code ?? '';
            if (signal.aborted || name === 'TimeoutError' || /TIMEOUT/.test(code)) {
                throw new errors/* NetworkError */.Dr('RequestTimeout', `no answer from ${url.host} within ${options.requestTimeoutMs} ms`);
            }
            const detail = code || (error instanceof Error ? error.message : String(error));
            throw new errors/* NetworkError */.Dr('NetworkError', `could not reach ${url.host}: ${detail}`);
        }
    };
    const close = async () => {
        await Promise.all([...dispatchers.values()].map((d) => d.close()));
    };
    return { send, close };
}


/***/ })

};
