// Credentials for an AWS connection, found the way the aws CLI finds them, with the SDK's own
// providers: a named profile (static keys, source_profile + role_arn with MFA, credential_process,
// SSO, web identity) through fromIni, the environment through fromEnv, or keys entered for a
// custom endpoint. Failures say what to do, e.g. the exact `aws sso login --profile X`.
import { fromEnv, fromIni } from '@aws-sdk/credential-providers'
import { getSSOTokenFromFile } from '@smithy/core/config'
import type { AwsCredentialIdentity, AwsIdentityProperties } from '@aws-sdk/types'
import { CredentialsProviderError, KmsError } from '../../../shared/errors'
import type { NewCredentials } from '../../../shared/ipc/connections-api'
import { profileKind, readProfiles, ssoProfileOf, type AwsProfiles } from './profiles'

export type CredentialProvider = (
  properties?: AwsIdentityProperties
) => Promise<AwsCredentialIdentity>

export interface CredentialOptions {
  /** Asks the user for the current code of the MFA device `mfaSerial` (the console's prompt). */
  mfaCode(profile: string, mfaSerial: string): Promise<string>
}

/** Credentials are refreshed this long before they expire. */
const REFRESH_BEFORE_MS = 5 * 60_000

export function credentialProvider(
  spec: NewCredentials,
  options: CredentialOptions
): CredentialProvider {
  switch (spec.type) {
    case 'static': {
      const identity: AwsCredentialIdentity = {
        accessKeyId: spec.accessKeyId,
        secretAccessKey: spec.secretAccessKey,
        ...(spec.sessionToken ? { sessionToken: spec.sessionToken } : {})
      }
      return async () => identity
    }
    case 'environment':
      return memoized(explained(fromEnv(), spec))
    case 'profile':
      return memoized(
        explained(
          fromIni({
            profile: spec.profile,
            ignoreCache: true,
            mfaCodeProvider: (serial) => options.mfaCode(spec.profile, serial)
          }),
          spec
        )
      )
  }
}

/**
 * Keeps credentials until shortly before they expire; concurrent callers share one resolution
 * (one MFA prompt), and a failure is not kept, so the next call tries again (after `aws sso
 * login`, say).
 */
function memoized(provider: CredentialProvider): CredentialProvider {
  let current: AwsCredentialIdentity | undefined
  let pending: Promise<AwsCredentialIdentity> | undefined
  const fresh = (c: AwsCredentialIdentity): boolean =>
    !c.expiration || c.expiration.getTime() - Date.now() > REFRESH_BEFORE_MS
  return (properties) => {
    if (current && fresh(current)) return Promise.resolve(current)
    pending ??= provider(properties)
      .then((c) => (current = c))
      .finally(() => (pending = undefined))
    return pending
  }
}

function explained(provider: CredentialProvider, spec: NewCredentials): CredentialProvider {
  return async (properties) => {
    try {
      return await provider(properties)
    } catch (e) {
      throw await explainCredentialsError(e, spec)
    }
  }
}

/** Turns a provider failure into CredentialsProviderError, with SSO sign-in guidance. */
export async function explainCredentialsError(e: unknown, spec: NewCredentials): Promise<unknown> {
  if (e instanceof KmsError) return e
  const err = e as { name?: string; message?: string; $metadata?: unknown }
  // A service error (STS refusing AssumeRole, say) keeps its own name; the backend maps it.
  if (err.$metadata !== undefined) return e
  const message = err.message ?? String(e)
  if (spec.type === 'environment') {
    return new CredentialsProviderError(
      `${message} (KeyLab reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from its environment.)`,
      { cause: e }
    )
  }
  if (spec.type !== 'profile') return new CredentialsProviderError(message, { cause: e })
  const profiles = await readProfiles().catch(() => undefined)
  const sso = profiles ? ssoProfileOf(profiles, spec.profile) : undefined
  if (!profiles || !sso) {
    const error = new CredentialsProviderError(message, { cause: e })
    error.details = { profile: spec.profile }
    return error
  }
  const command = `aws sso login --profile ${sso}`
  const error = new CredentialsProviderError(
    `${await ssoState(profiles, sso, message)} Sign in with: ${command}`,
    { cause: e }
  )
  error.details = { profile: spec.profile, command }
  return error
}

/** Says whether the SSO profile's cached token is missing or expired (the SDK's token cache). */
async function ssoState(profiles: AwsProfiles, name: string, sdkMessage: string): Promise<string> {
  const p = profiles.get(name) ?? {}
  const session = p.sso_session ?? p.sso_start_url
  const who = `Profile '${name}' signs in with AWS IAM Identity Center (SSO)`
  if (!session) return `${who}, but ${sdkMessage}`
  let token: { expiresAt?: string } | undefined
  try {
    token = await getSSOTokenFromFile(session)
  } catch {
    return `${who}, and there is no SSO session for it on this computer.`
  }
  const expires = token?.expiresAt ? new Date(token.expiresAt) : undefined
  if (!expires || Number.isNaN(expires.getTime()))
    return `${who}, and its cached SSO token is not usable.`
  if (expires.getTime() <= Date.now() + REFRESH_BEFORE_MS)
    return `The SSO session of profile '${name}' expired at ${expires.toISOString()}.`
  return `${who}: ${sdkMessage}`
}

/** Who a connection's calls are made as, as far as its configuration and credentials tell. */
export async function describeIdentity(
  spec: NewCredentials | { type: 'static'; accessKeyId: string },
  credentials: AwsCredentialIdentity
): Promise<string> {
  if (spec.type === 'static') return `access key ${credentials.accessKeyId}`
  if (spec.type === 'environment')
    return `access key ${credentials.accessKeyId} (AWS_ACCESS_KEY_ID)`
  const profiles = await readProfiles()
  const p = profiles.get(spec.profile) ?? {}
  switch (profileKind(p)) {
    case 'role':
      return `role ${p.role_arn} (assumed from ${p.source_profile ? `profile '${p.source_profile}'` : p.credential_source})`
    case 'web-identity':
      return `role ${p.role_arn} (web identity)`
    case 'sso':
      return `SSO role ${p.sso_role_name} in account ${p.sso_account_id}`
    case 'process':
      return `access key ${credentials.accessKeyId} (credential_process of profile '${spec.profile}')`
    default:
      return `access key ${credentials.accessKeyId} (profile '${spec.profile}')`
  }
}
