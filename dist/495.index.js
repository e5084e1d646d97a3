export const id = 495;
export const ids = [495,663];
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


/***/ }),

/***/ 8495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   esaService: () => (/* binding */ esaService),
/* harmony export */   resolveSiteId: () => (/* binding */ resolveSiteId)
/* harmony export */ });
/* harmony import */ var _api_sign_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5663);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1870);
/* harmony import */ var _service_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2287);




// ESA (Edge Security Acceleration), SPEC 6.7: every parameter in the query, as the official SDK
// sends it; purges and prefetches by POST, look-ups by GET.
const POST = { method: 'POST', placement: 'query' };
const GET = { method: 'GET', placement: 'query' };
/** ESA's purge types and the key of the Content JSON that holds the objects of each. */
const PURGE_TYPES = {
    File: { type: 'file', content: 'Files' },
    Directory: { type: 'directory', content: 'Directories' },
    IgnoreParams: { type: 'ignoreParams', content: 'IgnoreParams' }
};
const TASKS_PER_PAGE = 50;
/** Pages of DescribePurgeTasks read at most in one look-up: 10,000 entries. */
const MAX_TASK_PAGES = 200;
/** Room on both sides of the task window for clocks that disagree. */
const WINDOW_MARGIN_MS = 5 * 60_000;
/** A numeric `site` is its ID; a name is looked up with ListSites (exact match). */
async function resolveSiteId(client, site) {
    if (/^\d+$/.test(site))
        return Number(site);
    const answer = await client.call('ListSites', { SiteName: site, SiteSearchType: 'exact', PageNumber: '1', PageSize: '50' }, GET);
    const sites = Array.isArray(answer.Sites) ? answer.Sites : [];
    const match = sites.find((s) => (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(s.SiteName).toLowerCase() === site.toLowerCase());
    const id = Number(match?.SiteId);
    if (!match || !Number.isFinite(id)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Input 'site': ESA has no site named '${site}' in this account (ListSites, RequestId ${(0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(answer.RequestId)}). ` +
            'Give the exact site name as the ESA console shows it, or its numeric site ID.');
    }
    return id;
}
class EsaService {
    client;
    siteId;
    clock;
    limits = _limits_js__WEBPACK_IMPORTED_MODULE_2__/* .SERVICE_LIMITS */ .rp.esa;
    /** When the first purge of this run was sent: the task look-up window starts there. */
    firstPurgeAt;
    constructor(client, siteId, clock) {
        this.client = client;
        this.siteId = siteId;
        this.clock = clock;
    }
    async refresh(type, urls, force) {
        const purge = PURGE_TYPES[type];
        if (!purge)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`ESA cannot refresh objects of type ${type}.`);
        const params = {
            SiteId: String(this.siteId),
            Type: purge.type,
            Content: JSON.stringify({ [purge.content]: urls })
        };
        if (type !== 'File')
            params.Force = force ? 'true' : 'false';
        this.firstPurgeAt ??= this.clock.now();
        const answer = await this.client.call('PurgeCaches', params, POST);
        const taskId = (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(answer.TaskId);
        return { requestId: (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(answer.RequestId), taskIds: taskId ? [taskId] : [] };
    }
    async readQuota() {
        const quota = {};
        const remain = {};
        let requestId = '';
        for (const [kind, purge] of Object.entries(PURGE_TYPES)) {
            const answer = await this.client.call('GetPurgeQuota', { SiteId: String(this.siteId), Type: purge.type }, GET);
            requestId ||= (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(answer.RequestId);
            quota[kind] = (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .quotaNumber */ .Gv)(answer.Quota);
            remain[kind] = quota[kind] - (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .quotaNumber */ .Gv)(answer.Usage);
        }
        // ESA has no regex purge, and publishes no prefetch quota to read.
        quota.Regex = 0;
        remain.Regex = 0;
        quota.Preload = Infinity;
        remain.Preload = Infinity;
        return { requestId, quota, remain };
    }
    async describeTasks(taskIds) {
        const wanted = new Set(taskIds);
        const now = this.clock.now();
        const start = (this.firstPurgeAt ?? now) - WINDOW_MARGIN_MS;
        const tasks = [];
        for (let page = 1; page <= MAX_TASK_PAGES; page++) {
            const answer = await this.client.call('DescribePurgeTasks', {
                SiteId: String(this.siteId),
                StartTime: (0,_api_sign_js__WEBPACK_IMPORTED_MODULE_0__.isoSeconds)(start),
                EndTime: (0,_api_sign_js__WEBPACK_IMPORTED_MODULE_0__.isoSeconds)(now + WINDOW_MARGIN_MS),
                PageNumber: String(page),
                PageSize: String(TASKS_PER_PAGE)
            }, GET);
            const entries = Array.isArray(answer.Tasks) ? answer.Tasks : [];
            for (const t of entries) {
                if (!wanted.has((0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(t.TaskId)))
                    continue;
                tasks.push({
                    taskId: (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(t.TaskId),
                    objectPath: (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(t.Content),
                    objectType: (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(t.Type),
                    status: (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(t.Status),
                    process: (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(t.Process),
                    creationTime: (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(t.CreateTime),
                    description: (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(t.Description)
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
        const answer = await this.client.call('PreloadCaches', { SiteId: String(this.siteId), Content: JSON.stringify(urls) }, POST);
        const taskId = (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(answer.TaskId);
        return { requestId: (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(answer.RequestId), taskIds: taskId ? [taskId] : [] };
    }
}
/** ESA for one site, its ID resolved first. */
async function esaService(client, site, clock) {
    return new EsaService(client, await resolveSiteId(client, site), clock);
}


/***/ }),

/***/ 2287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ splitIds),
/* harmony export */   Gv: () => (/* binding */ quotaNumber),
/* harmony export */   Qq: () => (/* binding */ text)
/* harmony export */ });
function splitIds(value) {
    if (typeof value === 'number')
        return [String(value)];
    if (typeof value !== 'string')
        return [];
    return value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
}
/** A quota figure: the services send them as strings. NaN when missing or unreadable. */
function quotaNumber(value) {
    const n = typeof value === 'number'
        ? value
        : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : NaN;
    return Number.isFinite(n) ? n : NaN;
}
const text = (v) => (v === undefined || v === null ? '' : String(v));


/***/ })

};
