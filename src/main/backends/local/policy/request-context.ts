// The request context policies are evaluated against: global keys (aws:PrincipalArn, ...) and
// KMS keys (kms:CallerAccount, kms:EncryptionContext:*, kms:KeySpec, ...), built from the
// operation, its input and the key it acts on. Keys are stored lower-case (IAM's condition
// keys are case-insensitive).
// https://docs.aws.amazon.com/kms/latest/developerguide/policy-conditions.html
import type { LabKey } from '../model/key'

export type ContextValue = string | string[]
export type ConditionContext = ReadonlyMap<string, ContextValue>

export interface CallerIdentity {
  /** The IAM identity: arn:aws:iam::<account>:user/<name> or :role/<name>. */
  principalArn: string
  /** The ARN AWS shows: the user ARN, or arn:aws:sts::<account>:assumed-role/<role>/<session>. */
  callerArn: string
  accountId: string
  type: 'user' | 'role'
  name: string
}

export interface ContextInput {
  caller: CallerIdentity
  operation: string
  input: Record<string, unknown>
  key?: LabKey
  /** Aliases of the key (kms:ResourceAliases). */
  keyAliases?: string[]
  /** The alias the request named the key by, if it did (kms:RequestAlias). */
  requestAlias?: string
  now: number
  region: string
  sourceIp?: string
  userAgent?: string
}

const ALGORITHM_MEMBERS: Record<string, string> = {
  EncryptionAlgorithm: 'kms:EncryptionAlgorithm',
  SigningAlgorithm: 'kms:SigningAlgorithm',
  MacAlgorithm: 'kms:MacAlgorithm',
  MessageType: 'kms:MessageType',
  KeyAgreementAlgorithm: 'kms:KeyAgreementAlgorithm',
  KeyPairSpec: 'kms:DataKeyPairSpec',
  WrappingAlgorithm: 'kms:WrappingAlgorithm',
  WrappingKeySpec: 'kms:WrappingKeySpec',
  ExpirationModel: 'kms:ExpirationModel',
  RotationPeriodInDays: 'kms:RotationPeriodInDays',
  PendingWindowInDays: 'kms:ScheduleKeyDeletionPendingWindowInDays'
}

export function buildContext(c: ContextInput): Map<string, ContextValue> {
  const ctx = new Map<string, ContextValue>()
  const set = (name: string, value: ContextValue | undefined): void => {
    if (value !== undefined) ctx.set(name.toLowerCase(), value)
  }
  const { caller, input, key } = c
  set('aws:PrincipalArn', caller.principalArn)
  set('aws:PrincipalAccount', caller.accountId)
  set('aws:PrincipalType', caller.type === 'user' ? 'User' : 'AssumedRole')
  set('aws:username', caller.type === 'user' ? caller.name : undefined)
  set('aws:userid', caller.type === 'user' ? caller.name : `${caller.name}:session`)
  set('aws:CurrentTime', new Date(c.now).toISOString())
  set('aws:EpochTime', String(Math.floor(c.now / 1000)))
  set('aws:SecureTransport', 'false')
  set('aws:RequestedRegion', c.region)
  set('aws:SourceIp', c.sourceIp && /^[\d.:a-f]+$/i.test(c.sourceIp) ? c.sourceIp : undefined)
  set('aws:UserAgent', c.userAgent)
  set('aws:ViaAWSService', 'false')
  set('kms:CallerAccount', caller.accountId)
  set('kms:GrantIsForAWSResource', 'false')

  if (key) {
    set('kms:KeySpec', key.keySpec)
    set('kms:CustomerMasterKeySpec', key.keySpec)
    set('kms:KeyUsage', key.keyUsage)
    set('kms:CustomerMasterKeyUsage', key.keyUsage)
    set('kms:KeyOrigin', key.origin)
    set('kms:MultiRegion', 'false')
    set('kms:ResourceAliases', c.keyAliases ?? [])
    for (const tag of key.tags) set(`aws:ResourceTag/${tag.TagKey}`, tag.TagValue)
  } else if (c.operation === 'CreateKey') {
    const spec = (input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT') as string
    set('kms:KeySpec', spec)
    set('kms:CustomerMasterKeySpec', spec)
    set('kms:KeyUsage', input.KeyUsage as string | undefined)
    set('kms:CustomerMasterKeyUsage', input.KeyUsage as string | undefined)
    set('kms:KeyOrigin', (input.Origin as string | undefined) ?? 'AWS_KMS')
    set('kms:MultiRegion', String(input.MultiRegion === true))
    if (input.BypassPolicyLockoutSafetyCheck !== undefined) {
      set('kms:BypassPolicyLockoutSafetyCheck', String(input.BypassPolicyLockoutSafetyCheck))
    }
  }
  set('kms:RequestAlias', c.requestAlias)

  const context = input.EncryptionContext as Record<string, string> | undefined
  if (context && typeof context === 'object') {
    set('kms:EncryptionContextKeys', Object.keys(context))
    for (const [k, v] of Object.entries(context)) set(`kms:EncryptionContext:${k}`, v)
  }
  for (const [member, name] of Object.entries(ALGORITHM_MEMBERS)) {
    const v = input[member]
    if (typeof v === 'string' || typeof v === 'number') set(name, String(v))
  }
  if (input.ValidTo instanceof Date) set('kms:ValidTo', String(input.ValidTo.getTime() / 1000))
  if (c.operation === 'ReEncrypt') {
    set('kms:ReEncryptOnSameKey', String(input.SourceKeyId === input.DestinationKeyId))
  }
  if (c.operation === 'PutKeyPolicy' && input.BypassPolicyLockoutSafetyCheck !== undefined) {
    set('kms:BypassPolicyLockoutSafetyCheck', String(input.BypassPolicyLockoutSafetyCheck))
  }
  if (c.operation === 'CreateGrant') {
    set('kms:GrantOperations', (input.Operations as string[] | undefined) ?? [])
    set('kms:GranteePrincipal', input.GranteePrincipal as string | undefined)
    set('kms:RetiringPrincipal', input.RetiringPrincipal as string | undefined)
    const constraints = input.Constraints as Record<string, unknown> | undefined
    const types = Object.keys(constraints ?? {}).filter((k) => constraints?.[k] !== undefined)
    if (types.length) set('kms:GrantConstraintType', types)
  }
  const tags = input.Tags as { TagKey: string; TagValue: string }[] | undefined
  if (Array.isArray(tags)) {
    set(
      'aws:TagKeys',
      tags.map((t) => t.TagKey)
    )
    for (const t of tags) set(`aws:RequestTag/${t.TagKey}`, t.TagValue)
  }
  const tagKeys = input.TagKeys as string[] | undefined
  if (Array.isArray(tagKeys)) set('aws:TagKeys', tagKeys)
  return ctx
}
