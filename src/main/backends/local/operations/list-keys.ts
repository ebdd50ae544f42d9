// ListKeys: every key of the caller's region, in creation order, paged by Limit and Marker.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html
import type { Operation } from '../context'
import { keyArnOf } from '../model/key'
import { page } from '../model/paging'

export const listKeys: Operation<'ListKeys'> = (ctx, input) => {
  const result = page(ctx.state.keysIn(ctx.region), (k) => k.seq, input.Limit ?? 100, input.Marker)
  return {
    Keys: result.items.map((k) => ({ KeyId: k.keyId, KeyArn: keyArnOf(k) })),
    ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}),
    Truncated: result.truncated
  }
}
