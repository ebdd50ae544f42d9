// Grants: create, list, retire, revoke.
import type { OperationTable } from '.'
import { createGrant } from './create-grant'
import { listGrants } from './list-grants'
import { listRetirableGrants } from './list-retirable-grants'
import { retireGrant } from './retire-grant'
import { revokeGrant } from './revoke-grant'

export const GRANT_OPERATIONS: OperationTable = {
  CreateGrant: createGrant,
  ListGrants: listGrants,
  ListRetirableGrants: listRetirableGrants,
  RetireGrant: retireGrant,
  RevokeGrant: revokeGrant
}
