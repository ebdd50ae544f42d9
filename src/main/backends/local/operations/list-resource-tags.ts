// ListResourceTags: the key's tags, paged by Limit (1-50, default 50) and Marker.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { page } from '../model/paging'
import { resolveKey } from '../model/resolve-key'

/** AWS documents 1-50; the member allows up to 1000, and the lab answers at most 50. */
const MAX_LIMIT = 50

export const listResourceTags: Operation<'ListResourceTags'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('ListResourceTags', key)
  const indexed = key.tags.map((tag, i) => ({ tag, i }))
  const limit = Math.min(input.Limit ?? 50, MAX_LIMIT)
  const result = page(indexed, (t) => t.i, limit, input.Marker)
  return {
    Tags: result.items.map((t) => ({ TagKey: t.tag.TagKey, TagValue: t.tag.TagValue })),
    ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}),
    Truncated: result.truncated
  }
}
