// Imported key material: wrapping parameters, import, deletion.
import type { OperationTable } from '.'

export const IMPORT_OPERATIONS: OperationTable = {}
