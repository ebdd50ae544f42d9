// The key-state matrix: for every operation that uses an existing key, what each key state the
// lab has answers, with AWS's exception names and texts (the developer guide's numbered notes).
// https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
import {
  DisabledException,
  KMSInvalidStateException,
  UnsupportedOperationException,
  type KmsError
} from '../../../../shared/errors'
import type { KmsOperationName } from '../../../../shared/kms/operations'
import { keyArnOf, type LabKey } from './key'

/** The states a lab key can be in (Unavailable, Creating, Updating need custom key stores or replicas). */
export const LAB_KEY_STATES = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport'] as const
export type LabKeyState = (typeof LAB_KEY_STATES)[number]

/**
 * What a state answers: `ok`, or one of the guide's notes:
 * disabled [1], pendingDeletion [3], notPendingDeletion [4], pendingImport [5], externalOrigin [6].
 * Notes [7]-[9] depend on the key's origin or spec, not its state; the operations check those
 * first (see model/rotation.ts and the import operations), then this table.
 */
export type StateRule =
  'ok' | 'disabled' | 'pendingDeletion' | 'notPendingDeletion' | 'pendingImport' | 'externalOrigin'

type Row = Readonly<Record<LabKeyState, StateRule>>

const row = (
  Enabled: StateRule,
  Disabled: StateRule,
  PendingDeletion: StateRule,
  PendingImport: StateRule
): Row => ({ Enabled, Disabled, PendingDeletion, PendingImport })

const ALWAYS = row('ok', 'ok', 'ok', 'ok')
/** Cryptographic use: only an Enabled key. Where the guide says "[2] or [3]" the lab answers [3]. */
const CRYPTO = row('ok', 'disabled', 'pendingDeletion', 'pendingImport')
/** Management that every state but PendingDeletion allows. */
const MANAGE = row('ok', 'ok', 'pendingDeletion', 'ok')
const ROTATION_CHANGE = row('ok', 'disabled', 'pendingDeletion', 'externalOrigin')

export const KEY_STATE_TABLE: { readonly [Op in KmsOperationName]?: Row } = {
  CancelKeyDeletion: row('notPendingDeletion', 'notPendingDeletion', 'ok', 'notPendingDeletion'),
  CreateAlias: MANAGE,
  CreateGrant: CRYPTO,
  Decrypt: CRYPTO,
  DeleteAlias: ALWAYS,
  DeleteImportedKeyMaterial: ALWAYS,
  DeriveSharedSecret: CRYPTO,
  DescribeKey: ALWAYS,
  DisableKey: row('ok', 'ok', 'pendingDeletion', 'pendingImport'),
  DisableKeyRotation: ROTATION_CHANGE,
  EnableKey: row('ok', 'ok', 'pendingDeletion', 'pendingImport'),
  EnableKeyRotation: ROTATION_CHANGE,
  Encrypt: CRYPTO,
  GenerateDataKey: CRYPTO,
  GenerateDataKeyPair: CRYPTO,
  GenerateDataKeyPairWithoutPlaintext: CRYPTO,
  GenerateDataKeyWithoutPlaintext: CRYPTO,
  GenerateMac: CRYPTO,
  GetKeyPolicy: ALWAYS,
  GetKeyRotationStatus: row('ok', 'ok', 'ok', 'externalOrigin'),
  GetParametersForImport: row('ok', 'ok', 'pendingDeletion', 'ok'),
  GetPublicKey: CRYPTO,
  ImportKeyMaterial: row('ok', 'ok', 'pendingDeletion', 'ok'),
  ListAliases: ALWAYS,
  ListGrants: ALWAYS,
  ListKeyPolicies: ALWAYS,
  // Not in the guide's table (newer than it); read-only like GetKeyRotationStatus.
  ListKeyRotations: ALWAYS,
  ListResourceTags: ALWAYS,
  PutKeyPolicy: ALWAYS,
  ReEncrypt: CRYPTO,
  RetireGrant: ALWAYS,
  RevokeGrant: ALWAYS,
  // Not in the guide's table; its errors (DisabledException, KMSInvalidStateException) as for crypto.
  RotateKeyOnDemand: CRYPTO,
  ScheduleKeyDeletion: row('ok', 'ok', 'pendingDeletion', 'ok'),
  Sign: CRYPTO,
  TagResource: MANAGE,
  UntagResource: MANAGE,
  // [10]: a source key pending deletion is fine; this row is for the new target key.
  UpdateAlias: MANAGE,
  UpdateKeyDescription: MANAGE,
  Verify: CRYPTO,
  VerifyMac: CRYPTO
}

const OTHER_STATE_TEXT: Record<string, string> = {
  PendingReplicaDeletion: 'pending replica deletion',
  Unavailable: 'unavailable',
  Creating: 'creating',
  Updating: 'updating'
}

/** The error a rule stands for, with AWS's text. */
export function stateError(rule: Exclude<StateRule, 'ok'>, key: LabKey): KmsError {
  const arn = keyArnOf(key)
  switch (rule) {
    case 'disabled':
      return new DisabledException(`${arn} is disabled.`)
    case 'pendingDeletion':
      return new KMSInvalidStateException(`${arn} is pending deletion.`)
    case 'notPendingDeletion':
      return new KMSInvalidStateException(`${arn} is not pending deletion.`)
    case 'pendingImport':
      return new KMSInvalidStateException(`${arn} is pending import.`)
    case 'externalOrigin':
      return new UnsupportedOperationException(
        `${arn} origin is EXTERNAL which is not valid for this operation.`
      )
  }
}

/** The rule for `op` on a key in `state`; operations outside the table need no particular state. */
export function stateRule(op: KmsOperationName, state: string): StateRule | undefined {
  const table = KEY_STATE_TABLE[op]
  if (!table) return 'ok'
  return (table as Record<string, StateRule>)[state]
}

/** Throws AWS's error when `key`'s state does not allow `op`. */
export function checkKeyState(op: KmsOperationName, key: LabKey): void {
  const rule = stateRule(op, key.state)
  if (rule === 'ok') return
  if (rule) throw stateError(rule, key)
  throw new KMSInvalidStateException(
    `${keyArnOf(key)} is ${OTHER_STATE_TEXT[key.state] ?? key.state}.`
  )
}

/** For operations that need an Enabled key (every cryptographic operation). */
export function requireEnabled(key: LabKey): void {
  checkKeyState('Encrypt', key)
}

/** For management operations that every state but PendingDeletion allows. */
export function requireNotPendingDeletion(key: LabKey): void {
  checkKeyState('TagResource', key)
}
