// Finds the grant a RetireGrant or RevokeGrant request names, with the lab's texts for a grant
// id that is malformed or names no grant of the key.
import { InvalidGrantIdException, NotFoundException } from '../../../../shared/errors'
import { GRANT_RECORD, type LabGrant } from './grant'
import type { LabState } from './lab-state'
import type { LabKey } from './key'

export function findGrant(state: LabState, grantId: string, key?: LabKey): LabGrant {
  if (!/^[0-9a-f]{64}$/.test(grantId)) throw new InvalidGrantIdException('Invalid grant ID')
  const grant = state.records<LabGrant>(GRANT_RECORD).get(grantId)
  if (!grant || (key && grant.keyId !== key.keyId) || !state.key(grant.keyId)) {
    throw new NotFoundException(`Grant ID ${grantId} not found`)
  }
  return grant
}
