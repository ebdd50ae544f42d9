// GetKeyRotationStatus: whether automatic rotation is on, its period and next date, and an
// on-demand rotation in progress. Asymmetric and HMAC keys answer "not enabled", as on AWS.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'
import { rotationStatusBlocker } from '../model/rotation'

export const getKeyRotationStatus: Operation<'GetKeyRotationStatus'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  const blocked = rotationStatusBlocker(key)
  if (blocked) throw blocked
  checkKeyState('GetKeyRotationStatus', key)
  const { rotation } = key
  return {
    KeyId: key.keyId,
    KeyRotationEnabled: rotation.enabled,
    ...(rotation.enabled ? { RotationPeriodInDays: rotation.periodDays } : {}),
    ...(rotation.enabled && rotation.nextAt !== undefined
      ? { NextRotationDate: new Date(rotation.nextAt) }
      : {}),
    ...(rotation.onDemandStartedAt !== undefined
      ? { OnDemandRotationStartDate: new Date(rotation.onDemandStartedAt) }
      : {})
  }
}
