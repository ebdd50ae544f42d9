// EnableKeyRotation: automatic rotation of a symmetric AWS_KMS key every RotationPeriodInDays
// (90-2560, default 365); called again, it changes the period of the current schedule.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'
import {
  automaticRotationBlocker,
  DEFAULT_ROTATION_PERIOD_DAYS,
  nextRotationAt
} from '../model/rotation'

export const enableKeyRotation: Operation<'EnableKeyRotation'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  const blocked = automaticRotationBlocker(key)
  if (blocked) throw blocked
  checkKeyState('EnableKeyRotation', key)
  const periodDays = input.RotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS
  const nextAt = nextRotationAt(key, periodDays, ctx.now)
  ctx.state.write(() =>
    ctx.state.putKey({ ...key, rotation: { ...key.rotation, enabled: true, periodDays, nextAt } })
  )
  return {}
}
