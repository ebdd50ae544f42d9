// Input schemas for the console's own APIs (KMS inputs are validated by the backends with
// kms/schemas, in AWS's words).
import { z } from 'zod'
import { REGIONS } from '../../shared/kms/enums'
import type { ApiName } from '../../shared/ipc/contract'
import { DESCRIBE_KEYS_MAX, DESCRIBE_KEYS_MAX_ALIASES } from '../../shared/ipc/catalog-api'
import { IAM_SCHEMAS } from './iam-schemas'

const empty = z.object({}).strict()

/** Any region name a connection may open in (a custom endpoint's, GovCloud, China); the picker offers REGIONS. */
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/)
const id = z.string().min(1).max(64)
const profile = z.string().min(1).max(128)

const newCredentials = z.discriminatedUnion('type', [
  z.object({ type: z.literal('profile'), profile }).strict(),
  z.object({ type: z.literal('environment') }).strict(),
  z
    .object({
      type: z.literal('static'),
      accessKeyId: z.string().min(1).max(128).regex(/^\w+$/),
      secretAccessKey: z.string().min(1).max(256),
      sessionToken: z.string().min(1).max(8192).optional()
    })
    .strict()
])
const auditFilter = z
  .object({
    from: z.number().int().min(0).optional(),
    to: z.number().int().min(0).optional(),
    eventName: z.string().min(1).max(128).optional(),
    keyId: z.string().min(1).max(2048).optional(),
    errorsOnly: z.boolean().optional(),
    readOnly: z.boolean().optional(),
    text: z.string().max(256).optional()
  })
  .strict()
const seq = z.number().int().min(1)

export const CONSOLE_SCHEMAS: { [A in Exclude<ApiName, 'kms'>]: Record<string, z.ZodType> } = {
  app: {
    getInfo: empty,
    setRegion: z.object({ region: z.enum(REGIONS) }).strict(),
    watchActivity: z.object({ after: z.number().int().min(0) }).strict()
  },
  lab: {
    getClock: empty,
    advanceClock: z
      .object({
        days: z.number().int().min(0).max(3650).optional(),
        hours: z.number().int().min(0).max(87600).optional(),
        minutes: z.number().int().min(0).max(5_256_000).optional()
      })
      .strict()
  },
  importTools: {
    generateAndWrap: z
      .object({
        publicKey: z.instanceof(Uint8Array).refine((b) => b.length > 0 && b.length <= 2048, {
          message: 'Member must be 1 to 2048 bytes'
        }),
        wrappingAlgorithm: z.enum([
          'RSAES_OAEP_SHA_1',
          'RSAES_OAEP_SHA_256',
          'RSA_AES_KEY_WRAP_SHA_1',
          'RSA_AES_KEY_WRAP_SHA_256'
        ]),
        keySpec: z.enum(['SYMMETRIC_DEFAULT', 'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512'])
      })
      .strict()
  },
  connections: {
    list: empty,
    profiles: empty,
    add: z
      .object({
        name: z.string().max(64).optional(),
        credentials: newCredentials,
        region: region.optional(),
        endpoint: z
          .url({ protocol: /^https?$/ })
          .max(2048)
          .optional()
      })
      .strict(),
    remove: z.object({ id }).strict(),
    activate: z.object({ id }).strict(),
    test: z.object({ id }).strict(),
    answerMfa: z
      .object({
        promptId: id,
        code: z
          .string()
          .regex(/^\d{6}$/)
          .optional()
      })
      .strict()
  },
  catalog: {
    listKeys: z
      .object({
        includeTags: z.boolean().optional(),
        includeAwsManaged: z.boolean().optional()
      })
      .strict(),
    keyRefs: empty,
    describeKeys: z
      .object({
        keys: z
          .array(
            z
              .object({
                keyId: z.string().min(1).max(2048),
                aliases: z.array(z.string().min(1).max(256))
              })
              .strict()
          )
          .max(DESCRIBE_KEYS_MAX)
          .refine(
            (keys) => keys.reduce((n, k) => n + k.aliases.length, 0) <= DESCRIBE_KEYS_MAX_ALIASES,
            `at most ${DESCRIBE_KEYS_MAX_ALIASES} aliases in all`
          ),
        includeTags: z.boolean().optional(),
        includeAwsManaged: z.boolean().optional()
      })
      .strict(),
    getKey: z.object({ keyId: z.string().min(1).max(2048) }).strict()
  },
  iam: IAM_SCHEMAS,
  endpoint: {
    status: empty,
    start: z.object({ port: z.number().int().min(0).max(65535).optional() }).strict(),
    stop: empty
  },
  audit: {
    summary: empty,
    query: z
      .object({
        filter: auditFilter,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000),
        head: z.number().int().min(0).optional()
      })
      .strict(),
    getRecord: z.object({ seq }).strict(),
    startVerify: empty,
    verifyStatus: z.object({ id: z.string().uuid() }).strict(),
    exportChunk: z
      .object({
        format: z.enum(['cloudtrail', 'csv']),
        filter: auditFilter,
        cursor: z
          .string()
          .regex(/^\d+:\d+$/)
          .optional(),
        head: z.number().int().min(0).optional()
      })
      .strict()
  }
}
