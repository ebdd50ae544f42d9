// LoopLoad tells an idle event loop from one kept busy by other work, and does not count the
// writer's own work against it; the audit log syncs on the loop's thread only while it is idle.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { describe, expect, it, vi } from 'vitest'
import { AuditLog } from '../../../../src/main/audit'
import { LoopLoad } from '../../../../src/main/data/loop-load'
import { tempDir } from '../../../helpers/lab'
import { syntheticRecord } from '../../../helpers/synthetic-calls'

const WINDOW = 40
const SLICE = 10

function spin(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Keeps the loop busy for `ms`: `share` of each slice spinning, then a timer gap (which a
 * loaded machine may stretch: the shares below stay clear of the 25 % line even so). */
async function load(ms: number, share: number, each?: () => void): Promise<void> {
  const end = performance.now() + ms
  while (performance.now() < end) {
    spin(SLICE * share)
    each?.()
    await sleep(SLICE * (1 - share))
  }
}

/** Sampled over a few windows of that load. */
async function idleUnder(share: number, own = false): Promise<boolean[]> {
  const loop = new LoopLoad(WINDOW, 0.25)
  const seen: boolean[] = []
  await load(8 * WINDOW, share, () => {
    if (own) loop.own(SLICE * share)
    seen.push(loop.idle())
  })
  return seen.slice(-5)
}

describe('loop load', () => {
  it('an idle loop is idle, one kept 80 % busy by others is not', async () => {
    expect(await idleUnder(0)).toEqual([true, true, true, true, true])
    expect(await idleUnder(0.8)).toEqual([false, false, false, false, false])
  })

  it("the writer's own work does not make the loop busy", async () => {
    expect(await idleUnder(0.8, true)).toEqual([true, true, true, true, true])
  })

  it('counts the loop as busy where its idle time is not measured', async () => {
    const unmeasured = { idle: 0, active: 0, utilization: 0 }
    const elu = vi.spyOn(performance, 'eventLoopUtilization').mockReturnValue(unmeasured)
    try {
      const loop = new LoopLoad(WINDOW, 0.25)
      await sleep(2 * WINDOW)
      expect(loop.idle()).toBe(false)
    } finally {
      elu.mockRestore()
    }
  })

  it('is idle again a window after the load ends', async () => {
    const loop = new LoopLoad(WINDOW, 0.25)
    await load(3 * WINDOW, 0.8, () => loop.idle())
    expect(loop.idle()).toBe(false)
    await sleep(2 * WINDOW)
    loop.idle() // closes the window that held the end of the load
    await sleep(2 * WINDOW)
    expect(loop.idle()).toBe(true)
  })
})

describe('audit log syncs', () => {
  it('on the loop thread while it is idle, on the thread pool while others keep it busy', async () => {
    const dir = tempDir()
    const log = AuditLog.open({ dataDir: dir, rootKey: randomBytes(32), checkpointWorker: null })
    try {
      // Past the windows that held the log's own opening, then 20 appends one at a time.
      await log.append(syntheticRecord(0))
      await sleep(150)
      await log.append(syntheticRecord(1))
      const before = log.syncCounts
      for (let i = 2; i < 22; i++) await log.append(syntheticRecord(i))
      const idle = log.syncCounts
      expect(idle.here - before.here).toBeGreaterThan(15)
      // Others take 90 % of the loop: appends made meanwhile wait on the thread pool's sync.
      let n = 22
      const appends: Promise<void>[] = []
      await load(300, 0.9, () => appends.push(log.append(syntheticRecord(n++))))
      await Promise.all(appends)
      const busy = log.syncCounts
      const pool = busy.syncs - busy.here - (idle.syncs - idle.here)
      expect(pool).toBeGreaterThan(10)
      expect(log.headSeq).toBe(n)
    } finally {
      await log.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
