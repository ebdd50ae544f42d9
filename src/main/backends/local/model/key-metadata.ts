// Builds the KeyMetadata structure DescribeKey, CreateKey and friends return, with the members
// AWS includes for a key of this spec, origin and state.
import type { KeyMetadata } from '../../../../shared/kms/types'
import { algorithmsFor, isSymmetric } from './key-specs'
import { currentMaterial, keyArnOf, type LabKey } from './key'

export function keyMetadata(key: LabKey): KeyMetadata {
  const md: KeyMetadata = {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: keyArnOf(key),
    CreationDate: new Date(key.createdAt),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    Origin: key.origin,
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    ...algorithmsFor(key.keySpec, key.keyUsage),
    MultiRegion: key.multiRegion === true
  } as KeyMetadata
  if (key.multiRegion) {
    const arn = keyArnOf(key)
    md.MultiRegionConfiguration = {
      MultiRegionKeyType: 'PRIMARY',
      PrimaryKey: { Arn: arn, Region: key.region },
      ReplicaKeys: []
    }
  }
  if (key.state === 'PendingDeletion' && key.deletionDate !== undefined) {
    md.DeletionDate = new Date(key.deletionDate)
  }
  if (key.origin === 'EXTERNAL' && key.imported) {
    md.ExpirationModel = key.imported.expirationModel
    if (key.imported.validTo !== undefined) md.ValidTo = new Date(key.imported.validTo)
  }
  const material = currentMaterial(key)
  if (isSymmetric(key.keySpec) && material) md.CurrentKeyMaterialId = material.id
  return md
}
