// How busy the event loop is with work other than a writer's own: the share of wall time it
// ran anything but what the writer reports as its own (its commits and syncs), over a short
// window. A writer that must wait for an fdatasync can run it on this thread when that share is
// low, and so skip the thread pool's round trip (two thread wakeups, 100 to 250 µs on this
// machine); when other work keeps the loop busy, it syncs off the thread so that work goes on.
import { performance, type EventLoopUtilization } from 'node:perf_hooks'

/** The window over which the share is measured. */
const WINDOW_MS = 50
/** Above this share of others' work the loop is busy. */
const BUSY_SHARE = 0.25

export class LoopLoad {
  private start: EventLoopUtilization = performance.eventLoopUtilization()
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

  /** Whether others' work took at most the busy share of the last full window. */
  idle(): boolean {
    const now = performance.eventLoopUtilization()
    const d = performance.eventLoopUtilization(now, this.start)
    const wall = d.idle + d.active
    if (wall >= this.windowMs) {
      this.busy = d.active - this.ownMs > wall * this.busyShare
      this.start = now
      this.ownMs = 0
    }
    return !this.busy
  }
}
