// DescribeKey: the key's metadata, in any key state.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
import type { Operation } from '../context'
import { keyMetadata } from '../model/key-metadata'
import { resolveKey } from '../model/resolve-key'

export const describeKey: Operation<'DescribeKey'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  return { KeyMetadata: keyMetadata(key) }
}
