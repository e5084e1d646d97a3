// The Alibaba Cloud side of a run, opened only when a run calls it: the HTTP client, the
// credentials, the signed and paced RPC client, and the service behind the RefreshService interface.
// connect.ts loads this module with one dynamic import(), so that a dry run pays nothing for it.
import { RpcClient } from '../api/client.js'
import { callWithRetry } from '../api/retry.js'
import { signV2, signV3 } from '../api/sign.js'
import { createHttpSend } from '../api/transport.js'
import { Clock } from '../util/clock.js'
import { credentialsFor } from '../credentials/credentials.js'
import { Settings } from '../runner/inputs.js'
import { Log } from '../runner/log.js'
import { DEFAULT_RETRY } from '../util/backoff.js'
import { RunnerEnv } from '../runner/environment.js'
import { cdnService, dcdnService } from '../services/dcdn.js'
import { esaService } from '../services/esa.js'
import { SERVICE_API } from '../services/limits.js'
import { RefreshService } from '../services/service.js'
import { createCallGate } from '../submit/gate.js'
import { Pacer } from '../plan/pacing.js'

export interface OpenOptions {
  settings: Settings
  runner: RunnerEnv
  clock: Clock
  log: Log
  getIdToken(audience: string): Promise<string>
  /** The account's pacing: every call of the run goes through one gate that asks it. */
  pacer: Pacer
}

/** The service, with credentials resolved and every call of the account through one call gate. */
export async function openService(
  options: OpenOptions
): Promise<{ service: RefreshService; close(): Promise<void> }> {
  const { settings, runner, clock, log } = options
  const http = createHttpSend(
    { connectTimeoutMs: runner.connectTimeoutMs, requestTimeoutMs: runner.requestTimeoutMs },
    runner.proxy
  )
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
    })
    const client = new RpcClient({
      endpoint: settings.endpoint,
      version: SERVICE_API[settings.service].version,
      signer: settings.signatureVersion === 'v2' ? signV2 : signV3,
      key,
      send: http.send,
      clock,
      gate: createCallGate(options.pacer, clock, (m) => log.info(m))
    })
    const service =
      settings.service === 'cdn'
        ? cdnService(client)
        : settings.service === 'esa'
          ? await callWithRetry(
              () => esaService(client, settings.site, clock),
              clock,
              DEFAULT_RETRY,
              (m) => log.info(`ListSites: ${m}`)
            )
          : dcdnService(client)
    return { service, close: () => http.close() }
  } catch (error) {
    await http.close()
    throw error
  }
}
