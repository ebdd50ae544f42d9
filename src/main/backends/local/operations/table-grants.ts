// Grants: create, list, retire, revoke.
import type { OperationTable } from '.'

export const GRANT_OPERATIONS: OperationTable = {}
