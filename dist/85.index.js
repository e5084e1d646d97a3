export const id = 85;
export const ids = [85];
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


/***/ })

};
