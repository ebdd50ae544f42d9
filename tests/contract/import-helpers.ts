// Shared steps of the import contract cases: an EXTERNAL key, wrapping parameters, material
// wrapped as a client would (RSA-OAEP, or RSA-OAEP + AES key wrap with padding), and ValidTo
// dates relative to the target's clock (ParametersValidTo is 24 hours after its "now").
import { randomBytes } from 'node:crypto'
import {
  wrapKeyMaterial,
  type LabWrappingAlgorithm
} from '../../src/main/backends/local/crypto/key-wrapping'
import type { ContractContext } from './contract'

export const DAY = 24 * 60 * 60 * 1000

export async function createExternalKey(
  c: ContractContext,
  input: Record<string, unknown> = {}
): Promise<{ KeyId: string; Arn: string }> {
  const { KeyMetadata } = await c.t.call('CreateKey', { Origin: 'EXTERNAL', ...input })
  return { KeyId: KeyMetadata!.KeyId!, Arn: KeyMetadata!.Arn! }
}

export interface Params {
  publicKey: Uint8Array
  token: Uint8Array
  /** The target's clock at the time of the call, epoch ms. */
  now: number
  algorithm: LabWrappingAlgorithm
}

export async function params(
  c: ContractContext,
  keyId: string,
  algorithm: LabWrappingAlgorithm = 'RSAES_OAEP_SHA_256',
  spec = 'RSA_2048'
): Promise<Params> {
  const out = await c.t.call('GetParametersForImport', {
    KeyId: keyId,
    WrappingAlgorithm: algorithm,
    WrappingKeySpec: spec
  })
  return {
    publicKey: out.PublicKey!,
    token: out.ImportToken!,
    now: out.ParametersValidTo!.getTime() - DAY,
    algorithm
  }
}

/** Wraps material for the parameters and imports it; ValidTo `days` ahead, or never expiring. */
export async function importMaterial(
  c: ContractContext,
  keyId: string,
  material: Uint8Array,
  options: { days?: number; params?: Params; extra?: Record<string, unknown> } = {}
) {
  const p = options.params ?? (await params(c, keyId))
  const expiry =
    options.days === undefined
      ? { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }
      : { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(p.now + options.days * DAY) }
  return c.t.call('ImportKeyMaterial', {
    KeyId: keyId,
    ImportToken: p.token,
    EncryptedKeyMaterial: wrapKeyMaterial(p.publicKey, p.algorithm, material),
    ...expiry,
    ...options.extra
  })
}

export function material(bytes = 32): Buffer {
  return randomBytes(bytes)
}

export async function describe(c: ContractContext, keyId: string) {
  return (await c.t.call('DescribeKey', { KeyId: keyId })).KeyMetadata!
}
