import { describe, expect, it } from 'vitest'
import {
  DueSchedule,
  type DueContext,
  type DueHandler
} from '../../../../../../src/main/backends/local/model/due'
import type { LabKey } from '../../../../../../src/main/backends/local/model/key'

/** A stand-in LabState: just the key map the schedule reads and the changes it is told of. */
function fakeState(schedule: DueSchedule) {
  const keys = new Map<string, LabKey>()
  return {
    keys,
    key: (id: string) => keys.get(id),
    put(key: LabKey) {
      keys.set(key.keyId, key)
      schedule.changed(key.keyId, key)
    },
    remove(id: string) {
      keys.delete(id)
      schedule.changed(id, undefined)
    }
  }
}

const key = (keyId: string, deletionDate?: number): LabKey =>
  ({
    keyId,
    state: deletionDate === undefined ? 'Enabled' : 'PendingDeletion',
    deletionDate
  }) as LabKey

function setup() {
  const applied: Array<[string, number]> = []
  let dueAtCalls = 0
  const handler: DueHandler = {
    name: 'test deletion',
    dueAt: (k) => {
      dueAtCalls++
      return k.deletionDate
    },
    apply: (_ctx, k, at) => {
      applied.push([k.keyId, at])
      state.remove(k.keyId)
    }
  }
  const schedule = new DueSchedule([handler])
  const state = fakeState(schedule)
  const ctx = { state: state as unknown as DueContext['state'], emit: () => {} }
  return { schedule, state, ctx, applied, calls: () => dueAtCalls }
}

describe('due schedule', () => {
  it('applies due transitions in lab-time order, and only those due', () => {
    const { schedule, state, ctx, applied } = setup()
    state.put(key('c', 300))
    state.put(key('a', 100))
    state.put(key('b', 200))
    state.put(key('never'))
    expect(schedule.nextAt).toBe(100)
    expect(schedule.run(250, ctx)).toBe(2)
    expect(applied).toEqual([
      ['a', 100],
      ['b', 200]
    ])
    expect(schedule.nextAt).toBe(300)
  })

  it('follows changes: a key whose due time moves or goes is not applied at the old time', () => {
    const { schedule, state, ctx, applied } = setup()
    state.put(key('x', 100))
    state.put(key('x', 500))
    state.put(key('y', 50))
    state.put(key('y'))
    expect(schedule.nextAt).toBe(500)
    expect(schedule.run(400, ctx)).toBe(0)
    expect(schedule.run(500, ctx)).toBe(1)
    expect(applied).toEqual([['x', 500]])
    expect(schedule.nextAt).toBeUndefined()
  })

  it('answers "nothing due" without looking at any key (O(1))', () => {
    const { schedule, state, ctx, calls } = setup()
    for (let i = 0; i < 1000; i++) state.put(key(`k${i}`, 10_000 + i))
    const before = calls()
    for (let i = 0; i < 100; i++) expect(schedule.run(5_000, ctx)).toBe(0)
    expect(calls()).toBe(before)
  })

  it('stays small however often due times change', () => {
    const { schedule, state } = setup()
    for (let i = 0; i < 10_000; i++) state.put(key('same', 1000 + i))
    expect((schedule as unknown as { heap: unknown[] }).heap.length).toBeLessThan(100)
    expect(schedule.nextAt).toBe(1000 + 9_999)
  })

  it('refuses a handler that does not move its key forward', () => {
    const stuck: DueHandler = { name: 'stuck', dueAt: () => 1, apply: () => {} }
    const schedule = new DueSchedule([stuck])
    const state = fakeState(schedule)
    state.put(key('k'))
    const ctx = { state: state as unknown as DueContext['state'], emit: () => {} }
    expect(() => schedule.run(10, ctx)).toThrow('due handler stuck did not move key k forward')
  })

  it('rebuilds from scratch on reset', () => {
    const { schedule } = setup()
    schedule.reset([key('a', 7), key('b')])
    expect(schedule.nextAt).toBe(7)
    schedule.reset([])
    expect(schedule.nextAt).toBeUndefined()
  })
})
