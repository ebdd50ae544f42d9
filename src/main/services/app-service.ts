// The console's own API: version, active connection and region.
import { REGIONS } from '../../shared/kms/enums'
import type { AppApi } from '../../shared/ipc/app-api'
import type { Session } from './session'

export function createAppService(session: Session, version: string): AppApi {
  return {
    async getInfo() {
      return { version, connection: session.info(), regions: [...REGIONS] }
    },
    async setRegion(input) {
      session.region = input.region
      return session.info()
    }
  }
}
