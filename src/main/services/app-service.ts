// The console's own API: version, active connection and region, and what main is busy with.
import { REGIONS } from '../../shared/kms/enums'
import type { AppApi } from '../../shared/ipc/app-api'
import type { ConsoleActivityHub } from './console-activity'
import type { Session } from './session'

export function createAppService(
  session: Session,
  version: string,
  activity: ConsoleActivityHub
): AppApi {
  return {
    async getInfo() {
      const regions: string[] = [...REGIONS]
      // A profile may open in a region the picker does not list (e.g. a custom endpoint's).
      if (!regions.includes(session.region)) regions.push(session.region)
      return { version, connection: session.info(), regions }
    },
    async setRegion(input) {
      session.region = input.region
      return session.info()
    },
    watchActivity(input) {
      return activity.watch(input.after)
    }
  }
}
