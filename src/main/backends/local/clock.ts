// The lab clock: real time plus an offset that only grows. Everything in the engine reads time
// from here, so scheduled deletion, rotation and material expiry can be watched by advancing it.

export interface Clock {
  now(): number
}

export class LabClock implements Clock {
  constructor(
    private offset = 0,
    private readonly real: () => number = Date.now
  ) {}

  now(): number {
    return this.real() + this.offset
  }

  get offsetMs(): number {
    return this.offset
  }

  /** Moves lab time forward by ms (never back); returns the new offset. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the lab clock only moves forward')
    this.offset += ms
    return this.offset
  }

  /** Back to real time: only for a lab that has just been wiped, so nothing depends on it. */
  reset(): void {
    this.offset = 0
  }
}
