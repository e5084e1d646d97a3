export const id = 33;
export const ids = [33];
export const modules = {

/***/ 2033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyAtEdge: () => (/* binding */ verifyAtEdge)
});

// EXTERNAL MODULE: ./src/plan/batches.ts
var batches = __webpack_require__(8383);
// EXTERNAL MODULE: ./src/submit/batches.ts
var submit_batches = __webpack_require__(6884);
// EXTERNAL MODULE: ./src/submit/stage.ts + 2 modules
var stage = __webpack_require__(6073);
// EXTERNAL MODULE: ./src/targets/target.ts
var target = __webpack_require__(9425);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/verify/model.ts
var model = __webpack_require__(2416);
;// CONCATENATED MODULE: ./src/verify/sample.ts

const isCheckable = (type) => type === 'File' || type === 'IgnoreParams';
/** The directory targets that hold a URL: those whose URL it starts with. */
function under(url, directory) {
    return (0,target/* canonicalUrl */.W3)(url).startsWith((0,target/* canonicalUrl */.W3)(directory));
}
function chooseChecks(input) {
    // When each accepted object was refreshed: a URL by its own batch, or by a directory above it.
    const refreshedAt = new Map();
    const directories = [];
    for (const { batch, acceptedAt } of input.accepted) {
        if (batch.type === 'Directory')
            for (const url of batch.objects)
                directories.push({ url, at: acceptedAt });
        else if (isCheckable(batch.type))
            for (const url of batch.objects)
                refreshedAt.set((0,target/* canonicalUrl */.W3)(url), acceptedAt);
    }
    const whenRefreshed = (url) => {
        const own = refreshedAt.get((0,target/* canonicalUrl */.W3)(url));
        if (own !== undefined)
            return own;
        const above = directories.filter((d) => under(url, d.url)).map((d) => d.at);
        return above.length > 0 ? Math.max(...above) : undefined;
    };
    const chosen = [];
    const seen = new Set();
    const take = (url) => {
        const key = (0,target/* canonicalUrl */.W3)(url);
        if (chosen.length >= input.max || seen.has(key))
            return;
        const at = whenRefreshed(url);
        if (at === undefined)
            return;
        seen.add(key);
        const path = input.sources.get(key);
        chosen.push({
            url,
            refreshedAt: at,
            removed: path !== undefined && input.removed.has(path),
            newHash: path !== undefined ? input.hashes?.current.get(path) : undefined,
            oldHash: path !== undefined ? input.hashes?.previous.get(path) : undefined
        });
    };
    const checkable = input.targets.filter((t) => isCheckable(t.type)).map((t) => t.url);
    const hosts = new Set();
    for (const url of checkable) {
        const host = (0,target/* hostOf */.w4)(url);
        if (hosts.has(host))
            continue;
        hosts.add(host);
        take(url);
    }
    const changedFiles = input.changed.filter((t) => t.type === 'File').map((t) => t.url);
    for (const directory of input.targets.filter((t) => t.type === 'Directory')) {
        const below = changedFiles.find((url) => under(url, directory.url) && !seen.has((0,target/* canonicalUrl */.W3)(url)));
        if (below)
            take(below);
    }
    for (const url of [...checkable, ...changedFiles]) {
        const path = input.sources.get((0,target/* canonicalUrl */.W3)(url));
        if (path !== undefined && input.removed.has(path))
            take(url);
    }
    for (const url of checkable)
        take(url);
    return chosen;
}

;// CONCATENATED MODULE: ./src/verify/verdict.ts
// What the edge's answer says about a refreshed URL (SPEC 4.6, 6.8), as a pure decision: the
// body's hash where the deployed bytes are known, a removed file's status, or else the headers
// that say when the edge stored its copy, against when the URL's refresh was submitted.
const REMOVED_STATUSES = new Set([404, 410]);
/** What the headers alone say about the copy's age against the refresh, or undefined. */
function byHeaders(answer, refreshedAt) {
    const { age, savetime, xCache } = answer.headers;
    const since = Math.floor((answer.at - refreshedAt) / 1000);
    if (xCache !== undefined && /^\s*MISS\b/i.test(xCache))
        return {
            verdict: 'fresh',
            reason: 'the edge fetched it from the origin for this request (X-Cache: MISS)'
        };
    if (age !== undefined && /^\s*\d+\s*$/.test(age)) {
        const seconds = Number(age);
        return seconds <= since
            ? {
                verdict: 'fresh',
                reason: `the edge stored it ${seconds} s ago, after the refresh (${since} s ago)`
            }
            : {
                verdict: 'stale',
                reason: `the edge stored it ${seconds} s ago, before the refresh (${since} s ago)`
            };
    }
    if (savetime !== undefined && /^\s*\d+\s*$/.test(savetime)) {
        const stored = Number(savetime);
        const refreshed = Math.floor(refreshedAt / 1000);
        return stored >= refreshed
            ? { verdict: 'fresh', reason: 'Ali-Swift-Global-Savetime is at or after the refresh' }
            : {
                verdict: 'stale',
                reason: `Ali-Swift-Global-Savetime is ${refreshed - stored} s before the refresh`
            };
    }
    return undefined;
}
/** The verdict for one URL from the edge's answer. */
function judge(expect, answer) {
    const base = { url: expect.url, status: answer.status, headers: answer.headers };
    const verdict = (v, reason) => ({ ...base, verdict: v, reason });
    if (answer.error !== undefined)
        return verdict('error', answer.error);
    const status = answer.status ?? 0;
    if (expect.removed) {
        if (REMOVED_STATUSES.has(status))
            return verdict('fresh', `removed, and the edge answers ${status}`);
        if (status >= 200 && status < 300)
            return verdict('stale', `removed, but the edge still serves it (${status})`);
    }
    if (status >= 300 && status < 400)
        return verdict('unknown', `the edge answers ${status}, a redirect, which is not followed`);
    if (status < 200 || status >= 300)
        return verdict('error', `the edge answers ${status}`);
    if (answer.bodyTooLarge)
        return verdict('unknown', 'the body is larger than 100 MiB, so it was not compared');
    if (answer.bodyHash !== undefined && expect.newHash !== undefined) {
        if (answer.bodyHash === expect.newHash)
            return verdict('fresh', 'the body is the deployed file, byte for byte');
        if (answer.bodyHash === expect.oldHash)
            return verdict('stale', 'the body is the file as it was before this deploy');
        const headers = byHeaders(answer, expect.refreshedAt);
        if (headers)
            return verdict(headers.verdict, `${headers.reason}; the body matches neither the old nor the new file (the edge may transform it)`);
        return verdict('unknown', 'the body matches neither the old nor the new file (the edge may transform it), and no header tells when it was stored');
    }
    const headers = byHeaders(answer, expect.refreshedAt);
    if (headers)
        return verdict(headers.verdict, headers.reason);
    return verdict('unknown', 'no hash of the deployed file is known, and no header tells when the edge stored its copy');
}

;// CONCATENATED MODULE: ./src/verify/stage.ts








/** One round: every expectation asked of the edge, each answer judged. */
async function checkRound(expectations, edge) {
    const answers = await edge.fetchAll(expectations.map((e) => ({ url: e.url, readBody: e.newHash !== undefined && !e.removed })));
    return answers.map((answer, i) => judge(expectations[i], answer));
}
function describeRound(checks) {
    const c = (0,model/* countVerdicts */.q)(checks);
    return `${(0,util_text/* plural */.LS)(c.checked, 'URL')} checked: ${c.fresh} fresh, ${c.stale} stale, ${c.unknown} unknown, ${c.error} error`;
}
/** Every check that is not fresh, with the headers that decided it, printed inertly. */
function printChecks(checks, log) {
    const lines = checks
        .filter((c) => c.verdict !== 'fresh')
        .map((c) => {
        const h = c.headers;
        const headers = [
            ['Age', h.age],
            ['Ali-Swift-Global-Savetime', h.savetime],
            ['X-Cache', h.xCache],
            ['Via', h.via],
            ['EagleId', h.eagleId]
        ]
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ');
        return `${c.verdict} ${c.url}: ${c.reason}${headers ? ` [${headers}]` : ''}`;
    });
    if (lines.length > 0)
        log.untrusted(lines);
}
/** The stale URLs refreshed once more, within the quota, and waited for. */
async function refreshAgain(stale, plan, submitted, settings, connections) {
    const { service, pacer, clock, log } = connections;
    const types = new Map(plan.targets.map((t) => [(0,target/* canonicalUrl */.W3)(t.url), t.type]));
    const targets = stale.map((c) => ({
        type: types.get((0,target/* canonicalUrl */.W3)(c.url)) === 'IgnoreParams' ? 'IgnoreParams' : 'File',
        url: c.url
    }));
    const remain = submitted.quotaAfter?.remain.File;
    if (settings.quotaCheck &&
        remain !== undefined &&
        !Number.isNaN(remain) &&
        targets.length > remain)
        return {
            outcomes: [],
            skipped: `They were not refreshed again: ${(0,util_text/* plural */.LS)(targets.length, 'URL')} needed, ${remain} remain of today's quota.`
        };
    const outcomes = await (0,submit_batches/* submitBatches */.n)((0,batches/* planBatches */.un)(targets, [], settings.limits), {
        service,
        pacer,
        clock,
        force: settings.force,
        log: (m) => log.info(m)
    });
    const wait = await (0,stage/* waitForOutcomes */.SN)(outcomes, settings.waitTimeoutSeconds, connections);
    if (outcomes.every((o) => !o.ok))
        return {
            outcomes,
            skipped: `They could not be refreshed again: ${outcomes[0]?.error?.message ?? 'no batch was accepted'}.`
        };
    if (wait?.status === 'timeout')
        return {
            outcomes,
            wait,
            skipped: `They were refreshed again, but the tasks did not complete within wait-timeout (${settings.waitTimeoutSeconds} s).`
        };
    return { outcomes, wait };
}
async function verifyAtEdge(inputs, settings, connections) {
    const { plan, built, changes, submitted } = inputs;
    const { log } = connections;
    const verification = { mode: settings.mode, rounds: [], final: [] };
    const wait = submitted.wait;
    if (!wait || wait.status === 'timeout') {
        verification.skipped = `Nothing was verified: the tasks did not complete within wait-timeout (${settings.waitTimeoutSeconds} s).`;
        log.info(verification.skipped);
        return verification;
    }
    const accepted = submitted.outcomes.flatMap((o) => o.ok && o.acceptedAt !== undefined ? [{ batch: o.batch, acceptedAt: o.acceptedAt }] : []);
    const expectations = chooseChecks({
        targets: plan.targets,
        changed: built.targets,
        accepted,
        sources: built.sources,
        removed: new Set(changes.removed),
        hashes: changes.manifest
            ? { current: changes.manifest.current, previous: changes.manifest.previous }
            : undefined,
        max: settings.max
    });
    if (expectations.length === 0) {
        verification.skipped =
            'Nothing was verified: no refreshed URL to ask the edge about (regexes and cache tags are not checked).';
        log.info(verification.skipped);
        return verification;
    }
    const edge = await connections.edge();
    const first = await log.group(`Verifying ${(0,util_text/* plural */.LS)(expectations.length, 'URL')} at the edge`, async () => {
        const checks = await checkRound(expectations, edge);
        log.info(`Round 1: ${describeRound(checks)}.`);
        printChecks(checks, log);
        return checks;
    });
    verification.rounds.push({ checks: first });
    const final = new Map(first.map((c) => [c.url, c]));
    const stale = first.filter((c) => c.verdict === 'stale');
    if (stale.length > 0) {
        log.info(`${(0,util_text/* plural */.LS)(stale.length, 'URL')} still stale: refreshing ${stale.length === 1 ? 'it' : 'them'} once more.`);
        const refresh = await refreshAgain(stale, plan, submitted, settings, connections);
        const again = new Map();
        for (const o of refresh.outcomes)
            if (o.ok && o.acceptedAt !== undefined)
                for (const url of o.objects)
                    again.set(url, o.acceptedAt);
        let second = [];
        if (!refresh.skipped) {
            const retry = expectations
                .filter((e) => again.has(e.url))
                .map((e) => ({ ...e, refreshedAt: again.get(e.url) }));
            second = await log.group(`Verifying ${(0,util_text/* plural */.LS)(retry.length, 'URL')} again`, async () => {
                const checks = await checkRound(retry, edge);
                log.info(`Round 2: ${describeRound(checks)}.`);
                printChecks(checks, log);
                return checks;
            });
            for (const check of second)
                final.set(check.url, check);
        }
        else
            log.info(refresh.skipped);
        verification.rounds.push({ checks: second, refresh });
    }
    verification.final = [...final.values()];
    const still = verification.final.filter((c) => c.verdict === 'stale');
    if (still.length > 0 && settings.mode === 'warn')
        log.warning(`${(0,util_text/* plural */.LS)(still.length, 'URL')} still ${still.length === 1 ? 'serves' : 'serve'} stale content at the edge (verify: warn): ${still.map((c) => c.url).join(', ')}`);
    return verification;
}


/***/ })

};
