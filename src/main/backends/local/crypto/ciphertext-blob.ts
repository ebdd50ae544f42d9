// The ciphertext blob of the lab's symmetric encryption (Encrypt, GenerateDataKey*, ReEncrypt
// to a symmetric key). This framing is KeyLab's own, not AWS's: AWS's blob format is private and
// differs. Ours is self-describing, so Decrypt needs no KeyId and old material versions still
// decrypt after rotation:
//
//   offset  size  field
//        0     2  magic "KL"
//        2     1  format version (1)
//        3    16  key id (the UUID's 16 bytes)
//       19    32  material version id (AWS's 64-hex KeyMaterialId, as bytes)
//       51    12  AES-256-GCM IV (random)
//       63    16  AES-256-GCM tag
//       79     n  ciphertext
//
// The AAD is bytes 0-62 (everything before the tag) followed by the canonical encryption context
// (encryption-context.ts), so any change to the header, the body, the tag or the context fails
// authentication.
import { createCipheriv, createDecipheriv, type KeyObject } from 'node:crypto'
import { fillRandom } from './random-pool'

const MAGIC_0 = 0x4b
const MAGIC_1 = 0x4c
const VERSION = 1
const KEY_ID_AT = 3
const MATERIAL_AT = 19
const IV_AT = 51
const TAG_AT = 63
export const BLOB_HEADER_BYTES = 79
const IV_BYTES = 12
const TAG_BYTES = 16

export interface ParsedBlob {
  keyId: string
  materialId: string
  blob: Buffer
}

function uuidBytes(keyId: string, out: Buffer, at: number): void {
  out.write(keyId.replace(/-/g, ''), at, 16, 'hex')
}

function uuidOf(bytes: Buffer): string {
  const h = bytes.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** Encrypts `plaintext` under one material version of one key, binding `aad` (the context). */
export function sealBlob(
  keyId: string,
  materialId: string,
  key: KeyObject,
  plaintext: Uint8Array,
  aad: Buffer
): Buffer {
  const out = Buffer.allocUnsafe(BLOB_HEADER_BYTES + plaintext.length)
  out[0] = MAGIC_0
  out[1] = MAGIC_1
  out[2] = VERSION
  uuidBytes(keyId, out, KEY_ID_AT)
  out.write(materialId, MATERIAL_AT, 32, 'hex')
  fillRandom(out, IV_AT, IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, out.subarray(IV_AT, TAG_AT))
  cipher.setAAD(out.subarray(0, TAG_AT))
  if (aad.length) cipher.setAAD(aad)
  const body = cipher.update(plaintext)
  cipher.final()
  body.copy(out, BLOB_HEADER_BYTES)
  cipher.getAuthTag().copy(out, TAG_AT)
  return out
}

/** Reads a blob's header; undefined when it is not a blob of this format. */
export function parseBlob(blob: Uint8Array): ParsedBlob | undefined {
  if (blob.length <= BLOB_HEADER_BYTES) return undefined
  if (blob[0] !== MAGIC_0 || blob[1] !== MAGIC_1 || blob[2] !== VERSION) return undefined
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength)
  return {
    keyId: uuidOf(buf.subarray(KEY_ID_AT, MATERIAL_AT)),
    materialId: buf.toString('hex', MATERIAL_AT, IV_AT),
    blob: buf
  }
}

/** Decrypts a parsed blob; undefined when authentication fails (tampering, wrong context). */
export function openBlob(parsed: ParsedBlob, key: KeyObject, aad: Buffer): Buffer | undefined {
  const { blob } = parsed
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(IV_AT, TAG_AT), {
    authTagLength: TAG_BYTES
  })
  decipher.setAAD(blob.subarray(0, TAG_AT))
  if (aad.length) decipher.setAAD(aad)
  decipher.setAuthTag(blob.subarray(TAG_AT, BLOB_HEADER_BYTES))
  const plain = decipher.update(blob.subarray(BLOB_HEADER_BYTES))
  try {
    decipher.final()
  } catch {
    plain.fill(0)
    return undefined
  }
  return plain
}
