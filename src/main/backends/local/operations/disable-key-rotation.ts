// DisableKeyRotation: stops automatic rotation; past material versions stay.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'
import { automaticRotationBlocker } from '../model/rotation'

export const disableKeyRotation: Operation<'DisableKeyRotation'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  const blocked = automaticRotationBlocker(key)
  if (blocked) throw blocked
  checkKeyState('DisableKeyRotation', key)
  if (key.rotation.enabled) {
    const { nextAt: _next, ...rotation } = key.rotation
    ctx.state.write(() => ctx.state.putKey({ ...key, rotation: { ...rotation, enabled: false } }))
  }
  return {}
}
