// Every member of every KMS operation's request and response, by kind, checked against the SDK's
// types: adding a member to the SDK makes this table (and so the redaction test) fail to compile
// until the member is listed here and decided on in the allow-list.
import type { KmsInput, KmsOperationName, KmsOutput } from '../../../../src/shared/kms/operations'

/** s string, b bytes, n number, t boolean, d date, m string map, l string list, tags, o structure,
 * lo list of structures. */
export type Kind = 's' | 'b' | 'n' | 't' | 'd' | 'm' | 'l' | 'tags' | 'o' | 'lo'

type AllMembers<T> = { [K in keyof Required<T>]: Kind }
type Table = {
  [Op in KmsOperationName]: {
    request: AllMembers<KmsInput<Op>>
    response: AllMembers<KmsOutput<Op>>
  }
}

const GRANTS = { Grants: 'lo', NextMarker: 's', Truncated: 't' } as const

export const MEMBERS = {
  CancelKeyDeletion: { request: { KeyId: 's' }, response: { KeyId: 's' } },
  CreateAlias: { request: { AliasName: 's', TargetKeyId: 's' }, response: {} },
  CreateGrant: {
    request: {
      KeyId: 's',
      GranteePrincipal: 's',
      RetiringPrincipal: 's',
      Operations: 'l',
      Constraints: 'o',
      GrantTokens: 'l',
      Name: 's',
      DryRun: 't',
      GranteeServicePrincipal: 's',
      RetiringServicePrincipal: 's'
    },
    response: { GrantToken: 's', GrantId: 's' }
  },
  CreateKey: {
    request: {
      Policy: 's',
      Description: 's',
      KeyUsage: 's',
      CustomerMasterKeySpec: 's',
      KeySpec: 's',
      Origin: 's',
      CustomKeyStoreId: 's',
      BypassPolicyLockoutSafetyCheck: 't',
      Tags: 'tags',
      MultiRegion: 't',
      XksKeyId: 's'
    },
    response: { KeyMetadata: 'o' }
  },
  Decrypt: {
    request: {
      CiphertextBlob: 'b',
      EncryptionContext: 'm',
      GrantTokens: 'l',
      KeyId: 's',
      EncryptionAlgorithm: 's',
      Recipient: 'o',
      DryRun: 't',
      DryRunModifiers: 'l'
    },
    response: {
      KeyId: 's',
      Plaintext: 'b',
      EncryptionAlgorithm: 's',
      CiphertextForRecipient: 'b',
      KeyMaterialId: 's'
    }
  },
  DeleteAlias: { request: { AliasName: 's' }, response: {} },
  DeleteImportedKeyMaterial: {
    request: { KeyId: 's', KeyMaterialId: 's' },
    response: { KeyId: 's', KeyMaterialId: 's' }
  },
  DeriveSharedSecret: {
    request: {
      KeyId: 's',
      KeyAgreementAlgorithm: 's',
      PublicKey: 'b',
      GrantTokens: 'l',
      DryRun: 't',
      Recipient: 'o'
    },
    response: {
      KeyId: 's',
      SharedSecret: 'b',
      CiphertextForRecipient: 'b',
      KeyAgreementAlgorithm: 's',
      KeyOrigin: 's'
    }
  },
  DescribeKey: { request: { KeyId: 's', GrantTokens: 'l' }, response: { KeyMetadata: 'o' } },
  DisableKey: { request: { KeyId: 's' }, response: {} },
  DisableKeyRotation: { request: { KeyId: 's' }, response: {} },
  EnableKey: { request: { KeyId: 's' }, response: {} },
  EnableKeyRotation: { request: { KeyId: 's', RotationPeriodInDays: 'n' }, response: {} },
  Encrypt: {
    request: {
      KeyId: 's',
      Plaintext: 'b',
      EncryptionContext: 'm',
      GrantTokens: 'l',
      EncryptionAlgorithm: 's',
      DryRun: 't'
    },
    response: { CiphertextBlob: 'b', KeyId: 's', EncryptionAlgorithm: 's' }
  },
  GenerateDataKey: {
    request: {
      KeyId: 's',
      EncryptionContext: 'm',
      NumberOfBytes: 'n',
      KeySpec: 's',
      GrantTokens: 'l',
      Recipient: 'o',
      DryRun: 't'
    },
    response: {
      CiphertextBlob: 'b',
      Plaintext: 'b',
      KeyId: 's',
      CiphertextForRecipient: 'b',
      KeyMaterialId: 's'
    }
  },
  GenerateDataKeyPair: {
    request: {
      EncryptionContext: 'm',
      KeyId: 's',
      KeyPairSpec: 's',
      GrantTokens: 'l',
      Recipient: 'o',
      DryRun: 't'
    },
    response: {
      PrivateKeyCiphertextBlob: 'b',
      PrivateKeyPlaintext: 'b',
      PublicKey: 'b',
      KeyId: 's',
      KeyPairSpec: 's',
      CiphertextForRecipient: 'b',
      KeyMaterialId: 's'
    }
  },
  GenerateDataKeyPairWithoutPlaintext: {
    request: {
      EncryptionContext: 'm',
      KeyId: 's',
      KeyPairSpec: 's',
      GrantTokens: 'l',
      DryRun: 't'
    },
    response: {
      PrivateKeyCiphertextBlob: 'b',
      PublicKey: 'b',
      KeyId: 's',
      KeyPairSpec: 's',
      KeyMaterialId: 's'
    }
  },
  GenerateDataKeyWithoutPlaintext: {
    request: {
      KeyId: 's',
      EncryptionContext: 'm',
      KeySpec: 's',
      NumberOfBytes: 'n',
      GrantTokens: 'l',
      DryRun: 't'
    },
    response: { CiphertextBlob: 'b', KeyId: 's', KeyMaterialId: 's' }
  },
  GenerateMac: {
    request: { Message: 'b', KeyId: 's', MacAlgorithm: 's', GrantTokens: 'l', DryRun: 't' },
    response: { Mac: 'b', MacAlgorithm: 's', KeyId: 's' }
  },
  GenerateRandom: {
    request: { NumberOfBytes: 'n', CustomKeyStoreId: 's', Recipient: 'o' },
    response: { Plaintext: 'b', CiphertextForRecipient: 'b' }
  },
  GetKeyPolicy: {
    request: { KeyId: 's', PolicyName: 's' },
    response: { Policy: 's', PolicyName: 's' }
  },
  GetKeyRotationStatus: {
    request: { KeyId: 's' },
    response: {
      KeyRotationEnabled: 't',
      KeyId: 's',
      RotationPeriodInDays: 'n',
      NextRotationDate: 'd',
      OnDemandRotationStartDate: 'd'
    }
  },
  GetParametersForImport: {
    request: { KeyId: 's', WrappingAlgorithm: 's', WrappingKeySpec: 's' },
    response: { KeyId: 's', ImportToken: 'b', PublicKey: 'b', ParametersValidTo: 'd' }
  },
  GetPublicKey: {
    request: { KeyId: 's', GrantTokens: 'l' },
    response: {
      KeyId: 's',
      PublicKey: 'b',
      CustomerMasterKeySpec: 's',
      KeySpec: 's',
      KeyUsage: 's',
      EncryptionAlgorithms: 'l',
      SigningAlgorithms: 'l',
      KeyAgreementAlgorithms: 'l',
      EncapsulationAlgorithms: 'l'
    }
  },
  ImportKeyMaterial: {
    request: {
      KeyId: 's',
      ImportToken: 'b',
      EncryptedKeyMaterial: 'b',
      ValidTo: 'd',
      ExpirationModel: 's',
      ImportType: 's',
      KeyMaterialDescription: 's',
      KeyMaterialId: 's'
    },
    response: { KeyId: 's', KeyMaterialId: 's' }
  },
  ListAliases: {
    request: { KeyId: 's', Limit: 'n', Marker: 's' },
    response: { Aliases: 'lo', NextMarker: 's', Truncated: 't' }
  },
  ListGrants: {
    request: {
      Limit: 'n',
      Marker: 's',
      KeyId: 's',
      GrantId: 's',
      GranteePrincipal: 's',
      GranteeServicePrincipal: 's'
    },
    response: GRANTS
  },
  ListKeyPolicies: {
    request: { KeyId: 's', Limit: 'n', Marker: 's' },
    response: { PolicyNames: 'l', NextMarker: 's', Truncated: 't' }
  },
  ListKeyRotations: {
    request: { KeyId: 's', IncludeKeyMaterial: 's', Limit: 'n', Marker: 's' },
    response: { Rotations: 'lo', NextMarker: 's', Truncated: 't' }
  },
  ListKeys: {
    request: { Limit: 'n', Marker: 's' },
    response: { Keys: 'lo', NextMarker: 's', Truncated: 't' }
  },
  ListResourceTags: {
    request: { KeyId: 's', Limit: 'n', Marker: 's' },
    response: { Tags: 'tags', NextMarker: 's', Truncated: 't' }
  },
  ListRetirableGrants: {
    request: { Limit: 'n', Marker: 's', RetiringPrincipal: 's', RetiringServicePrincipal: 's' },
    response: GRANTS
  },
  PutKeyPolicy: {
    request: { KeyId: 's', PolicyName: 's', Policy: 's', BypassPolicyLockoutSafetyCheck: 't' },
    response: {}
  },
  ReEncrypt: {
    request: {
      CiphertextBlob: 'b',
      SourceEncryptionContext: 'm',
      SourceKeyId: 's',
      DestinationKeyId: 's',
      DestinationEncryptionContext: 'm',
      SourceEncryptionAlgorithm: 's',
      DestinationEncryptionAlgorithm: 's',
      GrantTokens: 'l',
      DryRun: 't',
      DryRunModifiers: 'l'
    },
    response: {
      CiphertextBlob: 'b',
      SourceKeyId: 's',
      KeyId: 's',
      SourceEncryptionAlgorithm: 's',
      DestinationEncryptionAlgorithm: 's',
      SourceKeyMaterialId: 's',
      DestinationKeyMaterialId: 's'
    }
  },
  RetireGrant: {
    request: { GrantToken: 's', KeyId: 's', GrantId: 's', DryRun: 't' },
    response: {}
  },
  RevokeGrant: { request: { KeyId: 's', GrantId: 's', DryRun: 't' }, response: {} },
  RotateKeyOnDemand: { request: { KeyId: 's' }, response: { KeyId: 's' } },
  ScheduleKeyDeletion: {
    request: { KeyId: 's', PendingWindowInDays: 'n' },
    response: { KeyId: 's', DeletionDate: 'd', KeyState: 's', PendingWindowInDays: 'n' }
  },
  Sign: {
    request: {
      KeyId: 's',
      Message: 'b',
      MessageType: 's',
      GrantTokens: 'l',
      SigningAlgorithm: 's',
      DryRun: 't'
    },
    response: { KeyId: 's', Signature: 'b', SigningAlgorithm: 's' }
  },
  TagResource: { request: { KeyId: 's', Tags: 'tags' }, response: {} },
  UntagResource: { request: { KeyId: 's', TagKeys: 'l' }, response: {} },
  UpdateAlias: { request: { AliasName: 's', TargetKeyId: 's' }, response: {} },
  UpdateKeyDescription: { request: { KeyId: 's', Description: 's' }, response: {} },
  Verify: {
    request: {
      KeyId: 's',
      Message: 'b',
      MessageType: 's',
      Signature: 'b',
      SigningAlgorithm: 's',
      GrantTokens: 'l',
      DryRun: 't'
    },
    response: { KeyId: 's', SignatureValid: 't', SigningAlgorithm: 's' }
  },
  VerifyMac: {
    request: {
      Message: 'b',
      KeyId: 's',
      MacAlgorithm: 's',
      Mac: 'b',
      GrantTokens: 'l',
      DryRun: 't'
    },
    response: { KeyId: 's', MacValid: 't', MacAlgorithm: 's' }
  }
} as const satisfies Table

/** Members that carry secrets or credentials: no allow-list may ever keep them. */
export const SECRET_MEMBERS = [
  'Plaintext',
  'CiphertextBlob',
  'Message',
  'Signature',
  'Mac',
  'ImportToken',
  'EncryptedKeyMaterial',
  'PrivateKeyPlaintext',
  'PrivateKeyCiphertextBlob',
  'SharedSecret',
  'CiphertextForRecipient',
  'PublicKey',
  'Recipient',
  'GrantToken',
  'GrantTokens'
]
