// Key management operations: create, describe, list, aliases, tags, policy, state, rotation,
// deletion.
import type { OperationTable } from '.'
import { cancelKeyDeletion } from './cancel-key-deletion'
import { createAlias } from './create-alias'
import { createKey } from './create-key'
import { deleteAlias } from './delete-alias'
import { describeKey } from './describe-key'
import { disableKey } from './disable-key'
import { disableKeyRotation } from './disable-key-rotation'
import { enableKey } from './enable-key'
import { enableKeyRotation } from './enable-key-rotation'
import { getKeyPolicy } from './get-key-policy'
import { getKeyRotationStatus } from './get-key-rotation-status'
import { listAliases } from './list-aliases'
import { listKeyPolicies } from './list-key-policies'
import { listKeyRotations } from './list-key-rotations'
import { listKeys } from './list-keys'
import { listResourceTags } from './list-resource-tags'
import { putKeyPolicy } from './put-key-policy'
import { rotateKeyOnDemand } from './rotate-key-on-demand'
import { scheduleKeyDeletion } from './schedule-key-deletion'
import { tagResource } from './tag-resource'
import { untagResource } from './untag-resource'
import { updateAlias } from './update-alias'
import { updateKeyDescription } from './update-key-description'

export const KEY_OPERATIONS: OperationTable = {
  CancelKeyDeletion: cancelKeyDeletion,
  CreateAlias: createAlias,
  CreateKey: createKey,
  DeleteAlias: deleteAlias,
  DescribeKey: describeKey,
  DisableKey: disableKey,
  DisableKeyRotation: disableKeyRotation,
  EnableKey: enableKey,
  EnableKeyRotation: enableKeyRotation,
  GetKeyPolicy: getKeyPolicy,
  GetKeyRotationStatus: getKeyRotationStatus,
  ListAliases: listAliases,
  ListKeyPolicies: listKeyPolicies,
  ListKeyRotations: listKeyRotations,
  ListKeys: listKeys,
  ListResourceTags: listResourceTags,
  PutKeyPolicy: putKeyPolicy,
  RotateKeyOnDemand: rotateKeyOnDemand,
  ScheduleKeyDeletion: scheduleKeyDeletion,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateAlias: updateAlias,
  UpdateKeyDescription: updateKeyDescription
}
