// Helpers the contract cases share: keys of a kind in a given state, unique names, time units.
import type { KeyMetadata } from '../../src/shared/kms/types'
import type { ContractContext } from './contract'

export const DAY = 86_400_000

let counter = 0
/** A name no other case of this run uses (aliases are unique per region). */
export function unique(prefix: string): string {
  counter++
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`
}

export async function createKey(
  c: ContractContext,
  input: Record<string, unknown> = {}
): Promise<KeyMetadata> {
  const { KeyMetadata } = await c.t.call('CreateKey', input)
  return KeyMetadata as KeyMetadata
}

export type KeyKind = 'sym' | 'sign' | 'mac' | 'agree' | 'rsa'

export const KIND_INPUT: Record<KeyKind, Record<string, unknown>> = {
  sym: {},
  sign: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' },
  mac: { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' },
  agree: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' },
  rsa: { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }
}

export type LabState = 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport'
export const STATES: readonly LabState[] = [
  'Enabled',
  'Disabled',
  'PendingDeletion',
  'PendingImport'
]

/** Moves a key (Enabled, or PendingImport for EXTERNAL) into `state`. */
export async function moveTo(c: ContractContext, key: KeyMetadata, state: LabState): Promise<void> {
  if (state === 'Disabled') await c.t.call('DisableKey', { KeyId: key.KeyId })
  if (state === 'PendingDeletion') {
    await c.t.call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 })
  }
}

/** A key of `kind` in `state`: generated for Enabled/Disabled/PendingDeletion, EXTERNAL otherwise. */
export async function keyIn(
  c: ContractContext,
  state: LabState,
  kind: KeyKind = 'sym',
  external = state === 'PendingImport'
): Promise<KeyMetadata> {
  const key = await createKey(c, {
    ...KIND_INPUT[kind],
    ...(external ? { Origin: 'EXTERNAL' } : {})
  })
  await moveTo(c, key, state)
  return key
}
