// The profiles of ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE), read with the SDK's own shared ini loader, and what kind of
// credentials each holds. The region precedence is the aws CLI's: AWS_REGION, AWS_DEFAULT_REGION,
// then the profile's `region`.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { loadSharedConfigFiles, type ParsedIniData, type Profile } from '@smithy/core/config'
import type {
  AwsProfileKind,
  AwsProfileSummary,
  AwsProfilesInfo
} from '../../../shared/ipc/connections-api'

/** Sections of the config file that are not profiles (`[sso-session x]`, `[services x]`). */
const NOT_PROFILES = /^(sso-session|services)\./

export interface AwsProfiles {
  config: ParsedIniData
  credentials: ParsedIniData
  /** The merged view the SDK uses: credentials file entries win over config file ones. */
  get(name: string): Profile | undefined
  names(): string[]
}

export async function readProfiles(): Promise<AwsProfiles> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true })
  const isProfile = (name: string): boolean => !NOT_PROFILES.test(name)
  return {
    config: configFile,
    credentials: credentialsFile,
    get(name) {
      const fromConfig = isProfile(name) ? configFile[name] : undefined
      const fromCredentials = credentialsFile[name]
      if (!fromConfig && !fromCredentials) return undefined
      return { ...fromConfig, ...fromCredentials }
    },
    names() {
      const all = new Set([
        ...Object.keys(configFile).filter(isProfile),
        ...Object.keys(credentialsFile)
      ])
      return [...all].sort((a, b) =>
        a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)
      )
    }
  }
}

/** Which of fromIni's resolvers the SDK picks for this profile, in the SDK's own order. */
export function profileKind(profile: Profile): AwsProfileKind {
  if (profile.role_arn && (profile.source_profile || profile.credential_source)) return 'role'
  if (profile.aws_access_key_id && profile.aws_secret_access_key) return 'keys'
  if (profile.role_arn && profile.web_identity_token_file) return 'web-identity'
  if (profile.credential_process) return 'process'
  if (
    profile.sso_session ||
    profile.sso_start_url ||
    profile.sso_account_id ||
    profile.sso_region ||
    profile.sso_role_name
  )
    return 'sso'
  return 'other'
}

export function summarize(profiles: AwsProfiles, name: string): AwsProfileSummary | undefined {
  const p = profiles.get(name)
  if (!p) return undefined
  const session = p.sso_session ? profiles.config[`sso-session.${p.sso_session}`] : undefined
  const files: AwsProfileSummary['files'] = []
  if (!NOT_PROFILES.test(name) && profiles.config[name]) files.push('config')
  if (profiles.credentials[name]) files.push('credentials')
  return {
    name,
    kind: profileKind(p),
    region: p.region,
    sourceProfile: p.source_profile,
    roleArn: p.role_arn,
    mfaSerial: p.mfa_serial,
    ssoSession: p.sso_session,
    ssoStartUrl: session?.sso_start_url ?? p.sso_start_url,
    ssoAccountId: p.sso_account_id,
    ssoRoleName: p.sso_role_name,
    files
  }
}

export function envRegion(): string | undefined {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined
}

/** The region a profile opens in when the connection has none saved (the CLI's precedence). */
export async function defaultRegion(profile?: string): Promise<string | undefined> {
  const fromEnv = envRegion()
  if (fromEnv || !profile) return fromEnv
  return (await readProfiles()).get(profile)?.region
}

/**
 * The SSO profile that signs a profile's calls: the profile itself, or the end of its
 * source_profile chain. Its name goes into `aws sso login --profile <name>`.
 */
export function ssoProfileOf(profiles: AwsProfiles, name: string): string | undefined {
  const seen = new Set<string>()
  let current: string | undefined = name
  while (current && !seen.has(current)) {
    seen.add(current)
    const p = profiles.get(current)
    if (!p) return undefined
    if (profileKind(p) === 'sso') return current
    current = p.role_arn ? p.source_profile : undefined
  }
  return undefined
}

function homeDir(): string {
  return process.env.HOME || process.env.USERPROFILE || homedir()
}

export async function profilesInfo(): Promise<AwsProfilesInfo> {
  const profiles = await readProfiles()
  return {
    profiles: profiles
      .names()
      .map((n) => summarize(profiles, n))
      .filter((p): p is AwsProfileSummary => p !== undefined),
    configFile: process.env.AWS_CONFIG_FILE || join(homeDir(), '.aws', 'config'),
    credentialsFile:
      process.env.AWS_SHARED_CREDENTIALS_FILE || join(homeDir(), '.aws', 'credentials'),
    envCredentials: Boolean(process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY),
    envProfile: process.env.AWS_PROFILE || undefined,
    envRegion: envRegion()
  }
}
