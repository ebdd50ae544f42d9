import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { ServiceEvent } from '../../../../../src/main/backends/call-record'
import { openTestLab, tempDir } from '../../../../helpers/lab'

const region = 'us-east-1'
const DAY = 86_400_000
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const newDir = (): string => {
  const d = tempDir()
  dirs.push(d)
  return d
}

describe('lab engine: due transitions', () => {
  it('reports scheduled deletions and rotations as service events at lab time', async () => {
    const events: ServiceEvent[] = []
    const lab = openTestLab(newDir(), { tickIntervalMs: 0, onServiceEvent: (e) => events.push(e) })
    const call = <T>(op: string, input: object) =>
      lab.engine.call(op as never, input, { region }) as T
    const { KeyMetadata: doomed } = await call<{ KeyMetadata: { KeyId: string; Arn: string } }>(
      'CreateKey',
      {}
    )
    const { KeyMetadata: rotating } = await call<{ KeyMetadata: { KeyId: string; Arn: string } }>(
      'CreateKey',
      {}
    )
    await call('EnableKeyRotation', { KeyId: rotating.KeyId, RotationPeriodInDays: 90 })
    const { DeletionDate } = await call<{ DeletionDate: Date }>('ScheduleKeyDeletion', {
      KeyId: doomed.KeyId,
      PendingWindowInDays: 7
    })
    await lab.engine.advanceClock(100 * DAY)
    expect(events.map((e) => [e.eventName, e.keyArn])).toEqual([
      ['DeleteKey', doomed.Arn],
      ['RotateKey', rotating.Arn]
    ])
    expect(events[0]).toMatchObject({ region, accountId: '111122223333' })
    expect(events[0].labTime).toBe(DeletionDate.getTime())
    expect(events[1].details).toMatchObject({ rotationType: 'AUTOMATIC' })
    await lab.close()
  })

  it('keeps a scheduled deletion across a restart and applies it on the timer', async () => {
    const dir = newDir()
    let lab = openTestLab(dir, { tickIntervalMs: 0 })
    const { KeyMetadata: md } = await lab.engine.call('CreateKey', {}, { region })
    await lab.engine.call(
      'ScheduleKeyDeletion',
      { KeyId: md!.KeyId, PendingWindowInDays: 7 },
      { region }
    )
    await lab.close()

    const events: ServiceEvent[] = []
    let now = Date.now()
    lab = openTestLab(dir, {
      tickIntervalMs: 20,
      realTime: () => now,
      onServiceEvent: (e) => events.push(e)
    })
    expect(lab.engine.nextDueAt).toBeGreaterThan(now)
    now += 8 * DAY
    await new Promise((r) => setTimeout(r, 120))
    expect(events.map((e) => e.eventName)).toEqual(['DeleteKey'])
    expect(lab.engine.nextDueAt).toBeUndefined()
    await lab.close()
    lab = openTestLab(dir, { tickIntervalMs: 0 })
    await expect(
      lab.engine.call('DescribeKey', { KeyId: md!.KeyId }, { region })
    ).rejects.toMatchObject({ name: 'NotFoundException' })
    await lab.close()
  })
})
