// Contract: Sign and Verify with every signing algorithm, RAW and DIGEST, and their errors.
import { createHash } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import type { KeyMetadata } from '../../src/shared/kms/types'
import { contract, expectError } from './contract'
import { bytes, createKey, flipped } from './crypto-keys'

const MESSAGE = bytes('KeyLab signs this message')
const digest = (bits: number, m = MESSAGE): Uint8Array =>
  new Uint8Array(createHash(`sha${bits}`).update(m).digest())
const bitsOf = (alg: string): number => Number(alg.slice(-3))

contract('Sign, Verify', (c) => {
  const keys: Record<string, KeyMetadata> = {}
  let sym: KeyMetadata
  beforeAll(async () => {
    const specs = [
      'RSA_2048',
      'ECC_NIST_P256',
      'ECC_NIST_P384',
      'ECC_NIST_P521',
      'ECC_SECG_P256K1',
      ...(c.lacks('ed25519') ? [] : ['ECC_NIST_EDWARDS25519'])
    ]
    const made = await Promise.all(specs.map((s) => createKey(c, s, 'SIGN_VERIFY')))
    specs.forEach((s, i) => (keys[s] = made[i]))
    sym = await createKey(c)
  })

  const RSA_ALGS = [
    'RSASSA_PSS_SHA_256',
    'RSASSA_PSS_SHA_384',
    'RSASSA_PSS_SHA_512',
    'RSASSA_PKCS1_V1_5_SHA_256',
    'RSASSA_PKCS1_V1_5_SHA_384',
    'RSASSA_PKCS1_V1_5_SHA_512'
  ]
  const HASHED: Array<[string, string]> = [
    ...RSA_ALGS.map((a) => ['RSA_2048', a] as [string, string]),
    ['ECC_NIST_P256', 'ECDSA_SHA_256'],
    ['ECC_NIST_P384', 'ECDSA_SHA_384'],
    ['ECC_NIST_P521', 'ECDSA_SHA_512'],
    ['ECC_SECG_P256K1', 'ECDSA_SHA_256']
  ]

  it.skipIf(c.lacks('signing')).each(HASHED)(
    '%s %s: RAW and DIGEST signatures verify in either mode',
    async (spec, alg) => {
      const key = keys[spec]
      const d = digest(bitsOf(alg))
      const raw = await c.t.call('Sign', {
        KeyId: key.KeyId,
        Message: MESSAGE,
        SigningAlgorithm: alg
      })
      expect(raw).toMatchObject({ KeyId: key.Arn, SigningAlgorithm: alg })
      const dig = await c.t.call('Sign', {
        KeyId: key.Arn,
        Message: d,
        MessageType: 'DIGEST',
        SigningAlgorithm: alg
      })
      for (const signature of [raw.Signature, dig.Signature]) {
        const v1 = await c.t.call('Verify', {
          KeyId: key.KeyId,
          Message: MESSAGE,
          MessageType: 'RAW',
          Signature: signature,
          SigningAlgorithm: alg
        })
        expect(v1).toMatchObject({ KeyId: key.Arn, SignatureValid: true, SigningAlgorithm: alg })
        const v2 = await c.t.call('Verify', {
          KeyId: key.KeyId,
          Message: d,
          MessageType: 'DIGEST',
          Signature: signature,
          SigningAlgorithm: alg
        })
        expect(v2.SignatureValid).toBe(true)
      }
      await expectError(
        c.t.call('Verify', {
          KeyId: key.KeyId,
          Message: bytes('another message'),
          Signature: raw.Signature,
          SigningAlgorithm: alg
        }),
        'KMSInvalidSignatureException'
      )
      await expectError(
        c.t.call('Verify', {
          KeyId: key.KeyId,
          Message: d,
          MessageType: 'DIGEST',
          Signature: flipped(dig.Signature!, 10),
          SigningAlgorithm: alg
        }),
        'KMSInvalidSignatureException'
      )
    }
  )

  it.skipIf(c.lacks('ed25519'))(
    'signs with ED25519_SHA_512 (RAW) and ED25519_PH_SHA_512 (DIGEST)',
    async () => {
      const key = keys.ECC_NIST_EDWARDS25519
      const raw = await c.t.call('Sign', {
        KeyId: key.KeyId,
        Message: MESSAGE,
        SigningAlgorithm: 'ED25519_SHA_512'
      })
      expect(raw.Signature!.length).toBe(64)
      const ok = await c.t.call('Verify', {
        KeyId: key.KeyId,
        Message: MESSAGE,
        Signature: raw.Signature,
        SigningAlgorithm: 'ED25519_SHA_512'
      })
      expect(ok.SignatureValid).toBe(true)
      const ph = await c.t.call('Sign', {
        KeyId: key.KeyId,
        Message: digest(512),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ED25519_PH_SHA_512'
      })
      expect(ph.Signature!.length).toBe(64)
      const phOk = await c.t.call('Verify', {
        KeyId: key.KeyId,
        Message: digest(512),
        MessageType: 'DIGEST',
        Signature: ph.Signature,
        SigningAlgorithm: 'ED25519_PH_SHA_512'
      })
      expect(phOk.SignatureValid).toBe(true)
      await expectError(
        c.t.call('Verify', {
          KeyId: key.KeyId,
          Message: digest(512),
          MessageType: 'DIGEST',
          Signature: raw.Signature,
          SigningAlgorithm: 'ED25519_PH_SHA_512'
        }),
        'KMSInvalidSignatureException'
      )
      await expectError(
        c.t.call('Sign', {
          KeyId: key.KeyId,
          Message: digest(512),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ED25519_SHA_512'
        }),
        'ValidationException',
        'Message type DIGEST is incompatible with algorithm ED25519_SHA_512.'
      )
      await expectError(
        c.t.call('Sign', {
          KeyId: key.KeyId,
          Message: MESSAGE,
          SigningAlgorithm: 'ED25519_PH_SHA_512'
        }),
        'ValidationException',
        'Message type RAW is incompatible with algorithm ED25519_PH_SHA_512.'
      )
    }
  )

  it.skipIf(c.lacks('signing', 'ed25519'))('checks the digest length per algorithm', async () => {
    await expectError(
      c.t.call('Sign', {
        KeyId: keys.ECC_NIST_P256.KeyId,
        Message: digest(384),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256'
      }),
      'ValidationException',
      'Digest is invalid length for algorithm ECDSA_SHA_256.'
    )
    await expectError(
      c.t.call('Verify', {
        KeyId: keys.RSA_2048.KeyId,
        Message: digest(256),
        MessageType: 'DIGEST',
        Signature: new Uint8Array(256),
        SigningAlgorithm: 'RSASSA_PSS_SHA_512'
      }),
      'ValidationException',
      'Digest is invalid length for algorithm RSASSA_PSS_SHA_512.'
    )
    await expectError(
      c.t.call('Sign', {
        KeyId: keys.ECC_NIST_EDWARDS25519.KeyId,
        Message: digest(256),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ED25519_PH_SHA_512'
      }),
      'ValidationException',
      'Digest is invalid length for algorithm ED25519_PH_SHA_512.'
    )
  })

  it.skipIf(c.lacks('signing'))(
    'refuses an algorithm of another key spec, and keys that do not sign',
    async () => {
      await expectError(
        c.t.call('Sign', {
          KeyId: keys.ECC_NIST_P256.KeyId,
          Message: MESSAGE,
          SigningAlgorithm: 'ECDSA_SHA_384'
        }),
        'InvalidKeyUsageException',
        'Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.'
      )
      await expectError(
        c.t.call('Sign', {
          KeyId: keys.RSA_2048.KeyId,
          Message: MESSAGE,
          SigningAlgorithm: 'ECDSA_SHA_256'
        }),
        'InvalidKeyUsageException',
        'Algorithm ECDSA_SHA_256 is incompatible with key spec RSA_2048.'
      )
      await expectError(
        c.t.call('Sign', { KeyId: sym.KeyId, Message: MESSAGE, SigningAlgorithm: 'ECDSA_SHA_256' }),
        'InvalidKeyUsageException',
        `${sym.Arn} key usage is ENCRYPT_DECRYPT which is not valid for Sign.`
      )
      await expectError(
        c.t.call('Verify', {
          KeyId: sym.KeyId,
          Message: MESSAGE,
          Signature: new Uint8Array(64),
          SigningAlgorithm: 'ECDSA_SHA_256'
        }),
        'InvalidKeyUsageException',
        `${sym.Arn} key usage is ENCRYPT_DECRYPT which is not valid for Verify.`
      )
    }
  )

  it('validates the message, algorithm and message type members', async () => {
    const key = keys.ECC_NIST_P256.KeyId
    await expectError(
      c.t.call('Sign', {
        KeyId: key,
        Message: new Uint8Array(4097),
        SigningAlgorithm: 'ECDSA_SHA_256'
      }),
      'ValidationException',
      "1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length less than or equal to 4096"
    )
    await expectError(
      c.t.call('Sign', { KeyId: key, Message: MESSAGE }),
      'ValidationException',
      "1 validation error detected: Value null at 'signingAlgorithm' failed to satisfy constraint: Member must not be null"
    )
    await expectError(
      c.t.call('Sign', {
        KeyId: key,
        Message: MESSAGE,
        MessageType: 'HASH',
        SigningAlgorithm: 'ECDSA_SHA_256'
      }),
      'ValidationException',
      "1 validation error detected: Value 'HASH' at 'messageType' failed to satisfy constraint: Member must satisfy enum value set: [RAW, DIGEST, EXTERNAL_MU]"
    )
  })

  it.skipIf(c.lacks('dryRun'))('answers DryRunOperationException for Sign and Verify', async () => {
    const msg = 'The request would have succeeded, but the DryRun option is set.'
    const key = keys.ECC_NIST_P256.KeyId
    await expectError(
      c.t.call('Sign', {
        KeyId: key,
        Message: MESSAGE,
        SigningAlgorithm: 'ECDSA_SHA_256',
        DryRun: true
      }),
      'DryRunOperationException',
      msg
    )
    await expectError(
      c.t.call('Verify', {
        KeyId: key,
        Message: MESSAGE,
        Signature: new Uint8Array(70),
        SigningAlgorithm: 'ECDSA_SHA_256',
        GrantTokens: ['token'],
        DryRun: true
      }),
      'DryRunOperationException',
      msg
    )
  })
})
