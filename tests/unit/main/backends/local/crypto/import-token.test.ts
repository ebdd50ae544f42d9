// Import tokens: what is encoded comes back; any change, another lab's key or garbage does not.
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  decodeImportToken,
  encodeImportToken,
  IMPORT_TOKEN_BYTES,
  type ImportTokenClaims
} from '../../../../../../src/main/backends/local/crypto/import-token'

const claims: ImportTokenClaims = {
  keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
  tokenId: randomBytes(16).toString('hex'),
  wrappingAlgorithm: 'RSA_AES_KEY_WRAP_SHA_256',
  wrappingKeySpec: 'RSA_3072',
  validTo: 1_900_000_000_123
}
const key = randomBytes(32)

describe('import token', () => {
  it('round-trips its claims', () => {
    const token = encodeImportToken(claims, key)
    expect(token.length).toBe(IMPORT_TOKEN_BYTES)
    expect(decodeImportToken(token, key)).toEqual(claims)
  })

  it('rejects every single-bit change', () => {
    const token = encodeImportToken(claims, key)
    for (let i = 0; i < token.length; i++) {
      const changed = Buffer.from(token)
      changed[i] ^= 0x10
      expect(decodeImportToken(changed, key)).toBeUndefined()
    }
  })

  it('rejects a token made under another secret, and garbage of any length', () => {
    expect(decodeImportToken(encodeImportToken(claims, randomBytes(32)), key)).toBeUndefined()
    expect(decodeImportToken(randomBytes(IMPORT_TOKEN_BYTES), key)).toBeUndefined()
    expect(decodeImportToken(Buffer.from('token'), key)).toBeUndefined()
  })
})
