// Contract: Encrypt, Decrypt and ReEncrypt with symmetric and RSA keys, and their errors.
import { beforeAll, expect, it } from 'vitest'
import type { KeyMetadata } from '../../src/shared/kms/types'
import { contract, expectError } from './contract'
import { bytes, createKey, flipped, hex, text } from './crypto-keys'

contract('Encrypt, Decrypt, ReEncrypt', (c) => {
  let sym: KeyMetadata
  let other: KeyMetadata
  let rsa: KeyMetadata
  let signing: KeyMetadata
  beforeAll(async () => {
    ;[sym, other, rsa, signing] = await Promise.all([
      createKey(c),
      createKey(c),
      createKey(c, 'RSA_2048', 'ENCRYPT_DECRYPT'),
      createKey(c, 'ECC_NIST_P256', 'SIGN_VERIFY')
    ])
  })

  it.skipIf(c.lacks('responseMembers'))(
    'round-trips with a symmetric key, by id, ARN and without KeyId on Decrypt',
    async () => {
      const ctx = { purpose: 'contract', tenant: 'a' }
      const enc = await c.t.call('Encrypt', {
        KeyId: sym.KeyId,
        Plaintext: bytes('hello lab'),
        EncryptionContext: ctx
      })
      expect(enc).toMatchObject({ KeyId: sym.Arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' })
      expect(enc.CiphertextBlob!.length).toBeGreaterThan(9)
      const dec = await c.t.call('Decrypt', {
        CiphertextBlob: enc.CiphertextBlob,
        EncryptionContext: { tenant: 'a', purpose: 'contract' }
      })
      expect(text(dec.Plaintext)).toBe('hello lab')
      expect(dec).toMatchObject({ KeyId: sym.Arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' })
      expect(dec.KeyMaterialId).toBe(sym.CurrentKeyMaterialId)
      const byArn = await c.t.call('Decrypt', {
        CiphertextBlob: enc.CiphertextBlob,
        EncryptionContext: ctx,
        KeyId: sym.Arn
      })
      expect(text(byArn.Plaintext)).toBe('hello lab')
    }
  )

  it('takes 1 to 4096 bytes of plaintext', async () => {
    const big = new Uint8Array(4096).fill(7)
    const enc = await c.t.call('Encrypt', { KeyId: sym.KeyId, Plaintext: big })
    const dec = await c.t.call('Decrypt', { CiphertextBlob: enc.CiphertextBlob })
    expect(hex(dec.Plaintext)).toBe(hex(big))
    await expectError(
      c.t.call('Encrypt', { KeyId: sym.KeyId, Plaintext: new Uint8Array(4097) }),
      'ValidationException',
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096"
    )
    await expectError(
      c.t.call('Encrypt', { KeyId: sym.KeyId, Plaintext: new Uint8Array(0) }),
      'ValidationException',
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1"
    )
  })

  it('fails with InvalidCiphertextException for a wrong or missing context', async () => {
    const enc = await c.t.call('Encrypt', {
      KeyId: sym.KeyId,
      Plaintext: bytes('bound'),
      EncryptionContext: { a: '1' }
    })
    await expectError(
      c.t.call('Decrypt', { CiphertextBlob: enc.CiphertextBlob }),
      'InvalidCiphertextException'
    )
    await expectError(
      c.t.call('Decrypt', { CiphertextBlob: enc.CiphertextBlob, EncryptionContext: { a: '2' } }),
      'InvalidCiphertextException'
    )
    await expectError(
      c.t.call('Decrypt', {
        CiphertextBlob: enc.CiphertextBlob,
        EncryptionContext: { a: '1', b: '2' }
      }),
      'InvalidCiphertextException'
    )
  })

  it.skipIf(c.lacks('ciphertexts'))(
    'fails with InvalidCiphertextException for a tampered, truncated or foreign blob',
    async () => {
      const enc = await c.t.call('Encrypt', { KeyId: sym.KeyId, Plaintext: bytes('intact') })
      const blob = enc.CiphertextBlob!
      for (const i of [0, 5, 30, 60, 70, blob.length - 1]) {
        await expectError(
          c.t.call('Decrypt', { CiphertextBlob: flipped(blob, i) }),
          'InvalidCiphertextException'
        )
      }
      await expectError(
        c.t.call('Decrypt', { CiphertextBlob: blob.subarray(0, blob.length - 1) }),
        'InvalidCiphertextException'
      )
      await expectError(
        c.t.call('Decrypt', { CiphertextBlob: bytes('not a ciphertext of this lab') }),
        'InvalidCiphertextException'
      )
    }
  )

  it.skipIf(c.lacks('ciphertexts'))(
    'answers IncorrectKeyException when KeyId names another key',
    async () => {
      const enc = await c.t.call('Encrypt', { KeyId: sym.KeyId, Plaintext: bytes('mine') })
      await expectError(
        c.t.call('Decrypt', { CiphertextBlob: enc.CiphertextBlob, KeyId: other.KeyId }),
        'IncorrectKeyException',
        'The key ID in the request does not identify a CMK that can perform this operation.'
      )
    }
  )

  it.skipIf(c.lacks('keyUsageRules'))(
    'refuses a key whose usage is not ENCRYPT_DECRYPT, naming the key and operation',
    async () => {
      await expectError(
        c.t.call('Encrypt', { KeyId: signing.KeyId, Plaintext: bytes('x') }),
        'InvalidKeyUsageException',
        `${signing.Arn} key usage is SIGN_VERIFY which is not valid for Encrypt.`
      )
    }
  )

  it('answers NotFoundException for an unknown key', async () => {
    const id = '0000aaaa-0000-4000-8000-000000000001'
    await expectError(
      c.t.call('Encrypt', { KeyId: id, Plaintext: bytes('x') }),
      'NotFoundException',
      `Key 'arn:aws:kms:${c.t.region}:${c.t.accountId}:key/${id}' does not exist`
    )
  })

  it.skipIf(c.lacks('keyUsageRules'))(
    'refuses an algorithm the key spec does not offer',
    async () => {
      await expectError(
        c.t.call('Encrypt', {
          KeyId: sym.KeyId,
          Plaintext: bytes('x'),
          EncryptionAlgorithm: 'RSAES_OAEP_SHA_256'
        }),
        'InvalidKeyUsageException',
        'Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SYMMETRIC_DEFAULT.'
      )
      await expectError(
        c.t.call('Encrypt', { KeyId: rsa.KeyId, Plaintext: bytes('x') }),
        'InvalidKeyUsageException',
        'Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.'
      )
    }
  )

  it.skipIf(c.lacks('rsaEncryption'))(
    'round-trips with RSA OAEP SHA-1 and SHA-256 and enforces the size limits',
    async () => {
      for (const [alg, limit] of [
        ['RSAES_OAEP_SHA_1', 214],
        ['RSAES_OAEP_SHA_256', 190]
      ] as const) {
        const plain = new Uint8Array(limit).fill(3)
        const enc = await c.t.call('Encrypt', {
          KeyId: rsa.KeyId,
          Plaintext: plain,
          EncryptionAlgorithm: alg
        })
        expect(enc.CiphertextBlob!.length).toBe(256)
        expect(enc.EncryptionAlgorithm).toBe(alg)
        const dec = await c.t.call('Decrypt', {
          CiphertextBlob: enc.CiphertextBlob,
          KeyId: rsa.Arn,
          EncryptionAlgorithm: alg
        })
        expect(hex(dec.Plaintext)).toBe(hex(plain))
        expect(dec).toMatchObject({ KeyId: rsa.Arn, EncryptionAlgorithm: alg })
        await expectError(
          c.t.call('Encrypt', {
            KeyId: rsa.KeyId,
            Plaintext: new Uint8Array(limit + 1),
            EncryptionAlgorithm: alg
          }),
          'ValidationException',
          `Algorithm ${alg} and key spec RSA_2048 cannot encrypt data larger than ${limit} bytes.`
        )
      }
    }
  )

  it.skipIf(c.lacks('rsaEncryption'))(
    'refuses a wrong RSA algorithm or a garbled RSA ciphertext',
    async () => {
      const enc = await c.t.call('Encrypt', {
        KeyId: rsa.KeyId,
        Plaintext: bytes('oaep'),
        EncryptionAlgorithm: 'RSAES_OAEP_SHA_256'
      })
      await expectError(
        c.t.call('Decrypt', {
          CiphertextBlob: enc.CiphertextBlob,
          KeyId: rsa.KeyId,
          EncryptionAlgorithm: 'RSAES_OAEP_SHA_1'
        }),
        'InvalidCiphertextException'
      )
      await expectError(
        c.t.call('Decrypt', {
          CiphertextBlob: flipped(enc.CiphertextBlob!, 100),
          KeyId: rsa.KeyId,
          EncryptionAlgorithm: 'RSAES_OAEP_SHA_256'
        }),
        'InvalidCiphertextException'
      )
      await expectError(
        c.t.call('Decrypt', { CiphertextBlob: enc.CiphertextBlob, KeyId: rsa.KeyId }),
        'InvalidCiphertextException'
      )
    }
  )

  it.skipIf(c.lacks('responseMembers', 'keyUsageRules'))(
    're-encrypts from one key and context to another',
    async () => {
      const enc = await c.t.call('Encrypt', {
        KeyId: sym.KeyId,
        Plaintext: bytes('moving'),
        EncryptionContext: { step: '1' }
      })
      const re = await c.t.call('ReEncrypt', {
        CiphertextBlob: enc.CiphertextBlob,
        SourceEncryptionContext: { step: '1' },
        DestinationKeyId: other.KeyId,
        DestinationEncryptionContext: { step: '2' }
      })
      expect(re).toMatchObject({
        SourceKeyId: sym.Arn,
        KeyId: other.Arn,
        SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT'
      })
      const dec = await c.t.call('Decrypt', {
        CiphertextBlob: re.CiphertextBlob,
        EncryptionContext: { step: '2' }
      })
      expect(text(dec.Plaintext)).toBe('moving')
      expect(dec.KeyId).toBe(other.Arn)
      const toRsa = await c.t.call('ReEncrypt', {
        CiphertextBlob: re.CiphertextBlob,
        SourceEncryptionContext: { step: '2' },
        DestinationKeyId: rsa.Arn,
        DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256'
      })
      const back = await c.t.call('Decrypt', {
        CiphertextBlob: toRsa.CiphertextBlob,
        KeyId: rsa.KeyId,
        EncryptionAlgorithm: 'RSAES_OAEP_SHA_256'
      })
      expect(text(back.Plaintext)).toBe('moving')
      await expectError(
        c.t.call('ReEncrypt', {
          CiphertextBlob: re.CiphertextBlob,
          DestinationKeyId: sym.KeyId
        }),
        'InvalidCiphertextException'
      )
      await expectError(
        c.t.call('ReEncrypt', {
          CiphertextBlob: re.CiphertextBlob,
          SourceEncryptionContext: { step: '2' },
          DestinationKeyId: signing.KeyId
        }),
        'InvalidKeyUsageException',
        `${signing.Arn} key usage is SIGN_VERIFY which is not valid for ReEncrypt.`
      )
    }
  )

  it.skipIf(c.lacks('dryRun'))(
    'answers DryRunOperationException for DryRun and accepts GrantTokens',
    async () => {
      const msg = 'The request would have succeeded, but the DryRun option is set.'
      await expectError(
        c.t.call('Encrypt', { KeyId: sym.KeyId, Plaintext: bytes('x'), DryRun: true }),
        'DryRunOperationException',
        msg
      )
      const enc = await c.t.call('Encrypt', {
        KeyId: sym.KeyId,
        Plaintext: bytes('x'),
        GrantTokens: ['a-grant-token']
      })
      await expectError(
        c.t.call('Decrypt', { CiphertextBlob: enc.CiphertextBlob, DryRun: true }),
        'DryRunOperationException',
        msg
      )
      await expectError(
        c.t.call('ReEncrypt', {
          CiphertextBlob: enc.CiphertextBlob,
          DestinationKeyId: other.KeyId,
          DryRun: true
        }),
        'DryRunOperationException',
        msg
      )
    }
  )
})
