// UntagResource: removes tags by key; tag keys the key does not have are ignored.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'
import { removeTags } from '../model/tags'

export const untagResource: Operation<'UntagResource'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('UntagResource', key)
  const tags = removeTags(key.tags, input.TagKeys ?? [])
  if (tags.length !== key.tags.length) ctx.state.write(() => ctx.state.putKey({ ...key, tags }))
  return {}
}
