// Imported key material: wrapping parameters, import, deletion.
import type { OperationTable } from '.'
import { deleteImportedKeyMaterial } from './delete-imported-key-material'
import { getParametersForImport } from './get-parameters-for-import'
import { importKeyMaterial } from './import-key-material'

export const IMPORT_OPERATIONS: OperationTable = {
  GetParametersForImport: getParametersForImport,
  ImportKeyMaterial: importKeyMaterial,
  DeleteImportedKeyMaterial: deleteImportedKeyMaterial
}
