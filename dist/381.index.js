export const id = 381;
export const ids = [381];
export const modules = {

/***/ 9381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cdnService: () => (/* binding */ cdnService),
/* harmony export */   dcdnService: () => (/* binding */ dcdnService),
/* harmony export */   parseRefreshQuota: () => (/* binding */ parseRefreshQuota),
/* harmony export */   parseTasks: () => (/* binding */ parseTasks)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1870);
/* harmony import */ var _service_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2287);


const FORM = { method: 'POST', placement: 'body' };
const QUERY = { method: 'POST', placement: 'query' };
const DCDN_OPERATIONS = {
    refresh: 'RefreshDcdnObjectCaches',
    quota: 'DescribeDcdnRefreshQuota',
    tasks: 'DescribeDcdnRefreshTaskById',
    preload: 'PreloadDcdnObjectCaches',
    preloadTaskField: 'PreloadTaskId',
    tasksShape: FORM,
    preloadShape: FORM
};
const CDN_OPERATIONS = {
    refresh: 'RefreshObjectCaches',
    quota: 'DescribeRefreshQuota',
    tasks: 'DescribeRefreshTaskById',
    preload: 'PushObjectCache',
    preloadTaskField: 'PushTaskId',
    tasksShape: QUERY,
    preloadShape: QUERY
};
const QUOTA_FIELDS = {
    File: 'Url',
    Directory: 'Dir',
    Regex: 'Regex',
    IgnoreParams: 'IgnoreParams',
    Preload: 'Preload'
};
/** Reads `<Field>Quota` and `<Field>Remain` of every kind; the services send them as strings. */
function parseRefreshQuota(answer) {
    const quota = {};
    const remain = {};
    for (const [kind, field] of Object.entries(QUOTA_FIELDS)) {
        quota[kind] = (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .quotaNumber */ .Gv)(answer[`${field}Quota`]);
        remain[kind] = (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .quotaNumber */ .Gv)(answer[`${field}Remain`]);
    }
    return { requestId: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(answer.RequestId), quota, remain };
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
            taskId: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(t.TaskId),
            objectPath: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(t.ObjectPath),
            objectType: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(t.ObjectType),
            status: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(t.Status),
            process: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(t.Process),
            creationTime: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(t.CreationTime),
            description: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(t.Description)
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
        const answer = await this.client.call(this.ops.refresh, params);
        return { requestId: answer.RequestId ?? '', taskIds: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .splitIds */ .Du)(answer.RefreshTaskId) };
    }
    async readQuota() {
        return parseRefreshQuota(await this.client.call(this.ops.quota));
    }
    async describeTasks(taskIds) {
        const tasks = [];
        for (let i = 0; i < taskIds.length; i += _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .TASK_IDS_PER_QUERY */ .qr) {
            const chunk = taskIds.slice(i, i + _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .TASK_IDS_PER_QUERY */ .qr);
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
        const answer = await this.client.call(this.ops.preload, params, this.ops.preloadShape);
        return {
            requestId: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(answer.RequestId),
            taskIds: (0,_service_js__WEBPACK_IMPORTED_MODULE_1__/* .splitIds */ .Du)(answer[this.ops.preloadTaskField])
        };
    }
}
/** DCDN (SPEC 6.1). */
function dcdnService(client) {
    return new RefreshApi(client, DCDN_OPERATIONS, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .SERVICE_LIMITS */ .rp.dcdn);
}
/** Classic Alibaba Cloud CDN (SPEC 6.7). */
function cdnService(client) {
    return new RefreshApi(client, CDN_OPERATIONS, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .SERVICE_LIMITS */ .rp.cdn);
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
