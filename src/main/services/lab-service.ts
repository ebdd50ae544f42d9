// The lab's controls (its clock), available only while the session is on the lab.
import { UnsupportedOperationException } from '../../shared/errors'
import type { LabApi, LabClockState } from '../../shared/ipc/lab-api'
import type { LabEngine } from '../backends/local/engine'
import type { Session } from './session'

export function createLabService(session: Session): LabApi {
  const requireLab = (): LabEngine => {
    if (!session.lab)
      throw new UnsupportedOperationException('The lab clock exists only on the local lab.')
    return session.lab
  }
  const state = (engine: LabEngine): LabClockState => ({
    now: engine.clock.now(),
    offsetMs: engine.clock.offsetMs
  })
  return {
    async getClock() {
      return state(requireLab())
    },
    async advanceClock(input) {
      const engine = requireLab()
      const ms =
        ((input.days ?? 0) * 24 * 60 + (input.hours ?? 0) * 60 + (input.minutes ?? 0)) * 60_000
      await engine.advanceClock(ms)
      return state(engine)
    }
  }
}
