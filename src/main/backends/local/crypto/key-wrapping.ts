// The import wrapping algorithms AWS documents: RSAES-OAEP (SHA-1 or SHA-256, MGF1 with the same
// hash) straight over the key material, and RSA_AES_KEY_WRAP: an ephemeral AES-256 key wrapped
// with RSAES-OAEP, followed by the material under AES key wrap with padding (RFC 5649), exactly as
// `openssl pkeyutl -pkeyopt rsa_padding_mode:oaep` and `openssl enc -id-aes256-wrap-pad` make it.
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject
} from 'node:crypto'

export const WRAPPING_ALGORITHMS_SUPPORTED = [
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'RSA_AES_KEY_WRAP_SHA_1',
  'RSA_AES_KEY_WRAP_SHA_256'
] as const
export type LabWrappingAlgorithm = (typeof WRAPPING_ALGORITHMS_SUPPORTED)[number]

export const WRAPPING_KEY_SPECS_SUPPORTED = ['RSA_2048', 'RSA_3072', 'RSA_4096'] as const
export type LabWrappingKeySpec = (typeof WRAPPING_KEY_SPECS_SUPPORTED)[number]

/** RFC 5649's alternative initial value, which is also openssl's default for -wrap-pad. */
const KWP_IV = Buffer.from('A65959A6', 'hex')
const AES_KEY_BYTES = 32

export function isLabWrappingAlgorithm(value: string): value is LabWrappingAlgorithm {
  return (WRAPPING_ALGORITHMS_SUPPORTED as readonly string[]).includes(value)
}

export function usesAesKeyWrap(algorithm: LabWrappingAlgorithm): boolean {
  return algorithm.startsWith('RSA_AES_KEY_WRAP_')
}

function oaepHash(algorithm: LabWrappingAlgorithm): 'sha1' | 'sha256' {
  return algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256'
}

export function modulusBytes(spec: LabWrappingKeySpec): number {
  return Number(spec.slice(4)) / 8
}

/** Largest material RSAES-OAEP can carry under this wrapping key: k - 2*hLen - 2 (RFC 8017). */
export function oaepCapacity(spec: LabWrappingKeySpec, algorithm: LabWrappingAlgorithm): number {
  return modulusBytes(spec) - 2 * (oaepHash(algorithm) === 'sha1' ? 20 : 32) - 2
}

/** A new RSA wrapping key pair, generated off the event loop: PKCS#8 and SPKI DER. */
export function generateWrappingKeyPair(
  spec: LabWrappingKeySpec
): Promise<{ privateKey: Buffer; publicKey: Buffer }> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: Number(spec.slice(4)),
        publicKeyEncoding: { type: 'spki', format: 'der' },
        privateKeyEncoding: { type: 'pkcs8', format: 'der' }
      },
      (err, publicKey, privateKey) => (err ? reject(err) : resolve({ privateKey, publicKey }))
    )
  })
}

/** The wrapped material has the size the algorithm and wrapping key spec give it. */
export function wrappedSizeFits(
  wrapped: Uint8Array,
  algorithm: LabWrappingAlgorithm,
  spec: LabWrappingKeySpec
): boolean {
  const k = modulusBytes(spec)
  if (!usesAesKeyWrap(algorithm)) return wrapped.length === k
  const rest = wrapped.length - k
  return rest >= 16 && rest % 8 === 0
}

/** Unwraps material; throws (any error) when it was not wrapped under this key and algorithm. */
export function unwrapKeyMaterial(
  privateKeyDer: Uint8Array,
  algorithm: LabWrappingAlgorithm,
  wrapped: Uint8Array
): Buffer {
  const key = createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' })
  const rsa = (data: Uint8Array): Buffer =>
    privateDecrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHash(algorithm) },
      data
    )
  if (!usesAesKeyWrap(algorithm)) return rsa(wrapped)
  const k = (key.asymmetricKeyDetails?.modulusLength ?? 0) / 8
  const aesKey = rsa(wrapped.subarray(0, k))
  if (aesKey.length !== AES_KEY_BYTES) throw new Error('the wrapped AES key is not 256 bits')
  const decipher = createDecipheriv('id-aes256-wrap-pad', aesKey, KWP_IV)
  return Buffer.concat([decipher.update(wrapped.subarray(k)), decipher.final()])
}

/** Wraps material under a DER SPKI RSA public key, byte for byte as the openssl commands do. */
export function wrapKeyMaterial(
  publicKeyDer: Uint8Array,
  algorithm: LabWrappingAlgorithm,
  material: Uint8Array
): Buffer {
  const key: KeyObject = createPublicKey({
    key: Buffer.from(publicKeyDer),
    format: 'der',
    type: 'spki'
  })
  if (key.asymmetricKeyType !== 'rsa') throw new Error('the wrapping key is not an RSA key')
  const rsa = (data: Uint8Array): Buffer =>
    publicEncrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHash(algorithm) },
      data
    )
  if (!usesAesKeyWrap(algorithm)) return rsa(material)
  const aesKey = randomBytes(AES_KEY_BYTES)
  try {
    const cipher = createCipheriv('id-aes256-wrap-pad', aesKey, KWP_IV)
    return Buffer.concat([rsa(aesKey), cipher.update(material), cipher.final()])
  } finally {
    aesKey.fill(0)
  }
}
