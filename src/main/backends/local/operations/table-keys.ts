// Key management operations: create, describe, list, aliases, tags, policy, state, rotation,
// deletion.
import type { OperationTable } from '.'
import { createKey } from './create-key'
import { describeKey } from './describe-key'
import { listKeys } from './list-keys'

export const KEY_OPERATIONS: OperationTable = {
  CreateKey: createKey,
  DescribeKey: describeKey,
  ListKeys: listKeys
}
