// Group commit's promises: nobody is answered before the sync that covers their own commit, the
// appends that arrive during a sync share the next one, and one bad record or one failed sync
// fails only what it covers. The target is in memory with syncs the test ends by hand, so every
// ordering is decided here rather than by a disk's timing.
import { describe, expect, it } from 'vitest'
import { GroupCommit, type GroupCommitTarget } from '../../../../src/main/audit/group-commit'

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

class Target implements GroupCommitTarget<string> {
  committed: string[][] = []
  /** What is on "disk": everything committed before the last sync that ended. */
  durable: string[] = []
  private pending: Array<{ upTo: number; end: (e?: Error) => void }> = []
  refuse = new Set<string>()
  throwOnCommit?: Error

  commit(items: string[]): Array<Error | undefined> {
    if (this.throwOnCommit) throw this.throwOnCommit
    const kept = items.filter((i) => !this.refuse.has(i))
    this.committed.push(kept)
    return items.map((i) => (this.refuse.has(i) ? new Error(`refused ${i}`) : undefined))
  }

  sync(): Promise<void> {
    const upTo = this.committed.flat().length
    return new Promise((resolve, reject) =>
      this.pending.push({
        upTo,
        end: (e) => {
          if (e) return reject(e)
          this.durable = this.committed.flat().slice(0, upTo)
          resolve()
        }
      })
    )
  }

  get syncsWaiting(): number {
    return this.pending.length
  }

  /** Ends the oldest sync under way (with an error, it fails). */
  endSync(error?: Error): void {
    const next = this.pending.shift()
    if (!next) throw new Error('no sync under way')
    next.end(error)
  }
}

function track(p: Promise<void>): { done: boolean; error?: Error } {
  const state: { done: boolean; error?: Error } = { done: false }
  p.then(
    () => (state.done = true),
    (e: Error) => {
      state.done = true
      state.error = e
    }
  )
  return state
}

describe('group commit', () => {
  it('answers an append only once the sync that covers its commit has ended', async () => {
    const target = new Target()
    const gc = new GroupCommit(target)
    const a = track(gc.submit('a'))
    await turn()
    expect(target.committed).toEqual([['a']])
    expect(target.syncsWaiting).toBe(1)
    await turn()
    expect(a.done).toBe(false)
    target.endSync()
    await turn()
    expect(a).toEqual({ done: true })
    expect(target.durable).toEqual(['a'])
  })

  it('makes the appends that arrive during a sync share the next one', async () => {
    const target = new Target()
    const gc = new GroupCommit(target)
    const first = track(gc.submit('a'))
    await turn()
    const during = ['b', 'c', 'd', 'e'].map((x) => track(gc.submit(x)))
    await turn()
    // Nothing more is committed while the first sync runs.
    expect(target.committed).toEqual([['a']])
    target.endSync()
    await turn()
    await turn()
    expect(first.done).toBe(true)
    expect(during.every((s) => !s.done)).toBe(true)
    expect(target.committed).toEqual([['a'], ['b', 'c', 'd', 'e']])
    expect(target.syncsWaiting).toBe(1)
    target.endSync()
    await turn()
    expect(during.every((s) => s.done && !s.error)).toBe(true)
    expect(gc.stats).toMatchObject({ batches: 2, items: 5 })
    expect(gc.stats.syncMs).toBeGreaterThan(0)
  })

  it('lets callers woken by one sync append again into a single batch', async () => {
    const target = new Target()
    const gc = new GroupCommit(target)
    let n = 0
    const writer = async (): Promise<void> => {
      for (let i = 0; i < 3; i++) await gc.submit(`w${n++}`)
    }
    const all = Promise.all(Array.from({ length: 8 }, writer))
    for (let round = 0; round < 3; round++) {
      while (target.syncsWaiting === 0) await turn()
      target.endSync()
    }
    await all
    expect(target.committed.map((b) => b.length)).toEqual([8, 8, 8])
  })

  it('never puts more than maxBatch appends in one commit', async () => {
    const target = new Target()
    const gc = new GroupCommit(target, 3)
    const all = Promise.all(Array.from({ length: 7 }, (_, i) => gc.submit(String(i))))
    for (let i = 0; i < 3; i++) {
      while (target.syncsWaiting === 0) await turn()
      target.endSync()
    }
    await all
    expect(target.committed).toEqual([['0', '1', '2'], ['3', '4', '5'], ['6']])
  })

  it('fails a refused record alone and answers the rest of its batch', async () => {
    const target = new Target()
    target.refuse.add('bad')
    const gc = new GroupCommit(target)
    const states = ['a', 'bad', 'c'].map((x) => track(gc.submit(x)))
    await turn()
    // The refusal is known at commit: it need not wait for the sync.
    expect(states[1]).toEqual({ done: true, error: new Error('refused bad') })
    expect(states[0].done).toBe(false)
    target.endSync()
    await turn()
    expect(states[0]).toEqual({ done: true })
    expect(states[2]).toEqual({ done: true })
    expect(target.durable).toEqual(['a', 'c'])
  })

  it('fails a whole batch whose commit throws, and goes on with the next', async () => {
    const target = new Target()
    target.throwOnCommit = new Error('disk full')
    const gc = new GroupCommit(target)
    const failed = [track(gc.submit('a')), track(gc.submit('b'))]
    await turn()
    await turn()
    expect(failed.map((s) => s.error?.message)).toEqual(['disk full', 'disk full'])
    target.endSync()
    target.throwOnCommit = undefined
    await turn()
    const later = gc.submit('c')
    while (target.syncsWaiting === 0) await turn()
    target.endSync()
    await expect(later).resolves.toBeUndefined()
    expect(target.durable).toEqual(['c'])
  })

  it('fails every append a failed sync covered, and answers later ones after a good sync', async () => {
    const target = new Target()
    const gc = new GroupCommit(target)
    const covered = [track(gc.submit('a')), track(gc.submit('b'))]
    await turn()
    const next = track(gc.submit('c'))
    target.endSync(new Error('EIO'))
    await turn()
    expect(covered.map((s) => s.error?.message)).toEqual(['EIO', 'EIO'])
    expect(next.done).toBe(false)
    while (target.syncsWaiting === 0) await turn()
    target.endSync()
    await turn()
    expect(next).toEqual({ done: true })
  })

  it('settles only once nothing is queued or syncing', async () => {
    const target = new Target()
    const gc = new GroupCommit(target)
    await expect(gc.settled()).resolves.toBeUndefined()
    void gc.submit('a')
    const settled = track(gc.settled())
    await turn()
    const more = gc.submit('b')
    target.endSync()
    await turn()
    await turn()
    expect(settled.done).toBe(false)
    target.endSync()
    await more
    await turn()
    expect(settled.done).toBe(true)
  })
})
