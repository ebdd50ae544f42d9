// The KMS operations KeyLab serves, with their request and response shapes, and the one table
// (OPERATIONS) from which IPC, the HTTP endpoint, the audit log and the coverage list are built.
import type * as K from '@aws-sdk/client-kms'
import type { EmptyResponse } from './types'

export interface KmsOperations {
  CancelKeyDeletion: [K.CancelKeyDeletionRequest, K.CancelKeyDeletionResponse]
  CreateAlias: [K.CreateAliasRequest, EmptyResponse]
  CreateGrant: [K.CreateGrantRequest, K.CreateGrantResponse]
  CreateKey: [K.CreateKeyRequest, K.CreateKeyResponse]
  Decrypt: [K.DecryptRequest, K.DecryptResponse]
  DeleteAlias: [K.DeleteAliasRequest, EmptyResponse]
  DeleteImportedKeyMaterial: [
    K.DeleteImportedKeyMaterialRequest,
    K.DeleteImportedKeyMaterialResponse
  ]
  DeriveSharedSecret: [K.DeriveSharedSecretRequest, K.DeriveSharedSecretResponse]
  DescribeKey: [K.DescribeKeyRequest, K.DescribeKeyResponse]
  DisableKey: [K.DisableKeyRequest, EmptyResponse]
  DisableKeyRotation: [K.DisableKeyRotationRequest, EmptyResponse]
  EnableKey: [K.EnableKeyRequest, EmptyResponse]
  EnableKeyRotation: [K.EnableKeyRotationRequest, EmptyResponse]
  Encrypt: [K.EncryptRequest, K.EncryptResponse]
  GenerateDataKey: [K.GenerateDataKeyRequest, K.GenerateDataKeyResponse]
  GenerateDataKeyPair: [K.GenerateDataKeyPairRequest, K.GenerateDataKeyPairResponse]
  GenerateDataKeyPairWithoutPlaintext: [
    K.GenerateDataKeyPairWithoutPlaintextRequest,
    K.GenerateDataKeyPairWithoutPlaintextResponse
  ]
  GenerateDataKeyWithoutPlaintext: [
    K.GenerateDataKeyWithoutPlaintextRequest,
    K.GenerateDataKeyWithoutPlaintextResponse
  ]
  GenerateMac: [K.GenerateMacRequest, K.GenerateMacResponse]
  GenerateRandom: [K.GenerateRandomRequest, K.GenerateRandomResponse]
  GetKeyPolicy: [K.GetKeyPolicyRequest, K.GetKeyPolicyResponse]
  GetKeyRotationStatus: [K.GetKeyRotationStatusRequest, K.GetKeyRotationStatusResponse]
  GetParametersForImport: [K.GetParametersForImportRequest, K.GetParametersForImportResponse]
  GetPublicKey: [K.GetPublicKeyRequest, K.GetPublicKeyResponse]
  ImportKeyMaterial: [K.ImportKeyMaterialRequest, K.ImportKeyMaterialResponse]
  ListAliases: [K.ListAliasesRequest, K.ListAliasesResponse]
  ListGrants: [K.ListGrantsRequest, K.ListGrantsResponse]
  ListKeyPolicies: [K.ListKeyPoliciesRequest, K.ListKeyPoliciesResponse]
  ListKeyRotations: [K.ListKeyRotationsRequest, K.ListKeyRotationsResponse]
  ListKeys: [K.ListKeysRequest, K.ListKeysResponse]
  ListResourceTags: [K.ListResourceTagsRequest, K.ListResourceTagsResponse]
  ListRetirableGrants: [K.ListRetirableGrantsRequest, K.ListGrantsResponse]
  PutKeyPolicy: [K.PutKeyPolicyRequest, EmptyResponse]
  ReEncrypt: [K.ReEncryptRequest, K.ReEncryptResponse]
  RetireGrant: [K.RetireGrantRequest, EmptyResponse]
  RevokeGrant: [K.RevokeGrantRequest, EmptyResponse]
  RotateKeyOnDemand: [K.RotateKeyOnDemandRequest, K.RotateKeyOnDemandResponse]
  ScheduleKeyDeletion: [K.ScheduleKeyDeletionRequest, K.ScheduleKeyDeletionResponse]
  Sign: [K.SignRequest, K.SignResponse]
  TagResource: [K.TagResourceRequest, EmptyResponse]
  UntagResource: [K.UntagResourceRequest, EmptyResponse]
  UpdateAlias: [K.UpdateAliasRequest, EmptyResponse]
  UpdateKeyDescription: [K.UpdateKeyDescriptionRequest, EmptyResponse]
  Verify: [K.VerifyRequest, K.VerifyResponse]
  VerifyMac: [K.VerifyMacRequest, K.VerifyMacResponse]
}

export type KmsOperationName = keyof KmsOperations
export type KmsInput<Op extends KmsOperationName> = KmsOperations[Op][0]
export type KmsOutput<Op extends KmsOperationName> = KmsOperations[Op][1]

/** The KMS API as every backend serves it: one async method per operation, AWS shapes. */
export type KmsApi = { [Op in KmsOperationName]: (input: KmsInput<Op>) => Promise<KmsOutput<Op>> }

export interface OperationInfo {
  /** CloudTrail's readOnly flag for the event. */
  readOnly: boolean
  /** CloudTrail's event category: key management, or a cryptographic (data) operation. */
  kind: 'management' | 'crypto'
  /** The request member that names the KMS key the operation acts on, when there is one. */
  keyField?: string
}

const M = (keyField?: string): OperationInfo => ({ readOnly: false, kind: 'management', keyField })
const R = (keyField?: string): OperationInfo => ({ readOnly: true, kind: 'management', keyField })
const C = (keyField = 'KeyId'): OperationInfo => ({ readOnly: true, kind: 'crypto', keyField })

export const OPERATIONS: { readonly [Op in KmsOperationName]: OperationInfo } = {
  CancelKeyDeletion: M('KeyId'),
  CreateAlias: M('TargetKeyId'),
  CreateGrant: M('KeyId'),
  CreateKey: M(),
  Decrypt: C(),
  DeleteAlias: M(),
  DeleteImportedKeyMaterial: M('KeyId'),
  DeriveSharedSecret: C(),
  DescribeKey: R('KeyId'),
  DisableKey: M('KeyId'),
  DisableKeyRotation: M('KeyId'),
  EnableKey: M('KeyId'),
  EnableKeyRotation: M('KeyId'),
  Encrypt: C(),
  GenerateDataKey: C(),
  GenerateDataKeyPair: C(),
  GenerateDataKeyPairWithoutPlaintext: C(),
  GenerateDataKeyWithoutPlaintext: C(),
  GenerateMac: C(),
  GenerateRandom: { readOnly: true, kind: 'crypto' },
  GetKeyPolicy: R('KeyId'),
  GetKeyRotationStatus: R('KeyId'),
  GetParametersForImport: R('KeyId'),
  GetPublicKey: R('KeyId'),
  ImportKeyMaterial: M('KeyId'),
  ListAliases: R(),
  ListGrants: R('KeyId'),
  ListKeyPolicies: R('KeyId'),
  ListKeyRotations: R('KeyId'),
  ListKeys: R(),
  ListResourceTags: R('KeyId'),
  ListRetirableGrants: R(),
  PutKeyPolicy: M('KeyId'),
  ReEncrypt: C('DestinationKeyId'),
  RetireGrant: M('KeyId'),
  RevokeGrant: M('KeyId'),
  RotateKeyOnDemand: M('KeyId'),
  ScheduleKeyDeletion: M('KeyId'),
  Sign: C(),
  TagResource: M('KeyId'),
  UntagResource: M('KeyId'),
  UpdateAlias: M('TargetKeyId'),
  UpdateKeyDescription: M('KeyId'),
  Verify: C(),
  VerifyMac: C()
}

export const OPERATION_NAMES = Object.keys(OPERATIONS) as KmsOperationName[]

export function isOperationName(name: string): name is KmsOperationName {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, name)
}
