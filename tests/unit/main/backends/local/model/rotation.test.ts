import { describe, expect, it } from 'vitest'
import type { LabKey } from '../../../../../../src/main/backends/local/model/key'
import {
  DAY_MS,
  nextRotationAt,
  onDemandRotationLimit,
  remainingOnDemandRotations
} from '../../../../../../src/main/backends/local/model/rotation'
import { mergeTags, removeTags } from '../../../../../../src/main/backends/local/model/tags'

const key = (rotation: LabKey['rotation'], onDemandRotations = 0): LabKey =>
  ({
    keyId: 'k',
    region: 'us-east-1',
    accountId: '111122223333',
    rotation,
    onDemandRotations
  }) as LabKey

describe('rotation schedule', () => {
  it('starts one period from the enable date', () => {
    expect(nextRotationAt(key({ enabled: false, periodDays: 365 }), 90, 1000)).toBe(
      1000 + 90 * DAY_MS
    )
  })

  it('keeps the anchor when the period changes, never scheduling in the past', () => {
    const enabledAt = 0
    const k = key({ enabled: true, periodDays: 365, nextAt: enabledAt + 365 * DAY_MS })
    expect(nextRotationAt(k, 180, 10 * DAY_MS)).toBe(enabledAt + 180 * DAY_MS)
    expect(nextRotationAt(k, 90, 200 * DAY_MS)).toBe(200 * DAY_MS)
  })

  it('counts the on-demand quota of 25', () => {
    expect(remainingOnDemandRotations(key({ enabled: false, periodDays: 365 }, 24))).toBe(1)
    expect(onDemandRotationLimit(key({ enabled: false, periodDays: 365 }, 24))).toBeUndefined()
    expect(onDemandRotationLimit(key({ enabled: false, periodDays: 365 }, 25))?.name).toBe(
      'LimitExceededException'
    )
    const busy = key({ enabled: false, periodDays: 365, onDemandStartedAt: 5 })
    expect(onDemandRotationLimit(busy)?.name).toBe('ConflictException')
  })
})

describe('tags', () => {
  it('merges by key, keeping order, and removes by key', () => {
    const merged = mergeTags(
      [
        { TagKey: 'a', TagValue: '1' },
        { TagKey: 'b', TagValue: '2' }
      ],
      [
        { TagKey: 'b', TagValue: '3' },
        { TagKey: 'c', TagValue: '' }
      ]
    )
    expect(merged).toEqual([
      { TagKey: 'a', TagValue: '1' },
      { TagKey: 'b', TagValue: '3' },
      { TagKey: 'c', TagValue: '' }
    ])
    expect(removeTags(merged, ['a', 'zz'])).toEqual(merged.slice(1))
  })
})
