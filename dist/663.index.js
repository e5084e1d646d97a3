export const id = 663;
export const ids = [663];
export const modules = {

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


/***/ })

};
