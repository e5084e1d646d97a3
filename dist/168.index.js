export const id = 168;
export const ids = [168,85,663];
export const modules = {

/***/ 7085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RpcClient: () => (/* binding */ RpcClient),
/* harmony export */   parseErrorBody: () => (/* binding */ parseErrorBody),
/* harmony export */   sendRequest: () => (/* binding */ sendRequest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3249);


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
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NetworkError */ .Dr) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD({ code: error.code, message: error.message, httpStatus: 0 });
        }
        throw error;
    }
    if (answer.status >= 200 && answer.status < 300)
        return answer;
    const fields = parseErrorBody(answer.body);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD({
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
    async call(action, params = {}, shape = FORM_POST) {
        const { endpoint, version, signer, key, send, clock, gate } = this.options;
        await gate?.acquire();
        let answer;
        try {
            const signed = signer({
                host: endpoint.host,
                method: shape.method,
                action,
                version,
                params,
                placement: shape.placement,
                nonce: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex'),
                time: clock.now()
            }, key);
            const url = new URL(signed.query ? `/?${signed.query}` : '/', endpoint);
            answer = await sendRequest(send, url, signed.headers, signed.body, shape.method);
        }
        finally {
            gate?.release();
        }
        try {
            return JSON.parse(answer.body);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD({
                code: 'InvalidResponse',
                message: `${action} answered HTTP ${answer.status} with a body that is not JSON`,
                httpStatus: 502
            });
        }
    }
}


/***/ }),

/***/ 5663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   canonicalRequestV3: () => (/* binding */ canonicalRequestV3),
/* harmony export */   isoSeconds: () => (/* binding */ isoSeconds),
/* harmony export */   sha256Hex: () => (/* binding */ sha256Hex),
/* harmony export */   signV2: () => (/* binding */ signV2),
/* harmony export */   signV3: () => (/* binding */ signV3),
/* harmony export */   signatureV2: () => (/* binding */ signatureV2),
/* harmony export */   signatureV3: () => (/* binding */ signatureV3)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _encode_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5392);


const FORM = 'application/x-www-form-urlencoded';
/** `YYYY-MM-DDTHH:mm:ssZ`, with no milliseconds, as both signatures require. */
function isoSeconds(time) {
    return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function sha256Hex(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
/** The v3 canonical request and the signed header names (SPEC 6.4 step 1). */
function canonicalRequestV3(request) {
    const signed = new Map();
    for (const [name, value] of Object.entries(request.headers)) {
        const lower = name.toLowerCase();
        if (lower === 'host' || lower === 'content-type' || lower.startsWith('x-acs-'))
            signed.set(lower, value.trim());
    }
    const names = [...signed.keys()].sort(_encode_js__WEBPACK_IMPORTED_MODULE_1__/* .byteOrder */ .Tz);
    const canonicalHeaders = names.map((name) => `${name}:${signed.get(name)}\n`).join('');
    const signedHeaders = names.join(';');
    const canonical = [
        request.method,
        '/',
        (0,_encode_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalQuery */ .Jj)(request.query),
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
        signature: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', secret).update(stringToSign).digest('hex'),
        signedHeaders
    };
}
/** Signature v3, the default: the parameters go in the form body or the query, the signature in a header. */
const signV3 = (call, key) => {
    const inBody = call.placement === 'body' && Object.keys(call.params).length > 0;
    const query = inBody ? {} : call.params;
    const body = inBody ? (0,_encode_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalQuery */ .Jj)(call.params) : '';
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
    return { headers, query: (0,_encode_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalQuery */ .Jj)(query), body };
};
/** The Base64 HMAC-SHA1 signature of v2 parameters (SPEC 6.5 steps 2 to 5). */
function signatureV2(method, params, secret) {
    const stringToSign = `${method}&${(0,_encode_js__WEBPACK_IMPORTED_MODULE_1__/* .percentEncode */ .a)('/')}&${(0,_encode_js__WEBPACK_IMPORTED_MODULE_1__/* .percentEncode */ .a)((0,_encode_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalQuery */ .Jj)(params))}`;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha1', `${secret}&`).update(stringToSign).digest('base64');
}
/**
 * Signature v2 (HMAC-SHA1, SignatureVersion=1.0): everything, signature included, in the form of a
 * POST, or in the query of a GET.
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
    if (call.method === 'GET') {
        const headers = { host: call.host, accept: 'application/json' };
        return { headers, query: (0,_encode_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalQuery */ .Jj)(params), body: '' };
    }
    return {
        headers: { host: call.host, 'content-type': FORM, accept: 'application/json' },
        query: '',
        body: (0,_encode_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalQuery */ .Jj)(params)
    };
};


/***/ }),

/***/ 5168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  credentialsFor: () => (/* binding */ credentialsFor)
});

// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./src/api/client.ts
var client = __webpack_require__(7085);
// EXTERNAL MODULE: ./src/api/encode.ts
var encode = __webpack_require__(5392);
// EXTERNAL MODULE: ./src/api/errors.ts
var errors = __webpack_require__(3249);
// EXTERNAL MODULE: ./src/api/sign.ts
var sign = __webpack_require__(5663);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/api/retry.ts
var api_retry = __webpack_require__(7018);
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
        throw new src_errors/* UserError */.y("OIDC needs a GitHub ID token, but this job cannot request one. Add 'permissions: id-token: write' to the job " +
            '(and contents: read if it checks out code). Pull requests from forks never get ID tokens.');
    }
    let token;
    try {
        token = await options.getIdToken(options.audience);
    }
    catch (error) {
        throw new src_errors/* UserError */.y(`Could not get a GitHub OIDC token for audience '${options.audience}': ${error instanceof Error ? error.message : String(error)}`);
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
            Timestamp: (0,sign.isoSeconds)(options.clock.now())
        });
        const url = new URL(`/?${query}`, options.stsEndpoint);
        const headers = {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json'
        };
        return (await (0,client.sendRequest)(options.send, url, headers, body)).body;
    };
    let text;
    try {
        text = await (0,api_retry.callWithRetry)(attempt, options.clock, retry/* DEFAULT_RETRY */.v, (m) => options.log(`STS: ${m}`));
    }
    catch (error) {
        if (!(error instanceof errors/* ApiError */.hD))
            throw error;
        const hint = /aud/i.test(`${error.code} ${error.apiMessage}`)
            ? ` Check that the 'audience' input ('${options.audience}') is a client ID of the OIDC provider in RAM.`
            : ' Check the role ARN, the OIDC provider ARN, and that the role trusts this repository.';
        throw new src_errors/* UserError */.y(`STS AssumeRoleWithOIDC at ${options.stsEndpoint.host} failed: ${error.message}${hint}`);
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
        throw new src_errors/* UserError */.y('STS AssumeRoleWithOIDC answered without Credentials.AccessKeyId, AccessKeySecret and SecurityToken.');
    }
    return key;
}

// EXTERNAL MODULE: ./src/credentials/resolve.ts
var resolve = __webpack_require__(5206);
;// CONCATENATED MODULE: ./src/credentials/credentials.ts



/** The access key for this run: from the inputs, OIDC or the environment (SPEC 5). */
async function credentialsFor(ctx) {
    const { inputs, log } = ctx;
    const choice = (0,resolve/* chooseCredentials */.Mk)(inputs, ctx.env);
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


/***/ })

};
