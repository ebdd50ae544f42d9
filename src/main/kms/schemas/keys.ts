// Input schemas of the key management operations (create, describe, list, state, policy, tags,
// rotation, deletion), with the API reference's member constraints.
import { z } from 'zod'
import * as f from './fields'
import type { SchemaTable } from '.'

const byKey = z.object({ KeyId: f.keyId })
const paged = { Limit: f.limit(1000).optional(), Marker: f.marker.optional() }
const alias = z.object({ AliasName: f.aliasName, TargetKeyId: f.keyId })

export const createKeyInput = z.object({
  Policy: f.policy.optional(),
  Description: f.description.optional(),
  KeyUsage: f.keyUsage.optional(),
  CustomerMasterKeySpec: f.keySpec.optional(),
  KeySpec: f.keySpec.optional(),
  Origin: f.origin.optional(),
  CustomKeyStoreId: f.customKeyStoreId.optional(),
  BypassPolicyLockoutSafetyCheck: z.boolean().optional(),
  Tags: f.tags.optional(),
  MultiRegion: z.boolean().optional(),
  XksKeyId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[a-zA-Z0-9-_.]+$/)
    .optional()
})

export const describeKeyInput = z.object({
  KeyId: f.keyId,
  GrantTokens: f.grantTokens.optional()
})

export const listKeysInput = z.object(paged)

export const KEY_SCHEMAS: SchemaTable = {
  CreateKey: createKeyInput,
  DescribeKey: describeKeyInput,
  ListKeys: listKeysInput,
  ListAliases: z.object({ KeyId: f.keyId.optional(), ...paged }),
  ListResourceTags: z.object({ KeyId: f.keyId, ...paged }),
  ListKeyPolicies: z.object({ KeyId: f.keyId, ...paged }),
  CreateAlias: alias,
  UpdateAlias: alias,
  DeleteAlias: z.object({ AliasName: f.aliasName }),
  TagResource: z.object({ KeyId: f.keyId, Tags: f.tags }),
  UntagResource: z.object({ KeyId: f.keyId, TagKeys: f.tagKeys }),
  UpdateKeyDescription: z.object({ KeyId: f.keyId, Description: f.description }),
  EnableKey: byKey,
  DisableKey: byKey,
  GetKeyPolicy: z.object({ KeyId: f.keyId, PolicyName: f.policyName.optional() }),
  PutKeyPolicy: z.object({
    KeyId: f.keyId,
    PolicyName: f.policyName.optional(),
    Policy: f.policy,
    BypassPolicyLockoutSafetyCheck: z.boolean().optional()
  }),
  ScheduleKeyDeletion: z.object({
    KeyId: f.keyId,
    PendingWindowInDays: f.pendingWindowInDays.optional()
  }),
  CancelKeyDeletion: byKey,
  EnableKeyRotation: z.object({
    KeyId: f.keyId,
    RotationPeriodInDays: f.rotationPeriodInDays.optional()
  }),
  DisableKeyRotation: byKey,
  GetKeyRotationStatus: byKey,
  RotateKeyOnDemand: byKey,
  ListKeyRotations: z.object({
    KeyId: f.keyId,
    IncludeKeyMaterial: f.includeKeyMaterial.optional(),
    ...paged
  })
}
