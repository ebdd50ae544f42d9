// Contract: GetParametersForImport: every wrapping algorithm with every wrapping key spec, the
// public key and token pairing, the 24-hour validity, and the keys and values it refuses.
import { createPublicKey } from 'node:crypto'
import { expect, it } from 'vitest'
import { contract, expectError } from './contract'
import {
  createExternalKey,
  DAY,
  describe,
  importMaterial,
  material,
  params
} from './import-helpers'

const ALGORITHMS = [
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'RSA_AES_KEY_WRAP_SHA_1',
  'RSA_AES_KEY_WRAP_SHA_256'
] as const

contract('GetParametersForImport', ['importedMaterial'], (c) => {
  for (const spec of ['RSA_2048', 'RSA_3072', 'RSA_4096']) {
    // Four RSA key pairs per spec; a 4096-bit pair can take seconds on a loaded machine.
    it(`pairs a DER public key with a token for every algorithm under ${spec}`, async () => {
      for (const algorithm of ALGORITHMS) {
        const key = await createExternalKey(c)
        const out = await c.t.call('GetParametersForImport', {
          KeyId: key.KeyId,
          WrappingAlgorithm: algorithm,
          WrappingKeySpec: spec
        })
        expect(out.KeyId).toBe(key.Arn)
        const pub = createPublicKey({
          key: Buffer.from(out.PublicKey!),
          format: 'der',
          type: 'spki'
        })
        expect(pub.asymmetricKeyType).toBe('rsa')
        expect(pub.asymmetricKeyDetails?.modulusLength).toBe(Number(spec.slice(4)))
        const p = {
          publicKey: out.PublicKey!,
          token: out.ImportToken!,
          now: out.ParametersValidTo!.getTime() - DAY,
          algorithm
        }
        const imported = await importMaterial(c, key.KeyId, material(), { params: p, days: 30 })
        expect(imported.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/)
        expect((await describe(c, key.KeyId)).KeyState).toBe('Enabled')
      }
    }, 120_000)
  }

  it('makes the parameters valid for 24 hours', async () => {
    const key = await createExternalKey(c)
    const before = Date.now()
    const out = await c.t.call('GetParametersForImport', {
      KeyId: key.KeyId,
      WrappingAlgorithm: 'RSAES_OAEP_SHA_1',
      WrappingKeySpec: 'RSA_2048'
    })
    const validFor = out.ParametersValidTo!.getTime() - before
    if (!c.lacks('labClock')) expect(validFor).toBeGreaterThanOrEqual(DAY - 5_000)
    expect(out.ParametersValidTo!.getTime()).toBeGreaterThan(before)
  })

  it('gives a new key pair and token on every call', async () => {
    const key = await createExternalKey(c)
    const a = await params(c, key.KeyId)
    const b = await params(c, key.KeyId)
    expect(Buffer.from(a.publicKey).equals(Buffer.from(b.publicKey))).toBe(false)
    expect(Buffer.from(a.token).equals(Buffer.from(b.token))).toBe(false)
  })

  it('rejects the retired RSAES_PKCS1_V1_5 wrapping algorithm', async () => {
    const key = await createExternalKey(c)
    await expectError(
      c.t.call('GetParametersForImport', {
        KeyId: key.KeyId,
        WrappingAlgorithm: 'RSAES_PKCS1_V1_5',
        WrappingKeySpec: 'RSA_2048'
      }),
      'ValidationException',
      'The RSAES_PKCS1_V1_5 wrapping algorithm is no longer supported. Use RSAES_OAEP_SHA_256, RSAES_OAEP_SHA_1, RSA_AES_KEY_WRAP_SHA_256 or RSA_AES_KEY_WRAP_SHA_1.'
    )
  })

  it('rejects SM2 wrapping outside the China Regions', async () => {
    const key = await createExternalKey(c)
    await expectError(
      c.t.call('GetParametersForImport', {
        KeyId: key.KeyId,
        WrappingAlgorithm: 'SM2PKE',
        WrappingKeySpec: 'SM2'
      }),
      'UnsupportedOperationException',
      'The SM2PKE wrapping algorithm is supported only in the China Regions.'
    )
    await expectError(
      c.t.call('GetParametersForImport', {
        KeyId: key.KeyId,
        WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
        WrappingKeySpec: 'SM2'
      }),
      'UnsupportedOperationException',
      'The SM2 wrapping key spec is supported only in the China Regions.'
    )
  })

  it('refuses keys whose origin is AWS_KMS', async () => {
    const { KeyMetadata } = await c.t.call('CreateKey', {})
    await expectError(
      c.t.call('GetParametersForImport', {
        KeyId: KeyMetadata!.KeyId,
        WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
        WrappingKeySpec: 'RSA_2048'
      }),
      'UnsupportedOperationException',
      `${KeyMetadata!.Arn} origin is AWS_KMS which is not valid for this operation.`
    )
  })

  it('requires an RSA_AES wrapping algorithm for RSA private keys', async () => {
    const key = await createExternalKey(c, { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' })
    await expectError(
      params(c, key.KeyId, 'RSAES_OAEP_SHA_256', 'RSA_4096'),
      'ValidationException',
      'You cannot use the RSAES_OAEP_SHA_256 wrapping algorithm to wrap RSA key material. Use RSA_AES_KEY_WRAP_SHA_256 or RSA_AES_KEY_WRAP_SHA_1.'
    )
  })

  it('refuses RSAES_OAEP under RSA_2048 for ECC_NIST_P521 material', async () => {
    const key = await createExternalKey(c, { KeySpec: 'ECC_NIST_P521', KeyUsage: 'SIGN_VERIFY' })
    await expectError(
      params(c, key.KeyId, 'RSAES_OAEP_SHA_1', 'RSA_2048'),
      'ValidationException',
      'You cannot use the RSAES_OAEP_SHA_1 wrapping algorithm with the RSA_2048 wrapping key spec to wrap ECC_NIST_P521 key material.'
    )
    await params(c, key.KeyId, 'RSAES_OAEP_SHA_256', 'RSA_3072')
  })

  it('answers an unknown key with NotFoundException', async () => {
    const id = '0000aaaa-0000-4000-8000-000000000000'
    await expectError(
      params(c, id),
      'NotFoundException',
      `Key 'arn:aws:kms:${c.t.region}:${c.t.accountId}:key/${id}' does not exist`
    )
  })
})
