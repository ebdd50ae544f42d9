// What each KMS operation must be allowed to do: the action(s) and the resource(s) they apply
// to, from the "Required permissions" of each API reference page. `key` checks go through the
// key policy (with IAM delegation) and grants; `iam` and `alias` checks only through IAM.
// https://docs.aws.amazon.com/kms/latest/developerguide/kms-api-permissions-reference.html
import type { KmsOperationName } from '../../../../shared/kms/operations'

export type CheckSpec =
  /** The key named by input[field] (accepting alias names/ARNs when `aliases`). */
  | { kind: 'key'; action: string; field: string; aliases: boolean }
  /** The key a ciphertext blob was made under, or input[field] when given. */
  | { kind: 'ciphertext-key'; action: string; field: string; blobField: string }
  /** IAM only, on resource "*". */
  | { kind: 'iam'; action: string; when?: (input: Record<string, unknown>) => boolean }
  /** IAM only, on the alias ARN named by input[field]. */
  | { kind: 'alias'; action: string; field: string }
  /** The key the alias named by input[field] currently points to. */
  | { kind: 'alias-target'; action: string; field: string }
  /** RetireGrant: the grant's retiring principal or grantee may; otherwise kms:RetireGrant. */
  | { kind: 'retire-grant' }

const key = (op: string, aliases = false, field = 'KeyId'): CheckSpec => ({
  kind: 'key',
  action: `kms:${op}`,
  field,
  aliases
})
const iam = (op: string): CheckSpec => ({ kind: 'iam', action: `kms:${op}` })
const crypto = (op: string): CheckSpec[] => [key(op, true)]

export const AUTHORIZATION_SPEC: { readonly [Op in KmsOperationName]: readonly CheckSpec[] } = {
  CancelKeyDeletion: [key('CancelKeyDeletion')],
  CreateAlias: [
    { kind: 'alias', action: 'kms:CreateAlias', field: 'AliasName' },
    key('CreateAlias', false, 'TargetKeyId')
  ],
  CreateGrant: [key('CreateGrant')],
  CreateKey: [
    iam('CreateKey'),
    {
      kind: 'iam',
      action: 'kms:TagResource',
      when: (input) => Array.isArray(input.Tags) && input.Tags.length > 0
    }
  ],
  Decrypt: [
    { kind: 'ciphertext-key', action: 'kms:Decrypt', field: 'KeyId', blobField: 'CiphertextBlob' }
  ],
  DeleteAlias: [
    { kind: 'alias', action: 'kms:DeleteAlias', field: 'AliasName' },
    { kind: 'alias-target', action: 'kms:DeleteAlias', field: 'AliasName' }
  ],
  DeleteImportedKeyMaterial: [key('DeleteImportedKeyMaterial')],
  DeriveSharedSecret: crypto('DeriveSharedSecret'),
  DescribeKey: [key('DescribeKey', true)],
  DisableKey: [key('DisableKey')],
  DisableKeyRotation: [key('DisableKeyRotation')],
  EnableKey: [key('EnableKey')],
  EnableKeyRotation: [key('EnableKeyRotation')],
  Encrypt: crypto('Encrypt'),
  GenerateDataKey: crypto('GenerateDataKey'),
  GenerateDataKeyPair: crypto('GenerateDataKeyPair'),
  GenerateDataKeyPairWithoutPlaintext: crypto('GenerateDataKeyPairWithoutPlaintext'),
  GenerateDataKeyWithoutPlaintext: crypto('GenerateDataKeyWithoutPlaintext'),
  GenerateMac: crypto('GenerateMac'),
  GenerateRandom: [iam('GenerateRandom')],
  GetKeyPolicy: [key('GetKeyPolicy')],
  GetKeyRotationStatus: [key('GetKeyRotationStatus')],
  GetParametersForImport: [key('GetParametersForImport')],
  GetPublicKey: crypto('GetPublicKey'),
  ImportKeyMaterial: [key('ImportKeyMaterial')],
  ListAliases: [iam('ListAliases')],
  ListGrants: [key('ListGrants')],
  ListKeyPolicies: [key('ListKeyPolicies')],
  ListKeyRotations: [key('ListKeyRotations')],
  ListKeys: [iam('ListKeys')],
  ListResourceTags: [key('ListResourceTags')],
  ListRetirableGrants: [iam('ListRetirableGrants')],
  PutKeyPolicy: [key('PutKeyPolicy')],
  ReEncrypt: [
    {
      kind: 'ciphertext-key',
      action: 'kms:ReEncryptFrom',
      field: 'SourceKeyId',
      blobField: 'CiphertextBlob'
    },
    key('ReEncryptTo', true, 'DestinationKeyId')
  ],
  RetireGrant: [{ kind: 'retire-grant' }],
  RevokeGrant: [key('RevokeGrant')],
  RotateKeyOnDemand: [key('RotateKeyOnDemand')],
  ScheduleKeyDeletion: [key('ScheduleKeyDeletion')],
  Sign: crypto('Sign'),
  TagResource: [key('TagResource')],
  UntagResource: [key('UntagResource')],
  UpdateAlias: [
    { kind: 'alias', action: 'kms:UpdateAlias', field: 'AliasName' },
    { kind: 'alias-target', action: 'kms:UpdateAlias', field: 'AliasName' },
    key('UpdateAlias', false, 'TargetKeyId')
  ],
  UpdateKeyDescription: [key('UpdateKeyDescription')],
  Verify: crypto('Verify'),
  VerifyMac: crypto('VerifyMac')
}
