// Contract: GenerateDataKey, GenerateDataKeyWithoutPlaintext, GenerateDataKeyPair,
// GenerateDataKeyPairWithoutPlaintext and GenerateRandom.
import { createPrivateKey, createPublicKey } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import type { KeyMetadata } from '../../src/shared/kms/types'
import { contract, expectError } from './contract'
import { createKey, hex } from './crypto-keys'

contract('Data keys and random bytes', (c) => {
  let sym: KeyMetadata
  let rsa: KeyMetadata
  let hmac: KeyMetadata
  beforeAll(async () => {
    ;[sym, rsa, hmac] = await Promise.all([
      createKey(c),
      createKey(c, 'RSA_2048', 'ENCRYPT_DECRYPT'),
      createKey(c, 'HMAC_256', 'GENERATE_VERIFY_MAC')
    ])
  })

  it('generates AES_256, AES_128 and NumberOfBytes data keys that decrypt to the plaintext', async () => {
    for (const [input, length] of [
      [{ KeySpec: 'AES_256' }, 32],
      [{ KeySpec: 'AES_128' }, 16],
      [{ NumberOfBytes: 1 }, 1],
      [{ NumberOfBytes: 1024 }, 1024]
    ] as const) {
      const dk = await c.t.call('GenerateDataKey', {
        KeyId: sym.KeyId,
        EncryptionContext: { use: 'dk' },
        ...input
      })
      expect(dk.Plaintext!.length).toBe(length)
      expect(dk.KeyId).toBe(sym.Arn)
      expect(dk.KeyMaterialId).toBe(sym.CurrentKeyMaterialId)
      const dec = await c.t.call('Decrypt', {
        CiphertextBlob: dk.CiphertextBlob,
        EncryptionContext: { use: 'dk' }
      })
      expect(hex(dec.Plaintext)).toBe(hex(dk.Plaintext))
    }
  })

  it('needs exactly one of KeySpec and NumberOfBytes, in range', async () => {
    const msg = 'Please specify either number of bytes or key spec.'
    await expectError(c.t.call('GenerateDataKey', { KeyId: sym.KeyId }), 'ValidationException', msg)
    await expectError(
      c.t.call('GenerateDataKey', { KeyId: sym.KeyId, KeySpec: 'AES_256', NumberOfBytes: 32 }),
      'ValidationException',
      msg
    )
    await expectError(
      c.t.call('GenerateDataKeyWithoutPlaintext', { KeyId: sym.KeyId, NumberOfBytes: 1025 }),
      'ValidationException',
      "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024"
    )
    await expectError(
      c.t.call('GenerateDataKey', { KeyId: sym.KeyId, KeySpec: 'AES_512' }),
      'ValidationException',
      "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]"
    )
  })

  it('returns no plaintext from GenerateDataKeyWithoutPlaintext', async () => {
    const dk = await c.t.call('GenerateDataKeyWithoutPlaintext', {
      KeyId: sym.Arn,
      KeySpec: 'AES_256'
    })
    expect(dk).not.toHaveProperty('Plaintext')
    expect(dk.KeyId).toBe(sym.Arn)
    const dec = await c.t.call('Decrypt', { CiphertextBlob: dk.CiphertextBlob })
    expect(dec.Plaintext!.length).toBe(32)
  })

  it.skipIf(c.lacks('keyUsageRules'))('refuses asymmetric and non-encryption keys', async () => {
    await expectError(
      c.t.call('GenerateDataKey', { KeyId: rsa.KeyId, KeySpec: 'AES_256' }),
      'InvalidKeyUsageException',
      'You cannot generate a data key with an asymmetric CMK'
    )
    await expectError(
      c.t.call('GenerateDataKeyWithoutPlaintext', { KeyId: hmac.KeyId, KeySpec: 'AES_256' }),
      'InvalidKeyUsageException',
      `${hmac.Arn} key usage is GENERATE_VERIFY_MAC which is not valid for GenerateDataKeyWithoutPlaintext.`
    )
    await expectError(
      c.t.call('GenerateDataKeyPair', { KeyId: hmac.KeyId, KeyPairSpec: 'ECC_NIST_P256' }),
      'InvalidKeyUsageException',
      `${hmac.Arn} key usage is GENERATE_VERIFY_MAC which is not valid for GenerateDataKeyPair.`
    )
  })

  it.skipIf(c.lacks('dataKeyPairs'))(
    'generates data key pairs of every spec: PKCS#8 private key, SPKI public key',
    async () => {
      const specs = [
        ['RSA_2048', 'rsa'],
        ['ECC_NIST_P256', 'ec'],
        ['ECC_NIST_P384', 'ec'],
        ['ECC_NIST_P521', 'ec'],
        ['ECC_SECG_P256K1', 'ec'],
        ['ECC_NIST_EDWARDS25519', 'ed25519']
      ] as const
      for (const [spec, type] of specs) {
        const pair = await c.t.call('GenerateDataKeyPair', {
          KeyId: sym.KeyId,
          KeyPairSpec: spec,
          EncryptionContext: { pair: spec }
        })
        expect(pair).toMatchObject({ KeyId: sym.Arn, KeyPairSpec: spec })
        const priv = createPrivateKey({
          key: Buffer.from(pair.PrivateKeyPlaintext!),
          format: 'der',
          type: 'pkcs8'
        })
        const pub = createPublicKey({
          key: Buffer.from(pair.PublicKey!),
          format: 'der',
          type: 'spki'
        })
        expect(priv.asymmetricKeyType).toBe(type)
        expect(hex(createPublicKey(priv).export({ format: 'der', type: 'spki' }))).toBe(
          hex(pub.export({ format: 'der', type: 'spki' }))
        )
        const dec = await c.t.call('Decrypt', {
          CiphertextBlob: pair.PrivateKeyCiphertextBlob,
          EncryptionContext: { pair: spec }
        })
        expect(hex(dec.Plaintext)).toBe(hex(pair.PrivateKeyPlaintext))
      }
    }
  )

  it.skipIf(c.lacks('dataKeyPairs'))(
    'generates a data key pair without plaintext, and refuses asymmetric KMS keys',
    async () => {
      const pair = await c.t.call('GenerateDataKeyPairWithoutPlaintext', {
        KeyId: sym.KeyId,
        KeyPairSpec: 'ECC_NIST_P256'
      })
      expect(pair).not.toHaveProperty('PrivateKeyPlaintext')
      const dec = await c.t.call('Decrypt', { CiphertextBlob: pair.PrivateKeyCiphertextBlob })
      const priv = createPrivateKey({
        key: Buffer.from(dec.Plaintext!),
        format: 'der',
        type: 'pkcs8'
      })
      expect(hex(createPublicKey(priv).export({ format: 'der', type: 'spki' }))).toBe(
        hex(pair.PublicKey)
      )
      await expectError(
        c.t.call('GenerateDataKeyPairWithoutPlaintext', {
          KeyId: rsa.KeyId,
          KeyPairSpec: 'ECC_NIST_P256'
        }),
        'InvalidKeyUsageException',
        'You cannot generate a data key pair with an asymmetric CMK'
      )
      await expectError(
        c.t.call('GenerateDataKeyPair', { KeyId: sym.KeyId, KeyPairSpec: 'RSA_1024' }),
        'ValidationException',
        /^1 validation error detected: Value 'RSA_1024' at 'keyPairSpec' failed to satisfy constraint: Member must satisfy enum value set: \[/
      )
    }
  )

  it.skipIf(c.lacks('dryRun', 'dataKeyPairs'))(
    'answers DryRunOperationException for the data key operations',
    async () => {
      const msg = 'The request would have succeeded, but the DryRun option is set.'
      await expectError(
        c.t.call('GenerateDataKey', { KeyId: sym.KeyId, KeySpec: 'AES_256', DryRun: true }),
        'DryRunOperationException',
        msg
      )
      await expectError(
        c.t.call('GenerateDataKeyPairWithoutPlaintext', {
          KeyId: sym.KeyId,
          KeyPairSpec: 'RSA_2048',
          DryRun: true
        }),
        'DryRunOperationException',
        msg
      )
    }
  )

  it('generates 1 to 1024 random bytes', async () => {
    const a = await c.t.call('GenerateRandom', { NumberOfBytes: 1024 })
    const b = await c.t.call('GenerateRandom', { NumberOfBytes: 1024 })
    expect(a.Plaintext!.length).toBe(1024)
    expect(hex(a.Plaintext)).not.toBe(hex(b.Plaintext))
    expect((await c.t.call('GenerateRandom', { NumberOfBytes: 1 })).Plaintext!.length).toBe(1)
    await expectError(
      c.t.call('GenerateRandom', { NumberOfBytes: 0 }),
      'ValidationException',
      "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1"
    )
    await expectError(
      c.t.call('GenerateRandom', { NumberOfBytes: 1025 }),
      'ValidationException',
      "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024"
    )
  })
})
