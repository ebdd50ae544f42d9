// ImportKeyMaterial's rules: the expiration model and ValidTo, and what an import of given bytes
// means for the key (its first material, a reimport of material it already has, or new material
// for an on-demand rotation), with AWS's exceptions.
// https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-import-key-material.html
import {
  IncorrectKeyMaterialException,
  KMSInvalidStateException,
  ValidationException
} from '../../../../shared/errors'
import type { KmsInput } from '../../../../shared/kms/operations'
import { keyArnOf, type LabKey } from './key'
import type { LabState } from './lab-state'
import {
  materialRecord,
  pendingRotationMaterial,
  type ExpirationModel,
  type ImportedMaterialRecord
} from './imported-material'

const DAY = 24 * 60 * 60 * 1000
export const MAX_VALID_TO_DAYS = 365

export interface Expiration {
  expirationModel: ExpirationModel
  validTo?: number
}

/**
 * The expiration of an import. The first two texts are the ones AWS answers with; "in the
 * future" and the 365-day limit are AWS's rules in the lab's words.
 */
export function expirationOf(input: KmsInput<'ImportKeyMaterial'>, now: number): Expiration {
  const expirationModel = input.ExpirationModel ?? 'KEY_MATERIAL_EXPIRES'
  const validTo = input.ValidTo?.getTime()
  if (expirationModel === 'KEY_MATERIAL_EXPIRES' && validTo === undefined) {
    throw new ValidationException(
      'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES'
    )
  }
  if (expirationModel === 'KEY_MATERIAL_DOES_NOT_EXPIRE') {
    if (validTo !== undefined) {
      throw new ValidationException(
        'The parameter ValidTo cannot be specified for a key with an expiration model of KEY_MATERIAL_DOES_NOT_EXPIRE'
      )
    }
    return { expirationModel }
  }
  if (!Number.isFinite(validTo) || (validTo as number) <= now) {
    throw new ValidationException('ValidTo must be in the future')
  }
  if ((validTo as number) > now + MAX_VALID_TO_DAYS * DAY) {
    throw new ValidationException(
      `ValidTo must be no more than ${MAX_VALID_TO_DAYS} days after the time of the request`
    )
  }
  return { expirationModel, validTo }
}

export type ImportPlan =
  /** The key's first material: it becomes current and permanently associated. */
  | { kind: 'first' }
  /** The same bytes as material the key has (associated or pending rotation). */
  | { kind: 'reimport'; record: ImportedMaterialRecord }
  /** New material for a symmetric key, pending an on-demand rotation. */
  | { kind: 'rotation' }

const SYMMETRIC_ONLY = ['ImportType', 'KeyMaterialId', 'KeyMaterialDescription'] as const

/** Decides what importing material `materialId` into `key` means, or throws AWS's error. */
export function planImport(
  state: LabState,
  key: LabKey,
  materialId: string,
  input: KmsInput<'ImportKeyMaterial'>
): ImportPlan {
  const arn = keyArnOf(key)
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
    for (const member of SYMMETRIC_ONLY) {
      if (input[member] !== undefined) {
        throw new ValidationException(
          `${member} is supported only for symmetric encryption KMS keys.`
        )
      }
    }
  }
  if (input.KeyMaterialId !== undefined) {
    if (input.ImportType === 'NEW_KEY_MATERIAL') {
      throw new ValidationException(
        'You cannot specify a KeyMaterialId when ImportType is NEW_KEY_MATERIAL.'
      )
    }
    if (input.KeyMaterialId !== materialId) {
      throw new IncorrectKeyMaterialException(
        `The key material in the request does not match key material ${input.KeyMaterialId}.`
      )
    }
  }
  const associated = key.materials.some((m) => m.id === materialId)
  const pending = pendingRotationMaterial(state, key.keyId)
  const importType =
    input.ImportType ?? (key.materials.length === 0 ? 'NEW_KEY_MATERIAL' : 'EXISTING_KEY_MATERIAL')

  if (key.materials.length === 0) {
    if (importType === 'EXISTING_KEY_MATERIAL') {
      throw new IncorrectKeyMaterialException(
        `No key material was ever imported into ${arn}, so there is no existing key material to reimport.`
      )
    }
    return { kind: 'first' }
  }
  if (importType === 'EXISTING_KEY_MATERIAL') {
    const record = associated
      ? materialRecord(state, key.keyId, materialId)
      : pending?.materialId === materialId
        ? pending
        : undefined
    if (!record) {
      throw new IncorrectKeyMaterialException(
        `The key material in the request is not the key material that was imported into ${arn} before.`
      )
    }
    return { kind: 'reimport', record }
  }
  if (associated) {
    throw new IncorrectKeyMaterialException(
      `The key material in the request is already associated with ${arn}. Reimport it with ImportType EXISTING_KEY_MATERIAL.`
    )
  }
  if (pending) {
    if (pending.materialId === materialId) return { kind: 'reimport', record: pending }
    throw new KMSInvalidStateException(
      `New key material (id: ${materialId}) cannot be imported into KMS key ${arn}, because another key material (id: ${pending.materialId}) is pending rotation.`
    )
  }
  return { kind: 'rotation' }
}
