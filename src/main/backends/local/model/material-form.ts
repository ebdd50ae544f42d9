// What imported key material must look like for each key spec (the developer guide's
// "requirements for imported key material"): 256-bit symmetric keys, HMAC keys within each
// spec's length range, and asymmetric private keys as PKCS#8 DER of the key spec's type and size.
import { createPrivateKey } from 'node:crypto'
import { IncorrectKeyMaterialException } from '../../../../shared/errors'
import { EC_CURVES } from '../crypto/key-material'
import type { LabKeySpec } from './key-specs'

/** HMAC material lengths AWS accepts, in bytes (inclusive). */
export const HMAC_IMPORT_BYTES: Record<string, [number, number]> = {
  HMAC_224: [28, 64],
  HMAC_256: [32, 64],
  HMAC_384: [48, 128],
  HMAC_512: [64, 128]
}

/**
 * Checks unwrapped material against the key spec; returns the bytes to keep (asymmetric keys
 * re-encoded as PKCS#8 DER, so equal keys compare equal). Lab wording: AWS documents the rules,
 * not its message texts.
 */
export function checkMaterialForm(spec: LabKeySpec, material: Buffer): Buffer {
  const reject = (why: string): never => {
    throw new IncorrectKeyMaterialException(
      `The key material is not valid for a ${spec} KMS key: ${why}.`
    )
  }
  if (spec === 'SYMMETRIC_DEFAULT') {
    if (material.length !== 32) reject(`it must be 256 bits (32 bytes), got ${material.length}`)
    return material
  }
  const hmac = HMAC_IMPORT_BYTES[spec]
  if (hmac) {
    if (material.length < hmac[0] || material.length > hmac[1])
      reject(`it must be ${hmac[0]} to ${hmac[1]} bytes, got ${material.length}`)
    return material
  }
  let key
  try {
    key = createPrivateKey({ key: material, format: 'der', type: 'pkcs8' })
  } catch {
    return reject('it must be a private key in PKCS#8 DER encoding')
  }
  const details = key.asymmetricKeyDetails ?? {}
  if (spec.startsWith('RSA_')) {
    const bits = Number(spec.slice(4))
    if (key.asymmetricKeyType !== 'rsa') reject(`it is a ${key.asymmetricKeyType} key, not RSA`)
    if (details.modulusLength !== bits)
      reject(`it must be a ${bits}-bit RSA key, got ${details.modulusLength} bits`)
  } else if (spec === 'ECC_NIST_EDWARDS25519') {
    if (key.asymmetricKeyType !== 'ed25519')
      reject(`it is a ${key.asymmetricKeyType} key, not Ed25519`)
  } else {
    if (key.asymmetricKeyType !== 'ec') reject(`it is a ${key.asymmetricKeyType} key, not ECC`)
    if (details.namedCurve !== EC_CURVES[spec])
      reject(`it must be on curve ${EC_CURVES[spec]}, got ${details.namedCurve}`)
  }
  return key.export({ type: 'pkcs8', format: 'der' })
}
