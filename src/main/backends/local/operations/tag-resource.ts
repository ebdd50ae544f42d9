// TagResource: adds tags to a key, or gives existing tag keys a new value.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'
import { mergeTags } from '../model/tags'

export const tagResource: Operation<'TagResource'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('TagResource', key)
  const tags = mergeTags(key.tags, input.Tags ?? [])
  ctx.state.write(() => ctx.state.putKey({ ...key, tags }))
  return {}
}
