// The allow-list of every KMS operation: which request members become requestParameters and
// which response members become responseElements, following what CloudTrail keeps for KMS
// (developer guide, "Examples of AWS KMS log entries"). Anything not listed is never recorded:
// plaintext, ciphertext, data keys, private keys, key material, import tokens, signatures, MACs,
// shared secrets, public keys, attestation documents and grant tokens (bearer credentials).
// https://docs.aws.amazon.com/kms/latest/developerguide/understanding-kms-entries.html
import type { KmsInput, KmsOperationName, KmsOutput } from '../../shared/kms/operations'

/**
 * How a member is kept: `scalar` (string, number, boolean, date; a list of them with
 * [`scalar`]), `map` (a string-to-string map such as an encryption context, names kept as
 * given), `deep` (a structure of AWS metadata such as KeyMetadata; bytes inside are dropped), or
 * a structure of allowed members.
 */
export type Shape =
  'scalar' | 'map' | 'deep' | readonly [Shape] | { readonly [member: string]: Shape }

type Members<T> = { readonly [K in keyof T]?: Shape }

export interface AuditRule<Op extends KmsOperationName> {
  request: Members<KmsInput<Op>>
  /** Absent: CloudTrail records responseElements as null for this operation. */
  response?: Members<KmsOutput<Op>>
}

const S = 'scalar'
const LIST = [S] as const
const TAGS = [{ TagKey: S, TagValue: S }] as const
const CONSTRAINTS = { EncryptionContextSubset: 'map', EncryptionContextEquals: 'map' } as const
const KEY = { KeyId: S } as const
const PAGE = { Limit: S, Marker: S } as const
const DATA_KEY = { KeyId: S, EncryptionContext: 'map', DryRun: S } as const

export const AUDIT_RULES: { readonly [Op in KmsOperationName]: AuditRule<Op> } = {
  CancelKeyDeletion: { request: KEY, response: KEY },
  CreateAlias: { request: { AliasName: S, TargetKeyId: S } },
  CreateGrant: {
    request: {
      KeyId: S,
      GranteePrincipal: S,
      GranteeServicePrincipal: S,
      RetiringPrincipal: S,
      RetiringServicePrincipal: S,
      Operations: LIST,
      Constraints: CONSTRAINTS,
      Name: S,
      DryRun: S
    },
    response: { GrantId: S }
  },
  CreateKey: {
    request: {
      Policy: S,
      Description: S,
      KeyUsage: S,
      CustomerMasterKeySpec: S,
      KeySpec: S,
      Origin: S,
      CustomKeyStoreId: S,
      BypassPolicyLockoutSafetyCheck: S,
      Tags: TAGS,
      MultiRegion: S,
      XksKeyId: S
    },
    response: { KeyMetadata: 'deep' }
  },
  Decrypt: {
    request: {
      KeyId: S,
      EncryptionContext: 'map',
      EncryptionAlgorithm: S,
      DryRun: S,
      DryRunModifiers: LIST
    }
  },
  DeleteAlias: { request: { AliasName: S } },
  DeleteImportedKeyMaterial: {
    request: { KeyId: S, KeyMaterialId: S },
    response: { KeyId: S, KeyMaterialId: S }
  },
  DeriveSharedSecret: { request: { KeyId: S, KeyAgreementAlgorithm: S, DryRun: S } },
  DescribeKey: { request: KEY },
  DisableKey: { request: KEY },
  DisableKeyRotation: { request: KEY },
  EnableKey: { request: KEY },
  EnableKeyRotation: { request: { KeyId: S, RotationPeriodInDays: S } },
  Encrypt: { request: { KeyId: S, EncryptionContext: 'map', EncryptionAlgorithm: S, DryRun: S } },
  GenerateDataKey: { request: { ...DATA_KEY, KeySpec: S, NumberOfBytes: S } },
  GenerateDataKeyPair: { request: { ...DATA_KEY, KeyPairSpec: S } },
  GenerateDataKeyPairWithoutPlaintext: { request: { ...DATA_KEY, KeyPairSpec: S } },
  GenerateDataKeyWithoutPlaintext: { request: { ...DATA_KEY, KeySpec: S, NumberOfBytes: S } },
  GenerateMac: { request: { KeyId: S, MacAlgorithm: S, DryRun: S } },
  GenerateRandom: { request: { NumberOfBytes: S, CustomKeyStoreId: S } },
  GetKeyPolicy: { request: { KeyId: S, PolicyName: S } },
  GetKeyRotationStatus: { request: KEY },
  GetParametersForImport: { request: { KeyId: S, WrappingAlgorithm: S, WrappingKeySpec: S } },
  GetPublicKey: { request: KEY },
  ImportKeyMaterial: {
    request: {
      KeyId: S,
      ValidTo: S,
      ExpirationModel: S,
      ImportType: S,
      KeyMaterialDescription: S,
      KeyMaterialId: S
    },
    response: { KeyId: S, KeyMaterialId: S }
  },
  ListAliases: { request: { KeyId: S, ...PAGE } },
  ListGrants: {
    request: { KeyId: S, GrantId: S, GranteePrincipal: S, GranteeServicePrincipal: S, ...PAGE }
  },
  ListKeyPolicies: { request: { KeyId: S, ...PAGE } },
  ListKeyRotations: { request: { KeyId: S, IncludeKeyMaterial: S, ...PAGE } },
  ListKeys: { request: PAGE },
  ListResourceTags: { request: { KeyId: S, ...PAGE } },
  ListRetirableGrants: { request: { RetiringPrincipal: S, RetiringServicePrincipal: S, ...PAGE } },
  PutKeyPolicy: {
    request: { KeyId: S, PolicyName: S, Policy: S, BypassPolicyLockoutSafetyCheck: S }
  },
  ReEncrypt: {
    request: {
      SourceKeyId: S,
      DestinationKeyId: S,
      SourceEncryptionContext: 'map',
      DestinationEncryptionContext: 'map',
      SourceEncryptionAlgorithm: S,
      DestinationEncryptionAlgorithm: S,
      DryRun: S,
      DryRunModifiers: LIST
    }
  },
  RetireGrant: { request: { KeyId: S, GrantId: S, DryRun: S } },
  RevokeGrant: { request: { KeyId: S, GrantId: S, DryRun: S } },
  RotateKeyOnDemand: { request: KEY, response: KEY },
  ScheduleKeyDeletion: {
    request: { KeyId: S, PendingWindowInDays: S },
    response: { KeyId: S, DeletionDate: S, KeyState: S, PendingWindowInDays: S }
  },
  Sign: { request: { KeyId: S, MessageType: S, SigningAlgorithm: S, DryRun: S } },
  TagResource: { request: { KeyId: S, Tags: TAGS } },
  UntagResource: { request: { KeyId: S, TagKeys: LIST } },
  UpdateAlias: { request: { AliasName: S, TargetKeyId: S } },
  UpdateKeyDescription: { request: { KeyId: S, Description: S } },
  Verify: { request: { KeyId: S, MessageType: S, SigningAlgorithm: S, DryRun: S } },
  VerifyMac: { request: { KeyId: S, MacAlgorithm: S, DryRun: S } }
}
