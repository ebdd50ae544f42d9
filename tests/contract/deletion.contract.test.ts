// Contract: scheduled deletion: the 7-30 day window, CancelKeyDeletion leaving the key Disabled,
// and the key and its aliases really gone once the lab clock passes the deletion date.
import { expect, it } from 'vitest'
import { contract, expectError } from './contract'
import { createKey, DAY, unique } from './fixtures'

contract('ScheduleKeyDeletion, CancelKeyDeletion, deletion when the window ends', (c) => {
  it.skipIf(c.lacks('deletionRules', 'keyArns'))(
    'schedules deletion with the window asked for, and the key stops being enabled',
    async () => {
      const key = await createKey(c)
      const before = Date.now()
      const out = await c.t.call('ScheduleKeyDeletion', {
        KeyId: key.KeyId,
        PendingWindowInDays: 7
      })
      expect(out).toMatchObject({
        KeyId: key.Arn,
        KeyState: 'PendingDeletion',
        PendingWindowInDays: 7
      })
      expect(out.DeletionDate!.getTime()).toBeGreaterThanOrEqual(before + 7 * DAY - 1000)
      const md = (await c.t.call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata!
      expect(md).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false })
      expect(md.DeletionDate!.getTime()).toBe(out.DeletionDate!.getTime())
    }
  )

  it.skipIf(c.lacks('deletionRules'))('waits 30 days when no window is given', async () => {
    const key = await createKey(c)
    const out = await c.t.call('ScheduleKeyDeletion', { KeyId: key.KeyId })
    expect(out.PendingWindowInDays).toBe(30)
  })

  it.skipIf(c.lacks('deletionRules'))('refuses a window outside 7-30 days', async () => {
    const key = await createKey(c)
    for (const days of [1, 6, 31, 365]) {
      await expectError(
        c.t.call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: days }),
        'ValidationException',
        'PendingWindowInDays must be between 7 and 30'
      )
    }
    await expectError(
      c.t.call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 366 }),
      'ValidationException',
      "1 validation error detected: Value '366' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 365"
    )
  })

  it.skipIf(c.lacks('keyStates'))('refuses to schedule a key twice', async () => {
    const key = await createKey(c)
    await c.t.call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 })
    await expectError(
      c.t.call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 }),
      'KMSInvalidStateException',
      `${key.Arn} is pending deletion.`
    )
  })

  it.skipIf(c.lacks('keyArns', 'keyStates'))(
    'cancels deletion and leaves the key Disabled',
    async () => {
      const key = await createKey(c)
      await c.t.call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 })
      expect(await c.t.call('CancelKeyDeletion', { KeyId: key.KeyId })).toMatchObject({
        KeyId: key.Arn
      })
      const md = (await c.t.call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata!
      expect(md).toMatchObject({ KeyState: 'Disabled', Enabled: false })
      expect(md.DeletionDate).toBeUndefined()
      await expectError(
        c.t.call('CancelKeyDeletion', { KeyId: key.KeyId }),
        'KMSInvalidStateException',
        `${key.Arn} is not pending deletion.`
      )
    }
  )

  it.skipIf(c.lacks('labClock'))(
    'deletes the key and its aliases when the lab clock passes the deletion date',
    async () => {
      const key = await createKey(c)
      const keeper = await createKey(c)
      const name = `alias/${unique('doomed')}`
      const other = `alias/${unique('kept')}`
      await c.t.call('CreateAlias', { AliasName: name, TargetKeyId: key.KeyId })
      await c.t.call('CreateAlias', { AliasName: other, TargetKeyId: keeper.KeyId })
      await c.t.call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 })

      await c.t.advanceClock!(6 * DAY)
      expect((await c.t.call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata!.KeyState).toBe(
        'PendingDeletion'
      )
      await c.t.advanceClock!(1 * DAY + 60_000)
      await expectError(
        c.t.call('DescribeKey', { KeyId: key.KeyId }),
        'NotFoundException',
        `Key '${key.Arn}' does not exist`
      )
      const { Aliases } = await c.t.call('ListAliases', {})
      const names = Aliases!.map((a) => a.AliasName)
      expect(names).not.toContain(name)
      expect(names).toContain(other)
      const { Keys } = await c.t.call('ListKeys', { Limit: 1000 })
      expect(Keys!.map((k) => k.KeyId)).not.toContain(key.KeyId)
    }
  )

  it.skipIf(c.lacks('labClock'))('a cancelled deletion does not happen later', async () => {
    const key = await createKey(c)
    await c.t.call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 })
    await c.t.call('CancelKeyDeletion', { KeyId: key.KeyId })
    await c.t.advanceClock!(8 * DAY)
    expect((await c.t.call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata!.KeyState).toBe(
      'Disabled'
    )
  })
})
