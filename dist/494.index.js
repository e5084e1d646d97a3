export const id = 494;
export const ids = [494];
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


/***/ })

};
