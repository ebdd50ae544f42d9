// Input schemas for the console's own APIs (KMS inputs are validated by the backends with
// kms/schemas, in AWS's words).
import { z } from 'zod'
import { REGIONS } from '../../shared/kms/enums'
import type { ApiName } from '../../shared/ipc/contract'

const empty = z.object({}).strict()

export const CONSOLE_SCHEMAS: { [A in Exclude<ApiName, 'kms'>]: Record<string, z.ZodType> } = {
  app: {
    getInfo: empty,
    setRegion: z.object({ region: z.enum(REGIONS) }).strict()
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
  }
}
