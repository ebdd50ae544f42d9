// How busy the event loop is with work other than a writer's own: the share of wall time it
// ran anything but what the writer reports as its own (its commits and syncs), over a short
// window. A writer that must wait for an fdatasync can run it on this thread when that share is
// low, and so skip the thread pool's round trip (two thread wakeups, 100 to 250 µs on this
// machine); when other work keeps the loop busy, it syncs off the thread so that work goes on.
import { performance } from 'node:perf_hooks'

/** The window over which the share is measured. */
const WINDOW_MS = 50
/** Above this share of others' work the loop is busy. */
const BUSY_SHARE = 0.25

export class LoopLoad {
  private startAt = performance.now()
  private startIdle = performance.eventLoopUtilization().idle
  private ownMs = 0
  private busy = false

  constructor(
    private readonly windowMs = WINDOW_MS,
    private readonly busyShare = BUSY_SHARE
  ) {}

  /** Time the writer itself kept the loop busy (a commit, a sync on this thread). */
  own(ms: number): void {
    this.ownMs += ms
  }

  /** Whether others' work took at most the busy share of the last full window. Time the loop
   * did not spend waiting for events is work: where the loop's idle time is not measured, all
   * of it is, and the loop counts as busy (syncs stay off its thread). */
  idle(): boolean {
    const now = performance.now()
    const wall = now - this.startAt
    if (wall >= this.windowMs) {
      const idleNow = performance.eventLoopUtilization().idle
      const others = wall - (idleNow - this.startIdle) - this.ownMs
      this.busy = others > wall * this.busyShare
      this.startAt = now
      this.startIdle = idleNow
      this.ownMs = 0
    }
    return !this.busy
  }
}
