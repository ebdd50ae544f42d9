// ListKeyRotations: the key's completed rotations (ROTATIONS_ONLY, the default), or every key
// material it has had (ALL_KEY_MATERIAL), oldest first, paged by Limit and Marker.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyRotations.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { page } from '../model/paging'
import { resolveKey } from '../model/resolve-key'
import { rotationEntry, rotationKindBlocker } from '../model/rotation'

export const listKeyRotations: Operation<'ListKeyRotations'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  const blocked = rotationKindBlocker(key)
  if (blocked) throw blocked
  checkKeyState('ListKeyRotations', key)
  const all = input.IncludeKeyMaterial === 'ALL_KEY_MATERIAL'
  const indexed = key.materials.map((m, i) => ({ m, i })).filter(({ i }) => all || i > 0)
  const result = page(indexed, (e) => e.i, input.Limit ?? 100, input.Marker)
  return {
    Rotations: result.items.map(({ m, i }) => rotationEntry(key, m, i)),
    ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}),
    Truncated: result.truncated
  }
}
