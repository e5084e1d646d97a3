import { UserError } from '../util/errors.js'
import { AccessKey } from '../api/sign.js'
import { CredentialInputs } from '../runner/inputs.js'

/** The environment-variable families, in the order they are tried (SPEC 5). */
const ENV_FAMILIES = [
  [
    'ALIBABA_CLOUD_ACCESS_KEY_ID',
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    'ALIBABA_CLOUD_SECURITY_TOKEN'
  ],
  ['ALIBABACLOUD_ACCESS_KEY_ID', 'ALIBABACLOUD_ACCESS_KEY_SECRET', 'ALIBABACLOUD_SECURITY_TOKEN'],
  ['ALICLOUD_ACCESS_KEY', 'ALICLOUD_SECRET_KEY', 'ALICLOUD_SECURITY_TOKEN']
] as const

/** The credential variables of the environment, by name. */
export type CredentialEnv = Readonly<Record<string, string | undefined>>

/** Every credential variable name, for reading them from the runner's environment. */
export const CREDENTIAL_VARIABLES: string[] = ENV_FAMILIES.flatMap((family) => [...family])

export interface ResolvedKey {
  key: AccessKey
  /** Where the key came from, for the log: never the key itself. */
  source: string
}

/** Where credentials come from; OIDC is a separate step because it calls out. */
export type CredentialSource = { kind: 'key'; resolved: ResolvedKey } | { kind: 'oidc' }

function value(env: CredentialEnv, name: string): string {
  return (env[name] ?? '').trim()
}

/**
 * Picks the credentials in SPEC 5's order: the inputs, then OIDC, then the first environment
 * family that has both an ID and a secret. The ID, secret and token always come from one family;
 * an empty value counts as unset, since the credentials action's cleanup writes ''.
 */
export function chooseCredentials(inputs: CredentialInputs, env: CredentialEnv): CredentialSource {
  if (inputs.accessKeyId !== '' && inputs.accessKeySecret !== '') {
    return {
      kind: 'key',
      resolved: {
        key: {
          accessKeyId: inputs.accessKeyId,
          accessKeySecret: inputs.accessKeySecret,
          securityToken: inputs.securityToken || undefined
        },
        source: inputs.securityToken
          ? 'the access-key-id, access-key-secret and security-token inputs'
          : 'the access-key-id and access-key-secret inputs'
      }
    }
  }
  if (inputs.roleArn !== '' && inputs.oidcProviderArn !== '') return { kind: 'oidc' }
  const partial: string[] = []
  for (const [idName, secretName, tokenName] of ENV_FAMILIES) {
    const id = value(env, idName)
    const secret = value(env, secretName)
    if (id !== '' && secret !== '') {
      const token = value(env, tokenName)
      return {
        kind: 'key',
        resolved: {
          key: { accessKeyId: id, accessKeySecret: secret, securityToken: token || undefined },
          source: `the ${idName.replace(/_ACCESS_KEY(_ID)?$/, '_*')} environment variables`
        }
      }
    }
    if (id !== '' || secret !== '')
      partial.push(
        id !== ''
          ? `${idName} is set but ${secretName} is not`
          : `${secretName} is set but ${idName} is not`
      )
  }
  throw new UserError(
    [
      'No Alibaba Cloud credentials were found. Supply them in one of these ways:',
      "- OIDC with no stored keys: set 'role-arn' and 'oidc-provider-arn', and give the job 'permissions: id-token: write';",
      "- the 'access-key-id' and 'access-key-secret' inputs (with 'security-token' for STS credentials), from secrets;",
      '- the environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALIBABACLOUD_*, or ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY);',
      "- or set 'dry-run: true' to plan without calling Alibaba Cloud.",
      ...partial.map((p) => `Note: ${p}.`)
    ].join('\n')
  )
}
