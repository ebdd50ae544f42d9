// Input schemas of the imported key material operations, with the API reference's member constraints.
import { z } from 'zod'
import type { ExpirationModelType, ImportType } from '@aws-sdk/client-kms'
import { WRAPPING_ALGORITHMS, WRAPPING_KEY_SPECS } from '../../../shared/kms/enums'
import * as f from './fields'
import type { SchemaTable } from '.'

const EXPIRATION_MODELS = [
  'KEY_MATERIAL_EXPIRES',
  'KEY_MATERIAL_DOES_NOT_EXPIRE'
] as const satisfies readonly ExpirationModelType[]
const IMPORT_TYPES = [
  'NEW_KEY_MATERIAL',
  'EXISTING_KEY_MATERIAL'
] as const satisfies readonly ImportType[]

export const getParametersForImportInput = z.object({
  KeyId: f.keyId,
  WrappingAlgorithm: z.enum(WRAPPING_ALGORITHMS),
  WrappingKeySpec: z.enum(WRAPPING_KEY_SPECS)
})

export const importKeyMaterialInput = z.object({
  KeyId: f.keyId,
  ImportToken: f.blob(1, 6144),
  EncryptedKeyMaterial: f.blob(1, 6144),
  ValidTo: z.date().optional(),
  ExpirationModel: z.enum(EXPIRATION_MODELS).optional(),
  ImportType: z.enum(IMPORT_TYPES).optional(),
  KeyMaterialDescription: z
    .string()
    .min(0)
    .max(256)
    .regex(/^[a-zA-Z0-9:/_\s.-]+$/)
    .optional(),
  KeyMaterialId: f.keyMaterialId.optional()
})

export const deleteImportedKeyMaterialInput = z.object({
  KeyId: f.keyId,
  KeyMaterialId: f.keyMaterialId.optional()
})

export const IMPORT_SCHEMAS: SchemaTable = {
  GetParametersForImport: getParametersForImportInput,
  ImportKeyMaterial: importKeyMaterialInput,
  DeleteImportedKeyMaterial: deleteImportedKeyMaterialInput
}
