// Due deletions: at the end of its waiting period a key pending deletion is deleted, with its
// aliases and every version of its material.
import type { DueHandler } from './due'
import { keyArnOf } from './key'

export const deletionDue: DueHandler = {
  name: 'scheduled deletion',
  dueAt: (key) => (key.state === 'PendingDeletion' ? key.deletionDate : undefined),
  apply(ctx, key, at) {
    ctx.state.write(() => ctx.state.deleteKey(key.keyId))
    ctx.emit({
      eventName: 'DeleteKey',
      region: key.region,
      accountId: key.accountId,
      keyArn: keyArnOf(key),
      labTime: at,
      details: { pendingWindowInDays: key.pendingWindowDays }
    })
  }
}
