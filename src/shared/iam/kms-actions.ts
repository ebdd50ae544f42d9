// The KMS actions IAM knows, with the access level the IAM console files each under (Read,
// Write, List, Permissions management, Tagging), for the visual policy editor and validation.
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging'

export const ACCESS_LEVELS: readonly AccessLevel[] = [
  'List',
  'Read',
  'Write',
  'Permissions management',
  'Tagging'
]

export const KMS_ACTIONS: Readonly<Record<string, AccessLevel>> = {
  CancelKeyDeletion: 'Write',
  ConnectCustomKeyStore: 'Write',
  CreateAlias: 'Write',
  CreateCustomKeyStore: 'Write',
  CreateGrant: 'Permissions management',
  CreateKey: 'Write',
  Decrypt: 'Write',
  DeleteAlias: 'Write',
  DeleteCustomKeyStore: 'Write',
  DeleteImportedKeyMaterial: 'Write',
  DeriveSharedSecret: 'Write',
  DescribeCustomKeyStores: 'Read',
  DescribeKey: 'Read',
  DisableKey: 'Write',
  DisableKeyRotation: 'Write',
  DisconnectCustomKeyStore: 'Write',
  EnableKey: 'Write',
  EnableKeyRotation: 'Write',
  Encrypt: 'Write',
  GenerateDataKey: 'Write',
  GenerateDataKeyPair: 'Write',
  GenerateDataKeyPairWithoutPlaintext: 'Write',
  GenerateDataKeyWithoutPlaintext: 'Write',
  GenerateMac: 'Write',
  GenerateRandom: 'Write',
  GetKeyPolicy: 'Read',
  GetKeyRotationStatus: 'Read',
  GetParametersForImport: 'Read',
  GetPublicKey: 'Read',
  ImportKeyMaterial: 'Write',
  ListAliases: 'List',
  ListGrants: 'List',
  ListKeyPolicies: 'List',
  ListKeyRotations: 'List',
  ListKeys: 'List',
  ListResourceTags: 'List',
  ListRetirableGrants: 'List',
  PutKeyPolicy: 'Permissions management',
  ReEncryptFrom: 'Write',
  ReEncryptTo: 'Write',
  ReplicateKey: 'Write',
  RetireGrant: 'Permissions management',
  RevokeGrant: 'Permissions management',
  RotateKeyOnDemand: 'Write',
  ScheduleKeyDeletion: 'Write',
  Sign: 'Write',
  SynchronizeMultiRegionKey: 'Write',
  TagResource: 'Tagging',
  UntagResource: 'Tagging',
  UpdateAlias: 'Write',
  UpdateCustomKeyStore: 'Write',
  UpdateKeyDescription: 'Write',
  UpdatePrimaryRegion: 'Write',
  Verify: 'Write',
  VerifyMac: 'Write'
}

/** The operations a grant may allow (CreateGrant's Operations member). */
export const GRANT_OPERATIONS = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret'
] as const

export type GrantOperationName = (typeof GRANT_OPERATIONS)[number]

/** Grant operations that take an encryption context, the only ones grant constraints bind. */
export const ENCRYPTION_CONTEXT_OPERATIONS: ReadonlySet<string> = new Set([
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext'
])
