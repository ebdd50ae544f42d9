// Node KeyObjects for key material, made once per material version and cached (keyed by the
// material buffer the lab state holds), so the hot paths neither re-parse DER nor re-import
// AES keys on every call. Entries go away with the buffers when material is deleted.
import {
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  type JsonWebKey,
  type KeyObject
} from 'node:crypto'

interface AsymmetricKeys {
  privateKey: KeyObject
  publicKey: KeyObject
  /** SubjectPublicKeyInfo DER, as GetPublicKey returns it. */
  spki: Buffer
  jwk?: JsonWebKey
}

const secretKeys = new WeakMap<Buffer, KeyObject>()
const asymmetricKeys = new WeakMap<Buffer, AsymmetricKeys>()

/** An AES (or HMAC) key object for raw symmetric material. */
export function secretKeyOf(material: Buffer): KeyObject {
  let key = secretKeys.get(material)
  if (!key) {
    key = createSecretKey(material)
    secretKeys.set(material, key)
  }
  return key
}

/** The key pair of asymmetric material (PKCS#8 DER private key). */
export function keyPairOf(material: Buffer): AsymmetricKeys {
  let keys = asymmetricKeys.get(material)
  if (!keys) {
    const privateKey = createPrivateKey({ key: material, format: 'der', type: 'pkcs8' })
    const publicKey = createPublicKey(privateKey)
    keys = {
      privateKey,
      publicKey,
      spki: publicKey.export({ format: 'der', type: 'spki' })
    }
    asymmetricKeys.set(material, keys)
  }
  return keys
}

/** The private key as a JWK (scalars for the ECDSA and Ed25519 prehash paths), cached. */
export function privateJwkOf(material: Buffer): JsonWebKey {
  const keys = keyPairOf(material)
  if (!keys.jwk) keys.jwk = keys.privateKey.export({ format: 'jwk' })
  return keys.jwk
}
