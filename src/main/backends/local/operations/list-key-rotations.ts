// ListKeyRotations: the key's completed rotations (ROTATIONS_ONLY, the default), or every key
// material it has had (ALL_KEY_MATERIAL), oldest first, paged by Limit and Marker.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyRotations.html
import type { RotationsListEntry } from '../../../../shared/kms/types'
import type { Operation } from '../context'
import { importedRotationFields, pendingRotationMaterial } from '../model/imported-material'
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
  // Material imported for a coming on-demand rotation is listed last, with ALL_KEY_MATERIAL.
  const pending = all ? pendingRotationMaterial(ctx.state, key.keyId) : undefined
  if (pending) {
    indexed.push({
      m: { id: pending.materialId, createdAt: pending.importedAt, source: 'IMPORT' },
      i: indexed.length
    })
  }
  const entry = (m: (typeof indexed)[number]['m'], i: number): RotationsListEntry => {
    const base =
      pending && m.id === pending.materialId
        ? { KeyId: key.keyId, KeyMaterialId: m.id }
        : rotationEntry(key, m, i)
    return key.origin === 'EXTERNAL'
      ? { ...base, ...importedRotationFields(ctx.state, key, m.id) }
      : base
  }
  const result = page(indexed, (e) => e.i, input.Limit ?? 100, input.Marker)
  return {
    Rotations: result.items.map(({ m, i }) => entry(m, i)),
    ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}),
    Truncated: result.truncated
  }
}
