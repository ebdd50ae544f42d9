// Input schemas of the grant operations, with the API reference's member constraints.
import { z } from 'zod'
import { GRANT_OPERATIONS } from '../../../shared/iam/kms-actions'
import * as f from './fields'
import type { SchemaTable } from '.'

const principal = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[\w+=,.@:/-]+$/)
const grantId = z.string().min(1).max(128)
const grantToken = z.string().min(1).max(8192)

export const createGrantInput = z.object({
  KeyId: f.keyId,
  GranteePrincipal: principal,
  RetiringPrincipal: principal.optional(),
  Operations: z.array(z.enum(GRANT_OPERATIONS)).min(1),
  Constraints: z
    .object({
      EncryptionContextSubset: f.encryptionContext.optional(),
      EncryptionContextEquals: f.encryptionContext.optional()
    })
    .optional(),
  GrantTokens: f.grantTokens.optional(),
  Name: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[a-zA-Z0-9:/_-]+$/)
    .optional(),
  DryRun: f.dryRun.optional()
})

export const listGrantsInput = z.object({
  Limit: f.limit(100).optional(),
  Marker: f.marker.optional(),
  KeyId: f.keyId,
  GrantId: grantId.optional(),
  GranteePrincipal: principal.optional()
})

export const listRetirableGrantsInput = z.object({
  Limit: f.limit(100).optional(),
  Marker: f.marker.optional(),
  RetiringPrincipal: principal
})

export const retireGrantInput = z.object({
  GrantToken: grantToken.optional(),
  KeyId: f.keyId.optional(),
  GrantId: grantId.optional(),
  DryRun: f.dryRun.optional()
})

export const revokeGrantInput = z.object({
  KeyId: f.keyId,
  GrantId: grantId,
  DryRun: f.dryRun.optional()
})

export const GRANT_SCHEMAS: SchemaTable = {
  CreateGrant: createGrantInput,
  ListGrants: listGrantsInput,
  ListRetirableGrants: listRetirableGrantsInput,
  RetireGrant: retireGrantInput,
  RevokeGrant: revokeGrantInput
}
