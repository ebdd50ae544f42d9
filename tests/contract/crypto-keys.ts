// Keys the cryptographic contract cases use, created once per target through CreateKey.
import type { KeyMetadata } from '../../src/shared/kms/types'
import type { ContractContext } from './contract'

export async function createKey(
  c: ContractContext,
  KeySpec = 'SYMMETRIC_DEFAULT',
  KeyUsage?: string
): Promise<KeyMetadata> {
  const { KeyMetadata } = await c.t.call('CreateKey', {
    KeySpec,
    ...(KeyUsage ? { KeyUsage } : {}),
    Description: `contract ${KeySpec} ${KeyUsage ?? ''}`
  })
  return KeyMetadata as KeyMetadata
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
export const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b)

/** A copy of `b` with the byte at `i` changed. */
export function flipped(b: Uint8Array, i: number): Uint8Array {
  const out = new Uint8Array(b)
  out[i] ^= 0x01
  return out
}

/** Hex of some bytes, to compare Buffers and Uint8Arrays alike. */
export const hex = (b: Uint8Array | undefined): string => Buffer.from(b ?? []).toString('hex')
