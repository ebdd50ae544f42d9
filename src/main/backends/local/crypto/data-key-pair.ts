// Data key pairs for GenerateDataKeyPair*: a fresh key pair of the requested spec, private key
// as PKCS#8 DER and public key as SubjectPublicKeyInfo DER, generated on libuv's thread pool.
import { generateKeyPair } from 'node:crypto'
import { EC_CURVES } from './key-material'

export const DATA_KEY_PAIR_SPECS = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'ECC_NIST_EDWARDS25519'
] as const

export interface DataKeyPair {
  privateKey: Buffer
  publicKey: Buffer
}

const ENCODING = {
  privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  publicKeyEncoding: { type: 'spki', format: 'der' }
} as const

export function generateDataKeyPair(
  spec: (typeof DATA_KEY_PAIR_SPECS)[number]
): Promise<DataKeyPair> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, publicKey: Buffer, privateKey: Buffer): void =>
      err ? reject(err) : resolve({ privateKey, publicKey })
    if (spec.startsWith('RSA_')) {
      generateKeyPair('rsa', { modulusLength: Number(spec.slice(4)), ...ENCODING }, done)
    } else if (spec === 'ECC_NIST_EDWARDS25519') {
      generateKeyPair('ed25519', ENCODING, done)
    } else {
      generateKeyPair('ec', { namedCurve: EC_CURVES[spec], ...ENCODING }, done)
    }
  })
}
