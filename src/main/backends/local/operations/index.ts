// The lab's operation table: one handler per KMS operation, each in its own file, gathered by
// domain so each domain's table is found in one place.
import type { KmsOperationName } from '../../../../shared/kms/operations'
import type { Operation } from '../context'
import { KEY_OPERATIONS } from './table-keys'
import { CRYPTO_OPERATIONS } from './table-crypto'
import { IMPORT_OPERATIONS } from './table-import'
import { GRANT_OPERATIONS } from './table-grants'

export type OperationTable = { [Op in KmsOperationName]?: Operation<Op> }

export const LAB_OPERATIONS: OperationTable = {
  ...KEY_OPERATIONS,
  ...CRYPTO_OPERATIONS,
  ...IMPORT_OPERATIONS,
  ...GRANT_OPERATIONS
}
