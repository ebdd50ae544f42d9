// The lab's own controls: its clock, which can only move forward.

export interface LabClockState {
  /** Lab time, epoch milliseconds. */
  now: number
  /** How far the lab clock runs ahead of real time, in milliseconds. */
  offsetMs: number
}

export interface AdvanceClockInput {
  days?: number
  hours?: number
  minutes?: number
}

export interface LabApi {
  getClock(input: Record<string, never>): Promise<LabClockState>
  advanceClock(input: AdvanceClockInput): Promise<LabClockState>
}
