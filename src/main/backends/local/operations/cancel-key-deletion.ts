// CancelKeyDeletion: stops a scheduled deletion; the key comes back Disabled, as on AWS (or
// PendingImport when it is an EXTERNAL key that has no material to use).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_CancelKeyDeletion.html
import type { Operation } from '../context'
import { allAssociatedImported } from '../model/imported-material'
import { keyArnOf } from '../model/key'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'

export const cancelKeyDeletion: Operation<'CancelKeyDeletion'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('CancelKeyDeletion', key)
  const { deletionDate: _date, pendingWindowDays: _days, ...rest } = key
  const noMaterial =
    key.origin === 'EXTERNAL' &&
    (key.materials.length === 0 || !allAssociatedImported(ctx.state, key))
  const state = noMaterial ? 'PendingImport' : 'Disabled'
  ctx.state.write(() => ctx.state.putKey({ ...rest, state }))
  return { KeyId: keyArnOf(key) }
}
