// Key material rotation: which keys can rotate, the period and the on-demand quota, and the step
// that adds a material version. Old versions stay, so ciphertexts made before still decrypt.
// https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
import { randomBytes } from 'node:crypto'
import {
  ConflictException,
  KMSInvalidStateException,
  LimitExceededException,
  UnsupportedOperationException,
  type KmsError
} from '../../../../shared/errors'
import type { RotationsListEntry } from '../../../../shared/kms/types'
import type { OperationContext } from '../context'
import { newMaterialId } from '../crypto/key-material'
import { keyArnOf, type LabKey, type MaterialVersion } from './key'
import { isSymmetric } from './key-specs'
import { pendingRotationMaterial } from './imported-material'
import type { LabState } from './lab-state'

export const DEFAULT_ROTATION_PERIOD_DAYS = 365
/** The developer guide's on-demand rotation quota per key (raised from 10 to 25; not adjustable). */
export const ON_DEMAND_ROTATION_QUOTA = 25
export const DAY_MS = 86_400_000

/**
 * AWS answers rotation requests on asymmetric and HMAC keys with UnsupportedOperationException
 * and an empty message (as seen from real AWS through the Terraform provider).
 */
function notSymmetric(): KmsError {
  return new UnsupportedOperationException('')
}

function externalOrigin(key: LabKey): KmsError {
  return new UnsupportedOperationException(
    `${keyArnOf(key)} origin is EXTERNAL which is not valid for this operation.`
  )
}

/** Why EnableKeyRotation / DisableKeyRotation cannot act on this key, if they cannot. */
export function automaticRotationBlocker(key: LabKey): KmsError | undefined {
  if (!isSymmetric(key.keySpec)) return notSymmetric()
  if (key.origin === 'EXTERNAL') return externalOrigin(key)
  return undefined
}

/** GetKeyRotationStatus refuses EXTERNAL keys; asymmetric and HMAC keys answer "not enabled". */
export function rotationStatusBlocker(key: LabKey): KmsError | undefined {
  return key.origin === 'EXTERNAL' ? externalOrigin(key) : undefined
}

/** One ListKeyRotations entry: material `index` of `key` (0 is the first, not a rotation). */
export function rotationEntry(
  key: LabKey,
  material: MaterialVersion,
  index: number
): RotationsListEntry {
  const current = index === key.materials.length - 1
  const entry: RotationsListEntry = {
    KeyId: key.keyId,
    KeyMaterialId: material.id,
    KeyMaterialState: current ? 'CURRENT' : 'NON_CURRENT'
  }
  if (key.origin === 'EXTERNAL') entry.ImportState = 'IMPORTED'
  if (index > 0) {
    entry.RotationDate = new Date(material.createdAt)
    entry.RotationType = material.source === 'AUTOMATIC_ROTATION' ? 'AUTOMATIC' : 'ON_DEMAND'
  }
  return entry
}

/** Asymmetric and HMAC keys never rotate (RotateKeyOnDemand checks this before the key state). */
export function rotationKindBlocker(key: LabKey): KmsError | undefined {
  return isSymmetric(key.keySpec) ? undefined : notSymmetric()
}

/**
 * Why RotateKeyOnDemand cannot rotate this symmetric key in its state. An EXTERNAL key rotates
 * on demand onto material imported beforehand with ImportType NEW_KEY_MATERIAL (its state is
 * PENDING_ROTATION), as the API reference says; without such material there is nothing to
 * rotate to. AWS does not document that error's text: the message is the lab's.
 */
export function onDemandRotationBlocker(state: LabState, key: LabKey): KmsError | undefined {
  if (key.origin === 'EXTERNAL' && !pendingRotationMaterial(state, key.keyId)) {
    return new KMSInvalidStateException(
      `${keyArnOf(key)} has no key material in PENDING_ROTATION state. Import new key material with ImportType NEW_KEY_MATERIAL before an on-demand rotation.`
    )
  }
  return undefined
}

/** Quota and concurrency of on-demand rotation, checked after the key state. */
export function onDemandRotationLimit(key: LabKey): KmsError | undefined {
  if (key.onDemandRotations >= ON_DEMAND_ROTATION_QUOTA) {
    // Lab wording: AWS's exact text for this quota is not documented.
    return new LimitExceededException(
      `${keyArnOf(key)} has reached the quota of ${ON_DEMAND_ROTATION_QUOTA} on-demand rotations.`
    )
  }
  if (key.rotation.onDemandStartedAt !== undefined) {
    // Lab wording: AWS documents ConflictException for a rotation already in progress.
    return new ConflictException(
      `An on-demand rotation of ${keyArnOf(key)} is already in progress.`
    )
  }
  return undefined
}

export function remainingOnDemandRotations(key: LabKey): number {
  return Math.max(0, ON_DEMAND_ROTATION_QUOTA - key.onDemandRotations)
}

/**
 * The next automatic rotation when rotation is (re)enabled at `now` with `periodDays`: one
 * period from now, or, when it was already enabled, one new period from the current anchor
 * (the last rotation or the enable date), but never in the past.
 */
export function nextRotationAt(key: LabKey, periodDays: number, now: number): number {
  const { rotation } = key
  if (!rotation.enabled || rotation.nextAt === undefined) return now + periodDays * DAY_MS
  const anchor = rotation.nextAt - rotation.periodDays * DAY_MS
  return Math.max(now, anchor + periodDays * DAY_MS)
}

/** Adds a new material version (inside state.write) and returns the updated record. */
export function rotateMaterial(
  state: LabState,
  key: LabKey,
  at: number,
  source: MaterialVersion['source']
): LabKey {
  const id = newMaterialId()
  // SYMMETRIC_DEFAULT material, as crypto/key-material generates it: 256 random bits.
  state.putMaterial(key.keyId, id, randomBytes(32))
  return { ...key, materials: [...key.materials, { id, createdAt: at, source }] }
}

/** When EnableKey brings back a key whose rotation fell due while it was off: rotate now. */
export function resumeRotation(key: LabKey, ctx: OperationContext): LabKey {
  const { rotation } = key
  if (!rotation.enabled || rotation.nextAt === undefined || rotation.nextAt > ctx.now) return key
  return { ...key, rotation: { ...rotation, nextAt: ctx.now } }
}
