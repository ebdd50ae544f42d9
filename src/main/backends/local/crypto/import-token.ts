// The lab's ImportToken: an opaque, authenticated blob naming the KMS key, the wrapping key pair
// (by id; the private key itself stays sealed in the store), the wrapping algorithm and spec, and
// when the pair stops being valid. An HMAC-SHA256 under a lab secret makes any edit or garbage
// detectable, and lets an expired token be told from a forged one after its key pair is gone.
import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  WRAPPING_ALGORITHMS_SUPPORTED,
  WRAPPING_KEY_SPECS_SUPPORTED,
  type LabWrappingAlgorithm,
  type LabWrappingKeySpec
} from './key-wrapping'

const MAGIC = Buffer.from('KLIT')
const VERSION = 1
const TOKEN_ID_BYTES = 16
const KEY_ID_BYTES = 36
const MAC_BYTES = 32
const BODY_BYTES = MAGIC.length + 3 + 8 + TOKEN_ID_BYTES + KEY_ID_BYTES
export const IMPORT_TOKEN_BYTES = BODY_BYTES + MAC_BYTES

export interface ImportTokenClaims {
  keyId: string
  /** Hex id of the wrapping key pair (names its sealed private key). */
  tokenId: string
  wrappingAlgorithm: LabWrappingAlgorithm
  wrappingKeySpec: LabWrappingKeySpec
  /** ParametersValidTo, lab epoch ms. */
  validTo: number
}

function mac(key: Uint8Array, body: Uint8Array): Buffer {
  return createHmac('sha256', key).update(body).digest()
}

export function encodeImportToken(claims: ImportTokenClaims, macKey: Uint8Array): Buffer {
  const body = Buffer.alloc(BODY_BYTES)
  let at = MAGIC.copy(body, 0)
  body[at++] = VERSION
  body[at++] = WRAPPING_ALGORITHMS_SUPPORTED.indexOf(claims.wrappingAlgorithm)
  body[at++] = WRAPPING_KEY_SPECS_SUPPORTED.indexOf(claims.wrappingKeySpec)
  at = body.writeBigUInt64BE(BigInt(claims.validTo), at)
  at += Buffer.from(claims.tokenId, 'hex').copy(body, at)
  body.write(claims.keyId, at, KEY_ID_BYTES, 'latin1')
  return Buffer.concat([body, mac(macKey, body)])
}

/** The claims of a token this lab issued, or undefined for anything else. */
export function decodeImportToken(
  token: Uint8Array,
  macKey: Uint8Array
): ImportTokenClaims | undefined {
  if (token.length !== IMPORT_TOKEN_BYTES) return undefined
  const buf = Buffer.from(token.buffer, token.byteOffset, token.byteLength)
  const body = buf.subarray(0, BODY_BYTES)
  if (!timingSafeEqual(mac(macKey, body), buf.subarray(BODY_BYTES))) return undefined
  if (!body.subarray(0, MAGIC.length).equals(MAGIC) || body[MAGIC.length] !== VERSION)
    return undefined
  let at = MAGIC.length + 1
  const wrappingAlgorithm = WRAPPING_ALGORITHMS_SUPPORTED[body[at++]]
  const wrappingKeySpec = WRAPPING_KEY_SPECS_SUPPORTED[body[at++]]
  if (!wrappingAlgorithm || !wrappingKeySpec) return undefined
  const validTo = Number(body.readBigUInt64BE(at))
  at += 8
  const tokenId = body.subarray(at, at + TOKEN_ID_BYTES).toString('hex')
  at += TOKEN_ID_BYTES
  const keyId = body.subarray(at, at + KEY_ID_BYTES).toString('latin1')
  return { keyId, tokenId, wrappingAlgorithm, wrappingKeySpec, validTo }
}
