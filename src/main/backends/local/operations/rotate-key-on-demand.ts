// RotateKeyOnDemand: starts a rotation now, whatever the automatic schedule, up to the quota of
// on-demand rotations per key. Like AWS, the rotation completes in the background (the next tick
// of the lab, at the same lab time); GetKeyRotationStatus shows it until then.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'
import {
  onDemandRotationBlocker,
  onDemandRotationLimit,
  rotationKindBlocker
} from '../model/rotation'

export const rotateKeyOnDemand: Operation<'RotateKeyOnDemand'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  const unsupported = rotationKindBlocker(key)
  if (unsupported) throw unsupported
  checkKeyState('RotateKeyOnDemand', key)
  const blocked = onDemandRotationBlocker(ctx.state, key) ?? onDemandRotationLimit(key)
  if (blocked) throw blocked
  ctx.state.write(() =>
    ctx.state.putKey({
      ...key,
      rotation: { ...key.rotation, onDemandStartedAt: ctx.now },
      onDemandRotations: key.onDemandRotations + 1
    })
  )
  return { KeyId: key.keyId }
}
