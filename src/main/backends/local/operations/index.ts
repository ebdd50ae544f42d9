// The lab's operation table: one handler per KMS operation, each in its own file.
import type { KmsOperationName } from '../../../../shared/kms/operations'
import type { Operation } from '../context'
import { createKey } from './create-key'
import { describeKey } from './describe-key'
import { listKeys } from './list-keys'

export type OperationTable = { [Op in KmsOperationName]?: Operation<Op> }

export const LAB_OPERATIONS: OperationTable = {
  CreateKey: createKey,
  DescribeKey: describeKey,
  ListKeys: listKeys
}
