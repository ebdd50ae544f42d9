// Contract: ImportKeyMaterial: the key becomes Enabled with the expiry asked for; ValidTo rules,
// import tokens, wrapping and material form are checked with AWS's exceptions; and the member
// constraints of both import operations.
import { generateKeyPairSync } from 'node:crypto'
import { expect, it } from 'vitest'
import { wrapKeyMaterial } from '../../src/main/backends/local/crypto/key-wrapping'
import { contract, expectError } from './contract'
import {
  createExternalKey,
  DAY,
  describe,
  importMaterial,
  material,
  params
} from './import-helpers'

contract('ImportKeyMaterial', ['importedMaterial'], (c) => {
  it('imports 32 bytes into a symmetric key with an expiry and enables it', async () => {
    const key = await createExternalKey(c)
    const p = await params(c, key.KeyId)
    const out = await importMaterial(c, key.KeyId, material(), { params: p, days: 30 })
    expect(out.KeyId).toBe(key.Arn)
    expect(out.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/)
    const md = await describe(c, key.KeyId)
    expect(md).toMatchObject({
      KeyState: 'Enabled',
      Enabled: true,
      Origin: 'EXTERNAL',
      ExpirationModel: 'KEY_MATERIAL_EXPIRES',
      CurrentKeyMaterialId: out.KeyMaterialId
    })
    expect(Math.abs(md.ValidTo!.getTime() - (p.now + 30 * DAY))).toBeLessThan(1000)
  })

  it('imports material that does not expire', async () => {
    const key = await createExternalKey(c)
    await importMaterial(c, key.KeyId, material())
    const md = await describe(c, key.KeyId)
    expect(md).toMatchObject({
      KeyState: 'Enabled',
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE'
    })
    expect(md.ValidTo).toBeUndefined()
  })

  it('requires ValidTo for KEY_MATERIAL_EXPIRES, the default model', async () => {
    const key = await createExternalKey(c)
    const p = await params(c, key.KeyId)
    await expectError(
      c.t.call('ImportKeyMaterial', {
        KeyId: key.KeyId,
        ImportToken: p.token,
        EncryptedKeyMaterial: wrapKeyMaterial(p.publicKey, p.algorithm, material())
      }),
      'ValidationException',
      'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES'
    )
  })

  it('forbids ValidTo for KEY_MATERIAL_DOES_NOT_EXPIRE', async () => {
    const key = await createExternalKey(c)
    const p = await params(c, key.KeyId)
    await expectError(
      importMaterial(c, key.KeyId, material(), {
        params: p,
        extra: { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', ValidTo: new Date(p.now + DAY) }
      }),
      'ValidationException',
      'The parameter ValidTo cannot be specified for a key with an expiration model of KEY_MATERIAL_DOES_NOT_EXPIRE'
    )
  })

  it('requires ValidTo in the future and at most 365 days ahead', async () => {
    const key = await createExternalKey(c)
    const p = await params(c, key.KeyId)
    await expectError(
      importMaterial(c, key.KeyId, material(), { params: p, days: -1 }),
      'ValidationException',
      'ValidTo must be in the future'
    )
    await expectError(
      importMaterial(c, key.KeyId, material(), { params: p, days: 366 }),
      'ValidationException',
      'ValidTo must be no more than 365 days after the time of the request'
    )
    await importMaterial(c, key.KeyId, material(), { params: p, days: 364 })
  })

  it('validates ExpirationModel with AWS text', async () => {
    const key = await createExternalKey(c)
    const p = await params(c, key.KeyId)
    await expectError(
      importMaterial(c, key.KeyId, material(), { params: p, extra: { ExpirationModel: 'NEVER' } }),
      'ValidationException',
      "1 validation error detected: Value 'NEVER' at 'expirationModel' failed to satisfy constraint: Member must satisfy enum value set: [KEY_MATERIAL_EXPIRES, KEY_MATERIAL_DOES_NOT_EXPIRE]"
    )
  })

  it('refuses a token that is garbage or was issued for another key', async () => {
    const key = await createExternalKey(c)
    const other = await createExternalKey(c)
    const p = await params(c, key.KeyId)
    const wrapped = wrapKeyMaterial(p.publicKey, p.algorithm, material())
    const message = `The import token is invalid or was issued for a KMS key other than ${key.Arn}.`
    await expectError(
      c.t.call('ImportKeyMaterial', {
        KeyId: key.KeyId,
        ImportToken: Buffer.from('not a token'),
        EncryptedKeyMaterial: wrapped,
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE'
      }),
      'InvalidImportTokenException',
      message
    )
    const forged = Buffer.from(p.token)
    forged[20] ^= 1
    await expectError(
      importMaterial(c, key.KeyId, material(), { params: { ...p, token: forged } }),
      'InvalidImportTokenException',
      message
    )
    const otherParams = await params(c, other.KeyId)
    await expectError(
      importMaterial(c, key.KeyId, material(), { params: { ...p, token: otherParams.token } }),
      'InvalidImportTokenException',
      message
    )
  })

  it.skipIf(c.lacks('labClock'))('refuses a token after its 24 hours', async () => {
    const key = await createExternalKey(c)
    const p = await params(c, key.KeyId)
    await c.t.advanceClock!(DAY + 1000)
    await expectError(
      importMaterial(c, key.KeyId, material(), { params: { ...p, now: p.now + DAY + 1000 } }),
      'ExpiredImportTokenException',
      'The import token has expired. Use GetParametersForImport to get a new import token and public key, use the new public key to encrypt the key material, and then try the request again.'
    )
  })

  it('refuses material wrapped under another public key or with the wrong size', async () => {
    const key = await createExternalKey(c)
    const p = await params(c, key.KeyId)
    const stranger = await params(c, (await createExternalKey(c)).KeyId)
    await expectError(
      importMaterial(c, key.KeyId, material(), { params: { ...p, publicKey: stranger.publicKey } }),
      'InvalidCiphertextException',
      'The encrypted key material could not be decrypted with the wrapping key of this import token and its wrapping algorithm RSAES_OAEP_SHA_256.'
    )
    const sha1 = await params(c, key.KeyId, 'RSAES_OAEP_SHA_1')
    await expectError(
      importMaterial(c, key.KeyId, material(), {
        params: { ...sha1, algorithm: 'RSAES_OAEP_SHA_256' }
      }),
      'InvalidCiphertextException'
    )
    await expectError(
      c.t.call('ImportKeyMaterial', {
        KeyId: key.KeyId,
        ImportToken: p.token,
        EncryptedKeyMaterial: material(100),
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE'
      }),
      'ValidationException',
      'Invalid encrypted key size.'
    )
  })

  it('requires 256-bit material for a symmetric key', async () => {
    const key = await createExternalKey(c)
    await expectError(
      importMaterial(c, key.KeyId, material(16)),
      'IncorrectKeyMaterialException',
      'The key material is not valid for a SYMMETRIC_DEFAULT KMS key: it must be 256 bits (32 bytes), got 16.'
    )
    expect((await describe(c, key.KeyId)).KeyState).toBe('PendingImport')
  })

  it('checks HMAC material lengths per key spec', async () => {
    const key = await createExternalKey(c, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })
    await expectError(
      importMaterial(c, key.KeyId, material(31)),
      'IncorrectKeyMaterialException',
      'The key material is not valid for a HMAC_256 KMS key: it must be 32 to 64 bytes, got 31.'
    )
    await expectError(importMaterial(c, key.KeyId, material(65)), 'IncorrectKeyMaterialException')
    const out = await importMaterial(c, key.KeyId, material(64))
    expect(out.KeyMaterialId).toBeUndefined()
    expect((await describe(c, key.KeyId)).KeyState).toBe('Enabled')
  })

  it('imports an ECC private key as PKCS#8 DER on its own curve only', async () => {
    const key = await createExternalKey(c, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' })
    const der = (namedCurve: string): Buffer =>
      generateKeyPairSync('ec', { namedCurve }).privateKey.export({ type: 'pkcs8', format: 'der' })
    await expectError(
      importMaterial(c, key.KeyId, der('secp384r1')),
      'IncorrectKeyMaterialException',
      'The key material is not valid for a ECC_NIST_P256 KMS key: it must be on curve prime256v1, got secp384r1.'
    )
    await expectError(
      importMaterial(c, key.KeyId, material(138)),
      'IncorrectKeyMaterialException',
      'The key material is not valid for a ECC_NIST_P256 KMS key: it must be a private key in PKCS#8 DER encoding.'
    )
    await importMaterial(c, key.KeyId, der('prime256v1'))
    expect((await describe(c, key.KeyId)).KeyState).toBe('Enabled')
  })

  it('allows ImportType and KeyMaterialId only for symmetric encryption keys', async () => {
    const key = await createExternalKey(c, { KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' })
    await expectError(
      importMaterial(c, key.KeyId, material(48), { extra: { ImportType: 'NEW_KEY_MATERIAL' } }),
      'ValidationException',
      'ImportType is supported only for symmetric encryption KMS keys.'
    )
  })

  it('refuses keys whose origin is AWS_KMS', async () => {
    const { KeyMetadata } = await c.t.call('CreateKey', {})
    const p = await params(c, (await createExternalKey(c)).KeyId)
    await expectError(
      importMaterial(c, KeyMetadata!.KeyId!, material(), { params: p }),
      'UnsupportedOperationException',
      `${KeyMetadata!.Arn} origin is AWS_KMS which is not valid for this operation.`
    )
  })
})

// Member constraints of the import operations: checked before anything else, so they also run
// on targets without imported material.
contract('GetParametersForImport and ImportKeyMaterial validation', (c) => {
  it('validates the GetParametersForImport enums with AWS text', async () => {
    const key = await createExternalKey(c)
    await expectError(
      c.t.call('GetParametersForImport', {
        KeyId: key.KeyId,
        WrappingAlgorithm: 'RSA_OAEP',
        WrappingKeySpec: 'RSA_1024'
      }),
      'ValidationException',
      "2 validation errors detected: Value 'RSA_OAEP' at 'wrappingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256, SM2PKE]; Value 'RSA_1024' at 'wrappingKeySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, SM2]"
    )
  })

  it('never echoes binary members in validation messages', async () => {
    const key = await createExternalKey(c)
    await expectError(
      c.t.call('ImportKeyMaterial', {
        KeyId: key.KeyId,
        ImportToken: new Uint8Array(0),
        EncryptedKeyMaterial: new Uint8Array(7000),
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE'
      }),
      'ValidationException',
      "2 validation errors detected: Value at 'importToken' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'encryptedKeyMaterial' failed to satisfy constraint: Member must have length less than or equal to 6144"
    )
  })
})
