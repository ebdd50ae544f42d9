// Input schemas for the console's own APIs (KMS inputs are validated by the backends with
// kms/schemas, in AWS's words).
import { z } from 'zod'
import { REGIONS } from '../../shared/kms/enums'
import type { ApiName } from '../../shared/ipc/contract'

const empty = z.object({}).strict()

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
