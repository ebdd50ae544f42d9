// Input schemas of the lab IAM console API (principals, policies, access keys, simulator).
import { z } from 'zod'
import { encryptionContext } from '../kms/schemas/fields'

const arn = z.string().min(1).max(2048)
const document = z.string().min(1).max(131072)
const empty = z.object({}).strict()

export const IAM_SCHEMAS: Record<string, z.ZodType> = {
  getSession: empty,
  actAs: z.object({ principalArn: arn }).strict(),
  setEnforcement: z.object({ enforceForAll: z.boolean() }).strict(),
  listPrincipals: empty,
  getPrincipal: z.object({ principalArn: arn }).strict(),
  createPrincipal: z
    .object({
      type: z.enum(['user', 'role']),
      name: z.string().min(1).max(128),
      path: z.string().min(1).max(512).optional(),
      description: z.string().max(1000).optional()
    })
    .strict(),
  deletePrincipal: z.object({ principalArn: arn }).strict(),
  attachPolicy: z.object({ principalArn: arn, policyArn: arn }).strict(),
  detachPolicy: z.object({ principalArn: arn, policyArn: arn }).strict(),
  putInlinePolicy: z
    .object({ principalArn: arn, policyName: z.string().min(1).max(128), document })
    .strict(),
  deleteInlinePolicy: z
    .object({ principalArn: arn, policyName: z.string().min(1).max(128) })
    .strict(),
  createAccessKey: z.object({ principalArn: arn }).strict(),
  deleteAccessKey: z
    .object({ principalArn: arn, accessKeyId: z.string().min(16).max(128) })
    .strict(),
  listPolicies: z.object({ search: z.string().max(256).optional() }).strict(),
  getPolicy: z.object({ policyArn: arn }).strict(),
  createPolicy: z
    .object({
      policyName: z.string().min(1).max(128),
      description: z.string().max(1000).optional(),
      document
    })
    .strict(),
  updatePolicy: z.object({ policyArn: arn, document }).strict(),
  deletePolicy: z.object({ policyArn: arn }).strict(),
  validatePolicy: z.object({ document }).strict(),
  simulate: z
    .object({
      principalArn: arn,
      action: z.string().min(1).max(128),
      keyId: z.string().min(1).max(2048).optional(),
      encryptionContext: encryptionContext.optional()
    })
    .strict()
}
