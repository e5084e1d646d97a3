export const id = 82;
export const ids = [82,494];
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

/***/ 9081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ createCallGate)
/* harmony export */ });
/**
 * The account's one door for calls: quota reads, refreshes, task look-ups and prefetches, in the
 * real run and in the dry run's schedule alike. Calls go one at a time, each when the pacer lets
 * it. A call is recorded when its answer is here, since the service counted it somewhere before
 * then, so no window opens early; a refused call counts against the calls per second only.
 */
function createCallGate(pacer, clock, log = () => { }) {
    let busy = Promise.resolve();
    return {
        run(load, call) {
            const turn = busy.then(async () => {
                const now = clock.now();
                const { at, reason } = pacer.earliest(load, now);
                if (at - now >= 1000)
                    log(`Waiting ${((at - now) / 1000).toFixed(1)} s for the ${reason}.`);
                await clock.sleep(at - now);
                try {
                    const answer = await call();
                    pacer.record(load, clock.now());
                    return answer;
                }
                catch (error) {
                    pacer.record({}, clock.now());
                    throw error;
                }
            });
            busy = turn.catch(() => undefined);
            return turn;
        }
    };
}


/***/ }),

/***/ 1082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openService: () => (/* binding */ openService)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/api/errors.ts
var errors = __webpack_require__(3249);
;// CONCATENATED MODULE: ./src/api/json.ts
/**
 * JSON.parse for the services' answers, with every integer too long for a double (an ESA site
 * ID, a task ID) kept as its exact decimal text instead of being rounded (SPEC 4.1.4).
 */
function parseJson(text) {
    return JSON.parse(/\d{16}/.test(text) ? quoteLongIntegers(text) : text);
}
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
/** Wraps integer literals of 16 digits or more in quotes; strings are passed over as they are. */
function quoteLongIntegers(text) {
    const parts = [];
    let copied = 0;
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '"') {
            for (i++; i < text.length && text[i] !== '"'; i++)
                if (text[i] === '\\')
                    i++;
            i++;
            continue;
        }
        if (c !== '-' && !isDigit(c)) {
            i++;
            continue;
        }
        const start = i;
        if (c === '-')
            i++;
        while (isDigit(text[i]))
            i++;
        const integer = text[i] !== '.' && text[i] !== 'e' && text[i] !== 'E';
        if (integer && i - start - (c === '-' ? 1 : 0) >= 16) {
            parts.push(text.slice(copied, start), `"${text.slice(start, i)}"`);
            copied = i;
        }
        while (i < text.length && /[0-9.eE+-]/.test(text[i]))
            i++;
    }
    parts.push(text.slice(copied));
    return parts.join('');
}

;// CONCATENATED MODULE: ./src/api/client.ts



const FORM_POST = { method: 'POST', placement: 'body' };
/** Reads the error fields from a JSON body, or from XML when the server ignored our Accept. */
function parseErrorBody(body) {
    const trimmed = body.trim();
    if (trimmed.startsWith('{')) {
        try {
            const json = JSON.parse(trimmed);
            return {
                code: typeof json.Code === 'string' ? json.Code : undefined,
                message: typeof json.Message === 'string' ? json.Message : undefined,
                requestId: typeof json.RequestId === 'string' ? json.RequestId : undefined
            };
        }
        catch {
            return {};
        }
    }
    const tag = (name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(trimmed)?.[1];
    return { code: tag('Code'), message: tag('Message'), requestId: tag('RequestId') };
}
/**
 * Sends one request and returns the answer, or throws an ApiError: for no answer at all, or for
 * an HTTP error with the service's (or STS's) Code, Message and RequestId.
 */
async function sendRequest(send, url, headers, body, method = 'POST') {
    let answer;
    try {
        answer = await send(url, headers, body, method);
    }
    catch (error) {
        if (error instanceof errors/* NetworkError */.Dr) {
            throw new errors/* ApiError */.hD({ code: error.code, message: error.message, httpStatus: 0 });
        }
        throw error;
    }
    if (answer.status >= 200 && answer.status < 300)
        return answer;
    const fields = parseErrorBody(answer.body);
    throw new errors/* ApiError */.hD({
        code: fields.code ?? `HTTP${answer.status}`,
        message: fields.message ?? (answer.body.slice(0, 200) || `HTTP ${answer.status}`),
        requestId: fields.requestId,
        httpStatus: answer.status
    });
}
/** One signed RPC call to an Alibaba Cloud API: every attempt gets a new nonce and timestamp. */
class RpcClient {
    options;
    constructor(options) {
        this.options = options;
    }
    async call(action, params = {}, shape = FORM_POST, load = {}) {
        const { gate } = this.options;
        const answer = await (gate
            ? gate.run(load, () => this.send(action, params, shape))
            : this.send(action, params, shape));
        try {
            return parseJson(answer.body);
        }
        catch {
            throw new errors/* ApiError */.hD({
                code: 'InvalidResponse',
                message: `${action} answered HTTP ${answer.status} with a body that is not JSON`,
                httpStatus: 502
            });
        }
    }
    /** Signs and sends one attempt: a new nonce and timestamp every time. */
    send(action, params, shape) {
        const { endpoint, version, signer, key, send, clock } = this.options;
        const signed = signer({
            host: endpoint.host,
            method: shape.method,
            action,
            version,
            params,
            placement: shape.placement,
            nonce: (0,external_node_crypto_.randomBytes)(16).toString('hex'),
            time: clock.now()
        }, key);
        const url = new URL(signed.query ? `/?${signed.query}` : '/', endpoint);
        return sendRequest(send, url, signed.headers, signed.body, shape.method);
    }
}

// EXTERNAL MODULE: ./src/api/retry.ts
var retry = __webpack_require__(7018);
// EXTERNAL MODULE: ./src/api/encode.ts
var encode = __webpack_require__(5392);
;// CONCATENATED MODULE: ./src/api/sign.ts


const FORM = 'application/x-www-form-urlencoded';
/** `YYYY-MM-DDTHH:mm:ssZ`, with no milliseconds, as both signatures require. */
function isoSeconds(time) {
    return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
/** The v3 canonical request and the signed header names (SPEC 6.4 step 1). */
function canonicalRequestV3(request) {
    const signed = new Map();
    for (const [name, value] of Object.entries(request.headers)) {
        const lower = name.toLowerCase();
        if (lower === 'host' || lower === 'content-type' || lower.startsWith('x-acs-'))
            signed.set(lower, value.trim());
    }
    const names = [...signed.keys()].sort(encode/* byteOrder */.Tz);
    const canonicalHeaders = names.map((name) => `${name}:${signed.get(name)}\n`).join('');
    const signedHeaders = names.join(';');
    const canonical = [
        request.method,
        '/',
        (0,encode/* canonicalQuery */.Jj)(request.query),
        canonicalHeaders,
        signedHeaders,
        request.payloadHash
    ].join('\n');
    return { canonical, signedHeaders };
}
/** The hex ACS3-HMAC-SHA256 signature of a request (SPEC 6.4 steps 2 and 3). */
function signatureV3(request, secret) {
    const { canonical, signedHeaders } = canonicalRequestV3(request);
    const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonical)}`;
    return {
        signature: (0,external_node_crypto_.createHmac)('sha256', secret).update(stringToSign).digest('hex'),
        signedHeaders
    };
}
/** Signature v3, the default: the parameters go in the form body or the query, the signature in a header. */
const signV3 = (call, key) => {
    const inBody = call.placement === 'body' && Object.keys(call.params).length > 0;
    const query = inBody ? {} : call.params;
    const body = inBody ? (0,encode/* canonicalQuery */.Jj)(call.params) : '';
    const headers = {
        host: call.host,
        'x-acs-action': call.action,
        'x-acs-version': call.version,
        'x-acs-date': isoSeconds(call.time),
        'x-acs-signature-nonce': call.nonce,
        'x-acs-content-sha256': sha256Hex(body)
    };
    if (inBody)
        headers['content-type'] = FORM;
    if (key.securityToken)
        headers['x-acs-security-token'] = key.securityToken;
    const { signature, signedHeaders } = signatureV3({ method: call.method, query, headers, payloadHash: headers['x-acs-content-sha256'] }, key.accessKeySecret);
    headers.authorization = `ACS3-HMAC-SHA256 Credential=${key.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
    headers.accept = 'application/json';
    return { headers, query: (0,encode/* canonicalQuery */.Jj)(query), body };
};
/** The Base64 HMAC-SHA1 signature of v2 parameters (SPEC 6.5 steps 2 to 5). */
function signatureV2(method, params, secret) {
    const stringToSign = `${method}&${(0,encode/* percentEncode */.a)('/')}&${(0,encode/* percentEncode */.a)((0,encode/* canonicalQuery */.Jj)(params))}`;
    return (0,external_node_crypto_.createHmac)('sha1', `${secret}&`).update(stringToSign).digest('base64');
}
/**
 * Signature v2 (HMAC-SHA1, SignatureVersion=1.0): everything, signature included, in the form of a
 * POST (SPEC 6.5), or in the query of a GET and of an operation whose parameters go in the query.
 */
const signV2 = (call, key) => {
    const params = {
        ...call.params,
        Action: call.action,
        Version: call.version,
        Format: 'JSON',
        AccessKeyId: key.accessKeyId,
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        SignatureNonce: call.nonce,
        Timestamp: isoSeconds(call.time)
    };
    if (key.securityToken)
        params.SecurityToken = key.securityToken;
    params.Signature = signatureV2(call.method, params, key.accessKeySecret);
    // An operation whose parameters travel in the query (ESA's, some of CDN's) sends them all there.
    if (call.method === 'GET' || call.placement === 'query') {
        const headers = { host: call.host, accept: 'application/json' };
        return { headers, query: (0,encode/* canonicalQuery */.Jj)(params), body: '' };
    }
    return {
        headers: { host: call.host, 'content-type': FORM, accept: 'application/json' },
        query: '',
        body: (0,encode/* canonicalQuery */.Jj)(params)
    };
};

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/api/dispatchers.ts + 1 modules
var api_dispatchers = __webpack_require__(7494);
;// CONCATENATED MODULE: ./src/api/transport.ts



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
    const dispatchers = (0,api_dispatchers.createDispatchers)(proxyEnv, agentOptions);
    const send = async (url, headers, body, method = 'POST') => {
        const signal = AbortSignal.timeout(options.requestTimeoutMs);
        const dispatcher = dispatchers.for(url);
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
        await dispatchers.close();
    };
    return { send, close };
}

// EXTERNAL MODULE: ./src/runner/secrets.ts
var secrets = __webpack_require__(2995);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/backoff.ts
var backoff = __webpack_require__(9360);
// EXTERNAL MODULE: ./src/services/limits.ts
var limits = __webpack_require__(1870);
;// CONCATENATED MODULE: ./src/credentials/oidc.ts









/** STS's shortest session; a refresh with a wait rarely needs more, and keys that die soon leak less. */
const DURATION_SECONDS = 3600;
/** `github-actions-<run id>`, cleaned to what STS accepts: [A-Za-z0-9.@_-], 2 to 64 characters. */
function defaultSessionName(runId) {
    const name = `github-actions-${runId ?? ''}`.replace(/[^A-Za-z0-9.@_-]/g, '-').slice(0, 64);
    return name.replace(/-+$/, '') || 'github-actions';
}
async function idToken(options) {
    if (!options.idTokenAvailable) {
        throw new util_errors/* UserError */.y("OIDC needs a GitHub ID token, but this job cannot request one. Add 'permissions: id-token: write' to the job " +
            '(and contents: read if it checks out code). Pull requests from forks never get ID tokens.');
    }
    let token;
    try {
        token = await options.getIdToken(options.audience);
    }
    catch (error) {
        throw new util_errors/* UserError */.y(`Could not get a GitHub OIDC token for audience '${options.audience}': ${error instanceof Error ? error.message : String(error)}`);
    }
    (0,secrets/* addSecret */.C)(token);
    return token;
}
/** Exchanges the job's GitHub OIDC token for STS credentials with AssumeRoleWithOIDC (SPEC 5). */
async function assumeRoleWithOidc(options) {
    const token = await idToken(options);
    const body = (0,encode/* canonicalQuery */.Jj)({
        RoleArn: options.roleArn,
        OIDCProviderArn: options.oidcProviderArn,
        OIDCToken: token,
        RoleSessionName: options.roleSessionName,
        DurationSeconds: String(DURATION_SECONDS)
    });
    const attempt = async () => {
        const query = (0,encode/* canonicalQuery */.Jj)({
            Action: 'AssumeRoleWithOIDC',
            Version: limits/* SERVICE_API */.df.sts.version,
            Format: 'JSON',
            Timestamp: isoSeconds(options.clock.now())
        });
        const url = new URL(`/?${query}`, options.stsEndpoint);
        const headers = {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json'
        };
        return (await sendRequest(options.send, url, headers, body)).body;
    };
    let text;
    try {
        text = await (0,retry/* callWithRetry */.Z)(attempt, options.clock, backoff/* DEFAULT_RETRY */.v, (m) => options.log(`STS: ${m}`));
    }
    catch (error) {
        if (!(error instanceof errors/* ApiError */.hD))
            throw error;
        const hint = /aud/i.test(`${error.code} ${error.apiMessage}`)
            ? ` Check that the 'audience' input ('${options.audience}') is a client ID of the OIDC provider in RAM.`
            : ' Check the role ARN, the OIDC provider ARN, and that the role trusts this repository.';
        throw new util_errors/* UserError */.y(`STS AssumeRoleWithOIDC at ${options.stsEndpoint.host} failed: ${error.message}${hint}`);
    }
    let credentials = {};
    try {
        credentials = JSON.parse(text).Credentials ?? {};
    }
    catch {
        // Reported below as missing credentials.
    }
    const key = {
        accessKeyId: String(credentials.AccessKeyId ?? ''),
        accessKeySecret: String(credentials.AccessKeySecret ?? ''),
        securityToken: String(credentials.SecurityToken ?? '')
    };
    (0,secrets/* addSecret */.C)(key.accessKeySecret);
    (0,secrets/* addSecret */.C)(key.securityToken);
    if (!key.accessKeyId || !key.accessKeySecret || !key.securityToken) {
        throw new util_errors/* UserError */.y('STS AssumeRoleWithOIDC answered without Credentials.AccessKeyId, AccessKeySecret and SecurityToken.');
    }
    return key;
}

// EXTERNAL MODULE: ./src/credentials/resolve.ts
var resolve = __webpack_require__(5206);
;// CONCATENATED MODULE: ./src/credentials/credentials.ts



/** The access key for this run: from the inputs, OIDC or the environment (SPEC 5). */
async function credentialsFor(ctx) {
    const { inputs, log } = ctx;
    const choice = (0,resolve/* chooseCredentials */.M)(inputs, ctx.env);
    if (choice.kind === 'key') {
        (0,secrets/* addSecret */.C)(choice.resolved.key.accessKeySecret);
        (0,secrets/* addSecret */.C)(choice.resolved.key.securityToken);
        if (inputs.roleArn !== '' && inputs.accessKeyId !== '') {
            log.warning("Both access keys and 'role-arn' are given; the access keys are used and OIDC is skipped.");
        }
        log.info(`Using credentials from ${choice.resolved.source}.`);
        return choice.resolved.key;
    }
    log.info(`Assuming ${inputs.roleArn} through GitHub OIDC.`);
    return assumeRoleWithOidc({
        roleArn: inputs.roleArn,
        oidcProviderArn: inputs.oidcProviderArn,
        roleSessionName: inputs.roleSessionName || defaultSessionName(ctx.runId),
        audience: inputs.audience,
        stsEndpoint: ctx.stsEndpoint,
        getIdToken: ctx.getIdToken,
        idTokenAvailable: ctx.idTokenAvailable,
        send: ctx.send,
        clock: ctx.clock,
        log: (m) => log.info(m)
    });
}

// EXTERNAL MODULE: ./src/plan/pacing.ts
var pacing = __webpack_require__(7);
// EXTERNAL MODULE: ./src/services/service.ts
var service = __webpack_require__(2287);
;// CONCATENATED MODULE: ./src/services/dcdn.ts



const dcdn_FORM = { method: 'POST', placement: 'body' };
const QUERY = { method: 'POST', placement: 'query' };
const DCDN_OPERATIONS = {
    refresh: 'RefreshDcdnObjectCaches',
    tags: 'RefreshDcdnObjectCacheByCacheTag',
    quota: 'DescribeDcdnRefreshQuota',
    tasks: 'DescribeDcdnRefreshTaskById',
    preload: 'PreloadDcdnObjectCaches',
    preloadTaskField: 'PreloadTaskId',
    refreshShape: dcdn_FORM,
    tasksShape: dcdn_FORM,
    preloadShape: dcdn_FORM
};
const CDN_OPERATIONS = {
    refresh: 'RefreshObjectCaches',
    tags: 'RefreshObjectCacheByCacheTag',
    quota: 'DescribeRefreshQuota',
    tasks: 'DescribeRefreshTaskById',
    preload: 'PushObjectCache',
    preloadTaskField: 'PushTaskId',
    refreshShape: dcdn_FORM,
    tasksShape: QUERY,
    preloadShape: QUERY
};
/** The quota fields of each kind; tags have none (no tag quota is published). */
const QUOTA_FIELDS = {
    File: 'Url',
    Directory: 'Dir',
    Regex: 'Regex',
    IgnoreParams: 'IgnoreParams',
    Preload: 'Preload'
};
/** Reads `<Field>Quota` and `<Field>Remain` of every kind; the services send them as strings. */
function parseRefreshQuota(answer) {
    const quota = { Tag: Infinity };
    const remain = { Tag: Infinity };
    for (const [kind, field] of Object.entries(QUOTA_FIELDS)) {
        quota[kind] = (0,service/* quotaNumber */.Gv)(answer[`${field}Quota`]);
        remain[kind] = (0,service/* quotaNumber */.Gv)(answer[`${field}Remain`]);
    }
    return { quota, remain };
}
/** The task list of DescribeDcdnRefreshTaskById and DescribeRefreshTaskById. */
function parseTasks(raw) {
    // The documented shape is a plain array; older answers wrap it as {Task: [...]}.
    const list = Array.isArray(raw)
        ? raw
        : raw && typeof raw === 'object' && Array.isArray(raw.Task)
            ? raw.Task
            : [];
    return list.map((item) => {
        const t = (item ?? {});
        return {
            taskId: (0,service/* text */.Qq)(t.TaskId),
            objectPath: (0,service/* text */.Qq)(t.ObjectPath),
            objectType: (0,service/* text */.Qq)(t.ObjectType),
            status: (0,service/* text */.Qq)(t.Status),
            process: (0,service/* text */.Qq)(t.Process),
            creationTime: (0,service/* text */.Qq)(t.CreationTime),
            description: (0,service/* text */.Qq)(t.Description)
        };
    });
}
class RefreshApi {
    client;
    ops;
    limits;
    constructor(client, ops, limits) {
        this.client = client;
        this.ops = ops;
        this.limits = limits;
    }
    async refresh(type, urls, force) {
        const params = { ObjectPath: urls.join('\n'), ObjectType: type };
        // Force is documented for directory refreshes only.
        if (type === 'Directory')
            params.Force = force ? 'true' : 'false';
        const answer = await this.client.call(this.ops.refresh, params, this.ops.refreshShape, (0,pacing/* refreshLoad */.c)(type, urls));
        return { requestId: (0,service/* text */.Qq)(answer.RequestId), taskIds: (0,service/* splitIds */.Du)(answer.RefreshTaskId) };
    }
    async refreshTags(host, tags, force) {
        const answer = await this.client.call(this.ops.tags, { DomainName: host, CacheTag: tags.join(','), Force: force ? 'true' : 'false' }, QUERY);
        return { requestId: (0,service/* text */.Qq)(answer.RequestId), taskIds: (0,service/* splitIds */.Du)(answer.RefreshTaskId) };
    }
    async readQuota() {
        return parseRefreshQuota(await this.client.call(this.ops.quota));
    }
    async describeTasks(taskIds) {
        const tasks = [];
        for (let i = 0; i < taskIds.length; i += limits/* TASK_IDS_PER_QUERY */.qr) {
            const chunk = taskIds.slice(i, i + limits/* TASK_IDS_PER_QUERY */.qr);
            const answer = await this.client.call(this.ops.tasks, { TaskId: chunk.join(',') }, this.ops.tasksShape);
            for (const task of parseTasks(answer.Tasks))
                tasks.push(task);
        }
        return tasks;
    }
    async preload(urls, area) {
        const params = { ObjectPath: urls.join('\n') };
        if (area)
            params.Area = area;
        const answer = await this.client.call(this.ops.preload, params, this.ops.preloadShape, { preload: true });
        return {
            requestId: (0,service/* text */.Qq)(answer.RequestId),
            taskIds: (0,service/* splitIds */.Du)(answer[this.ops.preloadTaskField])
        };
    }
}
/** DCDN (SPEC 6.1). */
function dcdnService(client) {
    return new RefreshApi(client, DCDN_OPERATIONS, limits/* SERVICE_LIMITS */.rp.dcdn);
}
/** Classic Alibaba Cloud CDN (SPEC 6.7). */
function cdnService(client) {
    return new RefreshApi(client, CDN_OPERATIONS, limits/* SERVICE_LIMITS */.rp.cdn);
}

;// CONCATENATED MODULE: ./src/services/esa.ts





// ESA (Edge Security Acceleration), SPEC 6.7: every parameter in the query, as the official SDK
// sends it; purges and prefetches by POST, look-ups by GET.
const POST = { method: 'POST', placement: 'query' };
const GET = { method: 'GET', placement: 'query' };
/** ESA's purge types and the key of the Content JSON that holds the objects of each. */
const PURGE_TYPES = {
    File: { type: 'file', content: 'Files' },
    Directory: { type: 'directory', content: 'Directories' },
    IgnoreParams: { type: 'ignoreParams', content: 'IgnoreParams' },
    Tag: { type: 'cachetag', content: 'CacheTags' }
};
const TASKS_PER_PAGE = 50;
/** Pages of DescribePurgeTasks read at most in one look-up: 10,000 entries. */
const MAX_TASK_PAGES = 200;
/** Room on both sides of the task window for clocks that disagree. */
const WINDOW_MARGIN_MS = 5 * 60_000;
/**
 * A numeric `site` is its ID, kept as its exact decimal text (IDs pass 2^53); a name is looked
 * up with ListSites (exact match).
 */
async function resolveSiteId(client, site) {
    if (/^\d+$/.test(site))
        return site;
    const answer = await client.call('ListSites', { SiteName: site, SiteSearchType: 'exact', PageNumber: '1', PageSize: '50' }, GET);
    const sites = Array.isArray(answer.Sites) ? answer.Sites : [];
    const match = sites.find((s) => (0,service/* text */.Qq)(s.SiteName).toLowerCase() === site.toLowerCase());
    const id = (0,service/* text */.Qq)(match?.SiteId);
    if (!match || !/^\d+$/.test(id)) {
        throw new util_errors/* UserError */.y(`Input 'site': ESA has no site named '${site}' in this account (ListSites, RequestId ${(0,service/* text */.Qq)(answer.RequestId)}). ` +
            'Give the exact site name as the ESA console shows it, or its numeric site ID.');
    }
    return id;
}
class EsaService {
    client;
    siteId;
    clock;
    limits = limits/* SERVICE_LIMITS */.rp.esa;
    /** When the first purge of this run was sent: the task look-up window starts there. */
    firstPurgeAt;
    constructor(client, siteId, clock) {
        this.client = client;
        this.siteId = siteId;
        this.clock = clock;
    }
    async purge(type, objects, force) {
        const purge = PURGE_TYPES[type];
        if (!purge)
            throw new util_errors/* UserError */.y(`ESA cannot refresh objects of type ${type}.`);
        const params = {
            SiteId: this.siteId,
            Type: purge.type,
            Content: JSON.stringify({ [purge.content]: objects })
        };
        if (type !== 'File')
            params.Force = force ? 'true' : 'false';
        this.firstPurgeAt ??= this.clock.now();
        const answer = await this.client.call('PurgeCaches', params, POST, (0,pacing/* refreshLoad */.c)(type, objects));
        const taskId = (0,service/* text */.Qq)(answer.TaskId);
        return { requestId: (0,service/* text */.Qq)(answer.RequestId), taskIds: taskId ? [taskId] : [] };
    }
    refresh(type, urls, force) {
        return this.purge(type, urls, force);
    }
    /** Tags are site-wide on ESA: the host is not sent. */
    refreshTags(_host, tags, force) {
        return this.purge('Tag', tags, force);
    }
    /** GetPurgeQuota for each kind asked for; ESA has no regex purge and no prefetch quota. */
    async readQuota(kinds) {
        const quota = { Regex: 0, Preload: Infinity };
        const remain = { Regex: 0, Preload: Infinity };
        for (const [kind, purge] of Object.entries(PURGE_TYPES)) {
            if (!kinds.includes(kind)) {
                quota[kind] = NaN;
                remain[kind] = NaN;
                continue;
            }
            const answer = await this.client.call('GetPurgeQuota', { SiteId: this.siteId, Type: purge.type }, GET);
            quota[kind] = (0,service/* quotaNumber */.Gv)(answer.Quota);
            remain[kind] = quota[kind] - (0,service/* quotaNumber */.Gv)(answer.Usage);
        }
        return { quota, remain };
    }
    async describeTasks(taskIds) {
        const wanted = new Set(taskIds);
        const now = this.clock.now();
        const start = (this.firstPurgeAt ?? now) - WINDOW_MARGIN_MS;
        const tasks = [];
        for (let page = 1; page <= MAX_TASK_PAGES; page++) {
            const answer = await this.client.call('DescribePurgeTasks', {
                SiteId: this.siteId,
                StartTime: isoSeconds(start),
                EndTime: isoSeconds(now + WINDOW_MARGIN_MS),
                PageNumber: String(page),
                PageSize: String(TASKS_PER_PAGE)
            }, GET);
            const entries = Array.isArray(answer.Tasks) ? answer.Tasks : [];
            for (const t of entries) {
                if (!wanted.has((0,service/* text */.Qq)(t.TaskId)))
                    continue;
                tasks.push({
                    taskId: (0,service/* text */.Qq)(t.TaskId),
                    objectPath: (0,service/* text */.Qq)(t.Content),
                    objectType: (0,service/* text */.Qq)(t.Type),
                    status: (0,service/* text */.Qq)(t.Status),
                    process: (0,service/* text */.Qq)(t.Process),
                    creationTime: (0,service/* text */.Qq)(t.CreateTime),
                    description: (0,service/* text */.Qq)(t.Description)
                });
            }
            const total = Number(answer.TotalCount);
            if (entries.length < TASKS_PER_PAGE ||
                (Number.isFinite(total) && page * TASKS_PER_PAGE >= total))
                break;
        }
        return tasks;
    }
    async preload(urls) {
        const answer = await this.client.call('PreloadCaches', { SiteId: this.siteId, Content: JSON.stringify(urls) }, POST);
        const taskId = (0,service/* text */.Qq)(answer.TaskId);
        return { requestId: (0,service/* text */.Qq)(answer.RequestId), taskIds: taskId ? [taskId] : [] };
    }
}
/** ESA for one site, its ID resolved first. */
async function esaService(client, site, clock) {
    return new EsaService(client, await resolveSiteId(client, site), clock);
}

// EXTERNAL MODULE: ./src/submit/gate.ts
var gate = __webpack_require__(9081);
;// CONCATENATED MODULE: ./src/wiring/alibaba.ts
// The Alibaba Cloud side of a run, opened only when a run calls it: the HTTP client, the
// credentials, the signed and paced RPC client, and the service behind the RefreshService interface.
// connect.ts loads this module with one dynamic import(), so that a dry run pays nothing for it.










/** The service, with credentials resolved and every call of the account through one call gate. */
async function openService(options) {
    const { settings, runner, clock, log } = options;
    const http = createHttpSend({ connectTimeoutMs: runner.connectTimeoutMs, requestTimeoutMs: runner.requestTimeoutMs }, runner.proxy);
    try {
        const key = await credentialsFor({
            inputs: settings.credentials,
            env: runner.credentials,
            stsEndpoint: settings.stsEndpoint,
            runId: runner.runId,
            idTokenAvailable: runner.idTokenAvailable,
            getIdToken: options.getIdToken,
            send: http.send,
            clock,
            log
        });
        const client = new RpcClient({
            endpoint: settings.endpoint,
            version: limits/* SERVICE_API */.df[settings.service].version,
            signer: settings.signatureVersion === 'v2' ? signV2 : signV3,
            key,
            send: http.send,
            clock,
            gate: (0,gate/* createCallGate */.s)(options.pacer, clock, (m) => log.info(m))
        });
        const service = settings.service === 'cdn'
            ? cdnService(client)
            : settings.service === 'esa'
                ? await (0,retry/* callWithRetry */.Z)(() => esaService(client, settings.site, clock), clock, backoff/* DEFAULT_RETRY */.v, (m) => log.info(`ListSites: ${m}`))
                : dcdnService(client);
        return { service, close: () => http.close() };
    }
    catch (error) {
        await http.close();
        throw error;
    }
}


/***/ })

};
