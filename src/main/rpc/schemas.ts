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
  endpoint: {
    status: empty,
    start: z.object({ port: z.number().int().min(0).max(65535).optional() }).strict(),
    stop: empty
  }
}
