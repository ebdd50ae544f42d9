// Generates new key material for each key spec. Symmetric and HMAC material is raw bytes;
// asymmetric material is the private key as PKCS#8 DER (the public key is derived from it).
import { generateKeyPair, randomBytes, createHash } from 'node:crypto'
import type { LabKeySpec } from '../model/key-specs'

type PairType = 'rsa' | 'ec' | 'ed25519'

/** PKCS#8 DER of a new private key, generated on libuv's thread pool. */
function generatePrivateKey(
  type: PairType,
  params: { modulusLength?: number; namedCurve?: string }
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = {
      ...params,
      privateKeyEncoding: { type: 'pkcs8', format: 'der' },
      publicKeyEncoding: { type: 'spki', format: 'der' }
    } as const
    const done = (err: Error | null, _pub: Buffer, priv: Buffer): void =>
      err ? reject(err) : resolve(priv)
    if (type === 'rsa') generateKeyPair('rsa', options as never, done as never)
    else if (type === 'ec') generateKeyPair('ec', options as never, done as never)
    else generateKeyPair('ed25519', options as never, done as never)
  })
}

export const HMAC_KEY_BYTES: Record<string, number> = {
  HMAC_224: 28,
  HMAC_256: 32,
  HMAC_384: 48,
  HMAC_512: 64
}

export const EC_CURVES: Record<string, string> = {
  ECC_NIST_P256: 'prime256v1',
  ECC_NIST_P384: 'secp384r1',
  ECC_NIST_P521: 'secp521r1',
  ECC_SECG_P256K1: 'secp256k1'
}

/** Runs off the event loop for RSA and EC, so a 4096-bit key does not stall other requests. */
export async function generateMaterial(spec: LabKeySpec): Promise<Buffer> {
  if (spec === 'SYMMETRIC_DEFAULT') return randomBytes(32)
  if (spec in HMAC_KEY_BYTES) return randomBytes(HMAC_KEY_BYTES[spec])
  if (spec.startsWith('RSA_'))
    return generatePrivateKey('rsa', { modulusLength: Number(spec.slice(4)) })
  if (spec === 'ECC_NIST_EDWARDS25519') return generatePrivateKey('ed25519', {})
  return generatePrivateKey('ec', { namedCurve: EC_CURVES[spec] })
}

/** AWS's KeyMaterialId form (64 hex characters) for a new material version. */
export function newMaterialId(): string {
  return randomBytes(32).toString('hex')
}

/** SHA-256 of material, to recognise the same material when it is imported again. */
export function fingerprint(material: Uint8Array): string {
  return createHash('sha256').update(material).digest('hex')
}
