// The lab's record of one KMS key, as it is kept in memory and persisted (JSON). Key material
// is not here: it lives sealed in the store's secrets, one entry per material version.
import type { KeyState, KeyUsageType, Tag } from '../../../../shared/kms/types'
import type { LabKeySpec } from './key-specs'

export type LabOrigin = 'AWS_KMS' | 'EXTERNAL'

export interface MaterialVersion {
  /** AWS's KeyMaterialId form: 64 hex characters. */
  id: string
  createdAt: number
  /** How this version came to be. */
  source: 'CREATE' | 'AUTOMATIC_ROTATION' | 'ON_DEMAND_ROTATION' | 'IMPORT'
}

export interface RotationConfig {
  enabled: boolean
  periodDays: number
  /** Epoch ms of the next automatic rotation, while enabled. */
  nextAt?: number
  /** Epoch ms an on-demand rotation was asked for, until the lab completes it. */
  onDemandStartedAt?: number
}

export interface ImportedMaterialInfo {
  expirationModel: 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE'
  validTo?: number
  /** SHA-256 (hex) of the first material imported, so a reimport can be checked. */
  fingerprint?: string
}

export interface LabKey {
  keyId: string
  region: string
  accountId: string
  /** Creation order in the lab, for stable ListKeys paging. */
  seq: number
  createdAt: number
  description: string
  keySpec: LabKeySpec
  keyUsage: KeyUsageType
  origin: LabOrigin
  state: KeyState
  /** While PendingDeletion: when the key is deleted and the window it was given. */
  deletionDate?: number
  pendingWindowDays?: number
  policy: string
  tags: Tag[]
  rotation: RotationConfig
  /** Every material version this key ever had, oldest first; the last one is current. */
  materials: MaterialVersion[]
  /** On-demand rotations done so far (AWS allows a fixed number per key). */
  onDemandRotations: number
  imported?: ImportedMaterialInfo
  /** A multi-Region primary key (its id starts with `mrk-`); the lab has no replicas. */
  multiRegion?: boolean
}

export function currentMaterial(key: LabKey): MaterialVersion | undefined {
  return key.materials[key.materials.length - 1]
}

export function materialSecretId(keyId: string, materialId: string): string {
  return `material/${keyId}/${materialId}`
}

export function keyArnOf(key: LabKey): string {
  return `arn:aws:kms:${key.region}:${key.accountId}:key/${key.keyId}`
}
