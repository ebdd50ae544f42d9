// The input schema of every KMS operation, by operation name. Both backends validate with these
// before a request goes anywhere, so bad input always gets AWS's ValidationException text.
import type { z } from 'zod'
import type { KmsOperationName } from '../../../shared/kms/operations'
import { KEY_SCHEMAS } from './keys'
import { CRYPTO_SCHEMAS } from './crypto'
import { IMPORT_SCHEMAS } from './import'
import { GRANT_SCHEMAS } from './grants'

export type SchemaTable = Partial<Record<KmsOperationName, z.ZodType>>

export const INPUT_SCHEMAS: SchemaTable = {
  ...KEY_SCHEMAS,
  ...CRYPTO_SCHEMAS,
  ...IMPORT_SCHEMAS,
  ...GRANT_SCHEMAS
}
