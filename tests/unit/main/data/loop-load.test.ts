// LoopLoad tells, from how much of a sync's wait the event loop spent idle, whether the next
// syncs may run on the loop's thread; the audit log syncs there only while nothing else runs.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { describe, expect, it, vi } from 'vitest'
import { AuditLog } from '../../../../src/main/audit'
import { LoopLoad } from '../../../../src/main/data/loop-load'
import { tempDir } from '../../../helpers/lab'
import { syntheticRecord } from '../../../helpers/synthetic-calls'

/** Long enough that a preempted test process does not overrun it. */
const WINDOW = 300

/** Keeps the thread busy for `ms`, and returns how long it was (more, if preempted). */
function spin(ms: number): number {
  const start = performance.now()
  while (performance.now() < start + ms);
  return performance.now() - start
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** A sync on the thread pool that takes `ms`, while others spin for `othersMs` of it. */
async function measured(loop: LoopLoad, ms: number, othersMs: number): Promise<void> {
  const ended = loop.offThread()
  await sleep(1)
  spin(othersMs)
  await sleep(Math.max(0, ms - othersMs))
  ended()
}

describe('loop load', () => {
  it('syncs on the loop thread after a wait the loop spent idle', async () => {
    const loop = new LoopLoad(WINDOW, 0.25)
    expect(loop.syncHere()).toBe(false) // nothing measured yet
    await measured(loop, 100, 0)
    expect(loop.syncHere()).toBe(true)
  })

  it('on the thread pool after a wait that others spent most of', async () => {
    const loop = new LoopLoad(WINDOW, 0.25)
    await measured(loop, 100, 100)
    expect(loop.syncHere()).toBe(false)
  })

  it('measures again once a window has passed', async () => {
    const loop = new LoopLoad(WINDOW, 0.25)
    await measured(loop, 60, 0)
    expect(loop.syncHere()).toBe(true)
    await sleep(WINDOW + 5)
    expect(loop.syncHere()).toBe(false)
  })

  it('a sync on the loop thread that blocked it too long sends the next to the pool', async () => {
    const loop = new LoopLoad(WINDOW, 0.25)
    await measured(loop, 60, 0)
    loop.syncedHere(1)
    expect(loop.syncHere()).toBe(true)
    loop.syncedHere(3)
    expect(loop.syncHere()).toBe(false)
  })

  it('counts the loop as busy where its idle time is not measured', async () => {
    const unmeasured = { idle: 0, active: 0, utilization: 0 }
    const elu = vi.spyOn(performance, 'eventLoopUtilization').mockReturnValue(unmeasured)
    try {
      const loop = new LoopLoad(WINDOW, 0.25)
      await measured(loop, 20, 0)
      expect(loop.syncHere()).toBe(false)
    } finally {
      elu.mockRestore()
    }
  })
})

describe('audit log syncs', () => {
  it('on the loop thread while it is idle, on the thread pool while others keep it busy', async () => {
    const dir = tempDir()
    const log = AuditLog.open({ dataDir: dir, rootKey: randomBytes(32), checkpointWorker: null })
    try {
      // One writer, appending again as soon as each append is durable: once the windows that
      // held the log's opening are past, its syncs are made on the loop's thread.
      for (let i = 0; i < 150; i++) await log.append(syntheticRecord(i))
      const idle = log.syncCounts
      expect(idle.here).toBeGreaterThan(idle.syncs / 4)
      // Others always have work ready (a slice per turn of the loop), an append every tenth
      // slice: those appends wait on the thread pool's sync, so that the work goes on.
      const appends: Promise<void>[] = []
      let n = 150
      await new Promise<void>((done) => {
        let slice = 0
        const step = (): void => {
          spin(0.5)
          if (++slice % 10 === 0) appends.push(log.append(syntheticRecord(n++)))
          if (slice < 2000) setImmediate(step)
          else done()
        }
        step()
      })
      await Promise.all(appends)
      const busy = log.syncCounts
      const pool = busy.syncs - busy.here - (idle.syncs - idle.here)
      expect(pool).toBeGreaterThan(appends.length / 4)
      expect(busy.here - idle.here).toBeLessThan(appends.length / 4)
      expect(log.headSeq).toBe(n)
    } finally {
      await log.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
