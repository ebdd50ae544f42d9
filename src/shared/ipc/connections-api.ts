// The console's connections: the local lab (always there), AWS profiles and custom endpoints;
// adding, testing, switching. Our own data, so camelCase; secrets never travel back out.
import type { BackendKind, ConnectionInfo } from './app-api'

/** How a saved AWS connection gets its credentials (what the settings file and the UI see). */
export type CredentialSource =
  | { type: 'profile'; profile: string }
  | { type: 'environment' }
  | { type: 'static'; accessKeyId: string }

/** Credentials as entered when adding a connection; a static secret goes in, never out. */
export type NewCredentials =
  | { type: 'profile'; profile: string }
  | { type: 'environment' }
  | { type: 'static'; accessKeyId: string; secretAccessKey: string; sessionToken?: string }

export interface ConnectionSummary {
  id: string
  name: string
  kind: BackendKind
  credentials?: CredentialSource
  /** The region the connection opens in (last used, or chosen when added). */
  region?: string
  /** A custom endpoint (LocalStack, moto, KeyLab's own endpoint) instead of AWS's. */
  endpoint?: string
  /** The account last seen on this connection. */
  accountId?: string
  active: boolean
}

export interface AddConnectionInput {
  name?: string
  credentials: NewCredentials
  region?: string
  endpoint?: string
}

/** What kind of credentials a profile of ~/.aws/config or ~/.aws/credentials holds. */
export type AwsProfileKind = 'keys' | 'role' | 'sso' | 'process' | 'web-identity' | 'other'

export interface AwsProfileSummary {
  name: string
  kind: AwsProfileKind
  region?: string
  sourceProfile?: string
  roleArn?: string
  mfaSerial?: string
  ssoSession?: string
  ssoStartUrl?: string
  ssoAccountId?: string
  ssoRoleName?: string
  /** Where it is defined. */
  files: Array<'config' | 'credentials'>
}

export interface AwsProfilesInfo {
  profiles: AwsProfileSummary[]
  configFile: string
  credentialsFile: string
  /** AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set in KeyLab's environment. */
  envCredentials: boolean
  /** AWS_PROFILE, AWS_REGION (or AWS_DEFAULT_REGION) as KeyLab sees them. */
  envProfile?: string
  envRegion?: string
}

export interface ConnectionTest {
  connectionId: string
  accountId?: string
  /** Who the calls are made as, as far as the credentials tell (role, SSO role, access key). */
  identity: string
  region: string
  /** The KMS endpoint that answered. */
  endpoint: string
  /** AWS's request id of the test call. */
  requestId?: string
  latencyMs: number
}

export interface ConnectionsApi {
  list(input: Record<string, never>): Promise<ConnectionSummary[]>
  profiles(input: Record<string, never>): Promise<AwsProfilesInfo>
  add(input: AddConnectionInput): Promise<ConnectionSummary>
  remove(input: { id: string }): Promise<ConnectionSummary[]>
  activate(input: { id: string }): Promise<ConnectionInfo>
  /** A cheap KMS call (ListAliases, Limit 1) that shows the account and identity. */
  test(input: { id: string }): Promise<ConnectionTest>
  /** Answers an MFA prompt (see app.watchActivity); without a code it cancels it. */
  answerMfa(input: { promptId: string; code?: string }): Promise<Record<string, never>>
}
