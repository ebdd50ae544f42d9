// DescribeKey: the key's metadata, in any key state, by key id, key ARN, alias name or alias ARN.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
import type { Operation } from '../context'
import { keyMetadata } from '../model/key-metadata'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'

export const describeKey: Operation<'DescribeKey'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  checkKeyState('DescribeKey', key)
  return { KeyMetadata: keyMetadata(key) }
}
