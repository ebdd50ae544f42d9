// The input schema of every KMS operation, by operation name. Both backends validate with these
// before a request goes anywhere, so bad input always gets AWS's ValidationException text.
import type { z } from 'zod'
import type { KmsOperationName } from '../../../shared/kms/operations'
import * as keys from './keys'

export const INPUT_SCHEMAS: Partial<Record<KmsOperationName, z.ZodType>> = {
  CreateKey: keys.createKeyInput,
  DescribeKey: keys.describeKeyInput,
  ListKeys: keys.listKeysInput
}
