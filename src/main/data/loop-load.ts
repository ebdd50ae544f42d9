// Whether a writer that must wait for an fdatasync should run it on the event loop's thread.
// Run there, it skips the thread pool's round trip (two thread wakeups, 100 to 250 µs on this
// machine) but holds up everything else on the loop meanwhile. So the writer runs it there only
// while the loop has nothing else to do during a sync: the last sync made on the thread pool
// tells, by how much of its wait the loop spent idle (waiting for events). One of every window
// is made on the thread pool to measure that again, as is the first after a quiet spell, and
// the next after one on the loop's thread that blocked it too long (a slow disk).
import { performance } from 'node:perf_hooks'

/** How long a measurement holds. */
const WINDOW_MS = 50
/** Others running for more than this share of a sync's wait make the loop busy. */
const BUSY_SHARE = 0.25
/** A sync on the loop's thread that took longer than this blocks the loop too long. */
const MAX_BLOCK_MS = 2

export class LoopLoad {
  private busy = true
  private measuredAt = -Infinity

  constructor(
    private readonly windowMs = WINDOW_MS,
    private readonly busyShare = BUSY_SHARE
  ) {}

  /** Whether to make the next sync on the loop's thread (else on the thread pool, measured). */
  syncHere(): boolean {
    return !this.busy && performance.now() - this.measuredAt < this.windowMs
  }

  /** A sync on the thread pool begins: the function returned is called when it has ended. */
  offThread(): () => void {
    const start = performance.now()
    const idleAtStart = performance.eventLoopUtilization().idle
    return () => {
      const end = performance.now()
      const idle = performance.eventLoopUtilization().idle - idleAtStart
      const wait = end - start
      // Where the loop's idle time is not measured, idle stays 0: busy, and syncs stay off.
      this.busy = wait - idle > wait * this.busyShare
      this.measuredAt = end
    }
  }

  /** A sync on the loop's thread took `ms`: one that blocked it too long sends the next sync
   * to the thread pool, which measures again. */
  syncedHere(ms: number): void {
    if (ms > MAX_BLOCK_MS) this.measuredAt = -Infinity
  }
}
