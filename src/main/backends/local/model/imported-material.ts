// Imported key material of EXTERNAL keys: one record per material (its import state, expiry and
// description), the material ids (HMAC of the bytes under a lab secret and the key id, so the same
// bytes always get the same id), and the transitions every import operation and expiry share.
// Material bytes are sealed in the store's secrets like generated material (LabState.putMaterial).
import { createHmac, randomBytes } from 'node:crypto'
import { UnsupportedOperationException } from '../../../../shared/errors'
import type { LabState } from './lab-state'
import { currentMaterial, keyArnOf, type LabKey } from './key'

export type ExpirationModel = 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE'

export interface ImportedMaterialRecord {
  keyId: string
  materialId: string
  /**
   * Imported for an on-demand rotation that has not happened yet (AWS's PENDING_ROTATION): not
   * in key.materials, not permanently associated, and replaceable by other material.
   */
  pendingRotation: boolean
  /** Whether the bytes are in the store now (AWS's ImportState IMPORTED / PENDING_IMPORT). */
  imported: boolean
  expirationModel: ExpirationModel
  validTo?: number
  description?: string
  importedAt: number
}

export interface ImportTokenRecord {
  keyId: string
  validTo: number
}

const MATERIAL_KIND = 'imported-material'
const TOKEN_KIND = 'import-token'
const LAB_SECRET = 'import/lab-secret'

export function recordId(keyId: string, materialId: string): string {
  return `${keyId}/${materialId}`
}

/** Where a wrapping private key is sealed; under material/<keyId>/ so it goes with its key. */
export function wrappingSecretId(keyId: string, tokenId: string): string {
  return `material/${keyId}/wrapping-key/${tokenId}`
}

/** The lab's import secret (created on first use, inside a write). */
function labSecret(state: LabState): Buffer {
  const existing = state.secret(LAB_SECRET)
  if (existing) return existing
  const secret = randomBytes(32)
  state.write(() => state.putSecret(LAB_SECRET, secret))
  return secret
}

function derive(state: LabState, purpose: string): Buffer {
  return createHmac('sha256', labSecret(state)).update(purpose).digest()
}

export function tokenMacKey(state: LabState): Buffer {
  return derive(state, 'import-token')
}

/** AWS's KeyMaterialId form (64 hex): the same for the same key and bytes, and only then. */
export function materialIdFor(state: LabState, keyId: string, material: Uint8Array): string {
  return createHmac('sha256', derive(state, 'material-id'))
    .update(keyId)
    .update(material)
    .digest('hex')
}

// ---- records

export function materialRecord(
  state: LabState,
  keyId: string,
  materialId: string
): ImportedMaterialRecord | undefined {
  return state.records<ImportedMaterialRecord>(MATERIAL_KIND).get(recordId(keyId, materialId))
}

export function materialRecords(state: LabState, keyId?: string): ImportedMaterialRecord[] {
  const all = [...state.records<ImportedMaterialRecord>(MATERIAL_KIND).values()]
  return keyId === undefined ? all : all.filter((r) => r.keyId === keyId)
}

export function pendingRotationMaterial(
  state: LabState,
  keyId: string
): ImportedMaterialRecord | undefined {
  return materialRecords(state, keyId).find((r) => r.pendingRotation)
}

export function putMaterialRecord(state: LabState, record: ImportedMaterialRecord): void {
  state.putRecord(MATERIAL_KIND, recordId(record.keyId, record.materialId), record)
}

export function removeMaterialRecord(state: LabState, keyId: string, materialId: string): void {
  state.removeRecord(MATERIAL_KIND, recordId(keyId, materialId))
}

export function tokenRecords(state: LabState): ReadonlyMap<string, ImportTokenRecord> {
  return state.records<ImportTokenRecord>(TOKEN_KIND)
}

export function putTokenRecord(state: LabState, tokenId: string, record: ImportTokenRecord): void {
  state.putRecord(TOKEN_KIND, tokenId, record)
}

/** Forgets a wrapping key pair: its record and its sealed private key. */
export function dropToken(state: LabState, tokenId: string, keyId: string): void {
  state.removeRecord(TOKEN_KIND, tokenId)
  state.deleteSecret(wrappingSecretId(keyId, tokenId))
}

// ---- rules and transitions

/** Only keys made for imported material take these operations. */
export function requireExternal(key: LabKey): void {
  if (key.origin !== 'EXTERNAL') {
    throw new UnsupportedOperationException(
      `${keyArnOf(key)} origin is ${key.origin} which is not valid for this operation.`
    )
  }
}

/** Whether every permanently associated material of the key is in the store. */
export function allAssociatedImported(state: LabState, key: LabKey): boolean {
  return key.materials.every((m) => materialRecord(state, key.keyId, m.id)?.imported)
}

/** The key's `imported` summary (DescribeKey's ExpirationModel/ValidTo): its current material. */
export function importedSummary(state: LabState, key: LabKey): LabKey['imported'] {
  const current = currentMaterial(key)
  const record = current && materialRecord(state, key.keyId, current.id)
  if (!record?.imported) return { expirationModel: 'KEY_MATERIAL_EXPIRES' }
  return record.validTo === undefined
    ? { expirationModel: record.expirationModel }
    : { expirationModel: record.expirationModel, validTo: record.validTo }
}

/**
 * Removes a material's bytes (DeleteImportedKeyMaterial, expiry). Material pending rotation is
 * forgotten entirely; associated material keeps its record and id, so reimporting the same bytes
 * restores it, and the key goes to PendingImport (unless it is pending deletion). Inside a write.
 */
export function removeImportedMaterial(
  state: LabState,
  key: LabKey,
  record: ImportedMaterialRecord
): LabKey {
  state.deleteMaterial(key.keyId, record.materialId)
  if (record.pendingRotation) {
    removeMaterialRecord(state, key.keyId, record.materialId)
    return key
  }
  putMaterialRecord(state, { ...record, imported: false })
  const next: LabKey = {
    ...key,
    state: key.state === 'PendingDeletion' ? key.state : 'PendingImport',
    imported: importedSummary(state, key)
  }
  state.putKey(next)
  return next
}

/**
 * For RotateKeyOnDemand on an EXTERNAL symmetric key: makes the material imported for rotation
 * the key's current material. Returns the new key, or undefined when no material is pending
 * rotation. Inside a write.
 */
export function promotePendingMaterial(
  state: LabState,
  key: LabKey,
  now: number
): LabKey | undefined {
  const pending = pendingRotationMaterial(state, key.keyId)
  if (!pending) return undefined
  putMaterialRecord(state, { ...pending, pendingRotation: false })
  const rotated: LabKey = {
    ...key,
    materials: [
      ...key.materials,
      { id: pending.materialId, createdAt: now, source: 'ON_DEMAND_ROTATION' }
    ]
  }
  const next = { ...rotated, imported: importedSummary(state, rotated) }
  state.putKey(next)
  return next
}

/**
 * The members ListKeyRotations shows for one material of an EXTERNAL symmetric key (besides
 * KeyId, KeyMaterialId, RotationDate and RotationType, which come from key.materials).
 */
export function importedRotationFields(
  state: LabState,
  key: LabKey,
  materialId: string
): {
  ImportState?: 'IMPORTED' | 'PENDING_IMPORT'
  KeyMaterialState?: 'CURRENT' | 'NON_CURRENT' | 'PENDING_ROTATION'
  ExpirationModel?: ExpirationModel
  ValidTo?: Date
  KeyMaterialDescription?: string
} {
  const record = materialRecord(state, key.keyId, materialId)
  if (!record) return {}
  return {
    ImportState: record.imported ? 'IMPORTED' : 'PENDING_IMPORT',
    KeyMaterialState: record.pendingRotation
      ? 'PENDING_ROTATION'
      : currentMaterial(key)?.id === materialId
        ? 'CURRENT'
        : 'NON_CURRENT',
    ExpirationModel: record.expirationModel,
    ...(record.validTo !== undefined ? { ValidTo: new Date(record.validTo) } : {}),
    ...(record.description !== undefined ? { KeyMaterialDescription: record.description } : {})
  }
}
