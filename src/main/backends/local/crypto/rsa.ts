// RSA for the lab: RSAES-OAEP encryption (SHA-1 or SHA-256, MGF1 with the same hash) with AWS's
// plaintext limits, and RSASSA signatures over a digest the caller computed (MessageType DIGEST),
// which Node's sign() cannot take: the EMSA-PSS and EMSA-PKCS1-v1_5 encodings of RFC 8017 are
// built here and the raw RSA operation is left to OpenSSL (privateEncrypt without padding).
import {
  constants,
  createHash,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes,
  timingSafeEqual,
  type KeyObject
} from 'node:crypto'

export type OaepHash = 'sha1' | 'sha256'
export type SigHash = 'sha256' | 'sha384' | 'sha512'

const HASH_BYTES: Record<OaepHash | SigHash, number> = {
  sha1: 20,
  sha256: 32,
  sha384: 48,
  sha512: 64
}

/** Largest plaintext RSAES-OAEP takes: k - 2 hLen - 2 (RSA_2048 + SHA-256: 190 bytes). */
export function oaepLimit(modulusBits: number, hash: OaepHash): number {
  return modulusBits / 8 - 2 * HASH_BYTES[hash] - 2
}

export function oaepEncrypt(publicKey: KeyObject, hash: OaepHash, plaintext: Uint8Array): Buffer {
  return publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash },
    plaintext
  )
}

/** undefined when the ciphertext does not decrypt under this key and hash. */
export function oaepDecrypt(
  privateKey: KeyObject,
  hash: OaepHash,
  ciphertext: Uint8Array
): Buffer | undefined {
  try {
    return privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash },
      ciphertext
    )
  } catch {
    return undefined
  }
}

// ---- signatures over a precomputed digest

/** DER DigestInfo prefixes of RFC 8017 section 9.2, note 1. */
const DIGEST_INFO: Record<SigHash, Buffer> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex')
}

function modulusBytes(key: KeyObject): number {
  return (key.asymmetricKeyDetails?.modulusLength ?? 0) / 8
}

export function pkcs1SignDigest(privateKey: KeyObject, hash: SigHash, digest: Uint8Array): Buffer {
  return privateEncrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
    Buffer.concat([DIGEST_INFO[hash], digest])
  )
}

export function pkcs1VerifyDigest(
  publicKey: KeyObject,
  hash: SigHash,
  digest: Uint8Array,
  signature: Uint8Array
): boolean {
  if (signature.length !== modulusBytes(publicKey)) return false
  let recovered: Buffer
  try {
    recovered = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature)
  } catch {
    return false
  }
  const expected = Buffer.concat([DIGEST_INFO[hash], digest])
  return recovered.length === expected.length && timingSafeEqual(recovered, expected)
}

function mgf1(hash: SigHash, seed: Buffer, length: number): Buffer {
  const hLen = HASH_BYTES[hash]
  const out = Buffer.alloc(Math.ceil(length / hLen) * hLen)
  const counter = Buffer.alloc(4)
  for (let i = 0; i * hLen < length; i++) {
    counter.writeUInt32BE(i, 0)
    createHash(hash)
      .update(seed)
      .update(counter)
      .digest()
      .copy(out, i * hLen)
  }
  return out.subarray(0, length)
}

/** H = Hash(0x00 * 8 || mHash || salt) */
function pssHash(hash: SigHash, digest: Uint8Array, salt: Buffer): Buffer {
  return createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest()
}

/** RSASSA-PSS over a digest, salt length = digest length, MGF1 with the same hash (as AWS). */
export function pssSignDigest(privateKey: KeyObject, hash: SigHash, digest: Uint8Array): Buffer {
  const k = modulusBytes(privateKey)
  const emBits = k * 8 - 1
  const emLen = Math.ceil(emBits / 8)
  const hLen = HASH_BYTES[hash]
  const salt = randomBytes(hLen)
  const h = pssHash(hash, digest, salt)
  const db = Buffer.alloc(emLen - hLen - 1)
  db[db.length - hLen - 1] = 0x01
  salt.copy(db, db.length - hLen)
  const mask = mgf1(hash, h, db.length)
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i]
  db[0] &= 0xff >> (8 * emLen - emBits)
  const em = Buffer.alloc(k)
  db.copy(em, k - emLen)
  h.copy(em, k - emLen + db.length)
  em[k - 1] = 0xbc
  return privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, em)
}

export function pssVerifyDigest(
  publicKey: KeyObject,
  hash: SigHash,
  digest: Uint8Array,
  signature: Uint8Array
): boolean {
  const k = modulusBytes(publicKey)
  if (signature.length !== k) return false
  let em: Buffer
  try {
    em = publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature)
  } catch {
    return false
  }
  const emBits = k * 8 - 1
  const emLen = Math.ceil(emBits / 8)
  const hLen = HASH_BYTES[hash]
  if (em.length !== k || em[k - 1] !== 0xbc) return false
  const body = em.subarray(k - emLen)
  const masked = Buffer.from(body.subarray(0, emLen - hLen - 1))
  const h = body.subarray(emLen - hLen - 1, emLen - 1)
  if ((masked[0] & ~(0xff >> (8 * emLen - emBits))) !== 0) return false
  const mask = mgf1(hash, h, masked.length)
  for (let i = 0; i < masked.length; i++) masked[i] ^= mask[i]
  masked[0] &= 0xff >> (8 * emLen - emBits)
  const psEnd = masked.length - hLen - 1
  for (let i = 0; i < psEnd; i++) if (masked[i] !== 0) return false
  if (masked[psEnd] !== 0x01) return false
  const expected = pssHash(hash, digest, masked.subarray(psEnd + 1))
  return timingSafeEqual(expected, h)
}
