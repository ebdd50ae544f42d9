// ScheduleKeyDeletion: the key goes PendingDeletion for a waiting period of 7-30 days (default
// 30); when it ends the lab deletes the key, its material and its aliases (model/due-deletion).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
import { ValidationException } from '../../../../shared/errors'
import type { Operation } from '../context'
import { keyArnOf } from '../model/key'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'
import { DAY_MS } from '../model/rotation'

export const DEFAULT_PENDING_WINDOW_DAYS = 30

export const scheduleKeyDeletion: Operation<'ScheduleKeyDeletion'> = (ctx, input) => {
  const days = input.PendingWindowInDays ?? DEFAULT_PENDING_WINDOW_DAYS
  if (days < 7 || days > 30) {
    // AWS's text (the member itself allows 1-365).
    throw new ValidationException('PendingWindowInDays must be between 7 and 30')
  }
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('ScheduleKeyDeletion', key)
  const deletionDate = ctx.now + days * DAY_MS
  ctx.state.write(() =>
    ctx.state.putKey({
      ...key,
      state: 'PendingDeletion',
      deletionDate,
      pendingWindowDays: days
    })
  )
  return {
    KeyId: keyArnOf(key),
    DeletionDate: new Date(deletionDate),
    KeyState: 'PendingDeletion',
    PendingWindowInDays: days
  }
}
