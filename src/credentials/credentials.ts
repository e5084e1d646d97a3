import { AccessKey } from '../api/sign.js'
import { HttpSend } from '../api/transport.js'
import { Clock } from '../util/clock.js'
import { CredentialInputs } from '../runner/inputs.js'
import { Log } from '../runner/log.js'
import { addSecret } from '../runner/secrets.js'
import { assumeRoleWithOidc, defaultSessionName } from './oidc.js'
import { CredentialEnv, chooseCredentials } from './resolve.js'

export interface CredentialContext {
  inputs: CredentialInputs
  env: CredentialEnv
  stsEndpoint: URL
  runId: string
  idTokenAvailable: boolean
  getIdToken(audience: string): Promise<string>
  send: HttpSend
  clock: Clock
  log: Log
}

/** The access key for this run: from the inputs, OIDC or the environment (SPEC 5). */
export async function credentialsFor(ctx: CredentialContext): Promise<AccessKey> {
  const { inputs, log } = ctx
  const choice = chooseCredentials(inputs, ctx.env)
  if (choice.kind === 'key') {
    addSecret(choice.resolved.key.accessKeySecret)
    addSecret(choice.resolved.key.securityToken)
    if (inputs.roleArn !== '' && inputs.accessKeyId !== '') {
      log.warning(
        "Both access keys and 'role-arn' are given; the access keys are used and OIDC is skipped."
      )
    }
    log.info(`Using credentials from ${choice.resolved.source}.`)
    return choice.resolved.key
  }
  log.info(`Assuming ${inputs.roleArn} through GitHub OIDC.`)
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
  })
}
