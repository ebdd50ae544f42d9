// The main-process services behind every API of the IPC contract. IPC (Electron) and the web
// bridge both dispatch to the same object, so the UI behaves the same in both.
import { UnsupportedOperationException } from '../../shared/errors'
import { REGIONS } from '../../shared/kms/enums'
import { OPERATION_NAMES, type KmsApi } from '../../shared/kms/operations'
import type { Apis } from '../../shared/ipc/contract'
import type { ConnectionInfo } from '../../shared/ipc/app-api'
import type { KmsBackend } from '../backends/backend'
import type { LabEngine } from '../backends/local/engine'

export interface ServicesOptions {
  backend: KmsBackend
  /** The lab engine when the backend is the lab (clock controls). */
  lab?: LabEngine
  region: string
  version: string
}

export function createServices(options: ServicesOptions): Apis {
  const { backend, lab } = options
  let region = options.region

  const connection = (): ConnectionInfo => ({
    kind: backend.kind,
    label: backend.kind === 'lab' ? 'Local lab' : 'AWS',
    region,
    accountId: lab?.accountId,
    capabilities: { labClock: lab !== undefined }
  })

  const kms = Object.fromEntries(
    OPERATION_NAMES.map((op) => [op, (input: unknown) => backend.call(op, input, { region })])
  ) as unknown as KmsApi

  const requireLab = (): LabEngine => {
    if (!lab) throw new UnsupportedOperationException('The lab clock exists only on the local lab.')
    return lab
  }
  const clockState = (engine: LabEngine) => ({
    now: engine.clock.now(),
    offsetMs: engine.clock.offsetMs
  })

  return {
    kms,
    app: {
      async getInfo() {
        return { version: options.version, connection: connection(), regions: [...REGIONS] }
      },
      async setRegion(input) {
        region = input.region
        return connection()
      }
    },
    lab: {
      async getClock() {
        return clockState(requireLab())
      },
      async advanceClock(input) {
        const engine = requireLab()
        const ms =
          ((input.days ?? 0) * 24 * 60 + (input.hours ?? 0) * 60 + (input.minutes ?? 0)) * 60_000
        await engine.advanceClock(ms)
        return clockState(engine)
      }
    }
  }
}
