// HMAC for GENERATE_VERIFY_MAC keys (RFC 2104), with a constant-time comparison for VerifyMac.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const MAC_HASH: Record<string, string> = {
  HMAC_SHA_224: 'sha224',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512'
}

export function hmac(algorithm: string, material: Buffer, message: Uint8Array): Buffer {
  return createHmac(MAC_HASH[algorithm], material).update(message).digest()
}

export function hmacMatches(
  algorithm: string,
  material: Buffer,
  message: Uint8Array,
  mac: Uint8Array
): boolean {
  const expected = hmac(algorithm, material, message)
  return expected.length === mac.length && timingSafeEqual(expected, mac)
}
