// Contract: GenerateMac, VerifyMac, GetPublicKey and DeriveSharedSecret.
import { createPublicKey, diffieHellman, generateKeyPairSync } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import type { KeyMetadata } from '../../src/shared/kms/types'
import { contract, expectError } from './contract'
import { bytes, createKey, flipped, hex } from './crypto-keys'

const MESSAGE = bytes('a message to authenticate')

contract('GenerateMac, VerifyMac, GetPublicKey, DeriveSharedSecret', (c) => {
  const hmacs: Record<number, KeyMetadata> = {}
  let sym: KeyMetadata
  let rsaSign: KeyMetadata
  let rsaEnc: KeyMetadata
  let agreement: KeyMetadata
  let signing: KeyMetadata
  beforeAll(async () => {
    const bits = [224, 256, 384, 512]
    const made = await Promise.all(
      bits.map((b) => createKey(c, `HMAC_${b}`, 'GENERATE_VERIFY_MAC'))
    )
    bits.forEach((b, i) => (hmacs[b] = made[i]))
    ;[sym, rsaSign, rsaEnc, agreement, signing] = await Promise.all([
      createKey(c),
      createKey(c, 'RSA_2048', 'SIGN_VERIFY'),
      createKey(c, 'RSA_3072', 'ENCRYPT_DECRYPT'),
      createKey(c, 'ECC_NIST_P256', 'KEY_AGREEMENT'),
      createKey(c, 'ECC_NIST_P384', 'SIGN_VERIFY')
    ])
  })

  it.skipIf(c.lacks('keyArns')).each([224, 256, 384, 512])(
    'HMAC_%i generates a MAC that verifies',
    async (bits) => {
      const key = hmacs[bits]
      const alg = `HMAC_SHA_${bits}`
      const mac = await c.t.call('GenerateMac', {
        KeyId: key.KeyId,
        Message: MESSAGE,
        MacAlgorithm: alg
      })
      expect(mac).toMatchObject({ KeyId: key.Arn, MacAlgorithm: alg })
      expect(mac.Mac!.length).toBe(bits / 8)
      const again = await c.t.call('GenerateMac', {
        KeyId: key.Arn,
        Message: MESSAGE,
        MacAlgorithm: alg
      })
      expect(hex(again.Mac)).toBe(hex(mac.Mac))
      const ok = await c.t.call('VerifyMac', {
        KeyId: key.KeyId,
        Message: MESSAGE,
        Mac: mac.Mac,
        MacAlgorithm: alg
      })
      expect(ok).toMatchObject({ KeyId: key.Arn, MacValid: true, MacAlgorithm: alg })
      await expectError(
        c.t.call('VerifyMac', {
          KeyId: key.KeyId,
          Message: MESSAGE,
          Mac: flipped(mac.Mac!, 0),
          MacAlgorithm: alg
        }),
        'KMSInvalidMacException'
      )
      await expectError(
        c.t.call('VerifyMac', {
          KeyId: key.KeyId,
          Message: bytes('another message'),
          Mac: mac.Mac,
          MacAlgorithm: alg
        }),
        'KMSInvalidMacException'
      )
    }
  )

  it.skipIf(c.lacks('keyUsageRules', 'dryRun'))(
    'refuses a MAC algorithm that does not match the key spec, and non-MAC keys',
    async () => {
      await expectError(
        c.t.call('GenerateMac', {
          KeyId: hmacs[256].KeyId,
          Message: MESSAGE,
          MacAlgorithm: 'HMAC_SHA_384'
        }),
        'InvalidKeyUsageException',
        'Algorithm HMAC_SHA_384 is incompatible with key spec HMAC_256.'
      )
      await expectError(
        c.t.call('GenerateMac', {
          KeyId: sym.KeyId,
          Message: MESSAGE,
          MacAlgorithm: 'HMAC_SHA_256'
        }),
        'InvalidKeyUsageException',
        `${sym.Arn} key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.`
      )
      await expectError(
        c.t.call('VerifyMac', {
          KeyId: sym.KeyId,
          Message: MESSAGE,
          Mac: new Uint8Array(32),
          MacAlgorithm: 'HMAC_SHA_256'
        }),
        'InvalidKeyUsageException',
        `${sym.Arn} key usage is ENCRYPT_DECRYPT which is not valid for VerifyMac.`
      )
      await expectError(
        c.t.call('GenerateMac', {
          KeyId: hmacs[256].KeyId,
          Message: MESSAGE,
          MacAlgorithm: 'HMAC_SHA_1',
          DryRun: true
        }),
        'ValidationException',
        /^1 validation error detected: Value 'HMAC_SHA_1' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: \[/
      )
      await expectError(
        c.t.call('GenerateMac', {
          KeyId: hmacs[256].KeyId,
          Message: MESSAGE,
          MacAlgorithm: 'HMAC_SHA_256',
          DryRun: true
        }),
        'DryRunOperationException',
        'The request would have succeeded, but the DryRun option is set.'
      )
    }
  )

  it.skipIf(c.lacks('publicKeys', 'keyAlgorithms'))(
    'returns the public key as SPKI DER with spec, usage and algorithms',
    async () => {
      const pub = await c.t.call('GetPublicKey', { KeyId: rsaSign.KeyId })
      expect(pub).toMatchObject({
        KeyId: rsaSign.Arn,
        KeySpec: 'RSA_2048',
        CustomerMasterKeySpec: 'RSA_2048',
        KeyUsage: 'SIGN_VERIFY',
        SigningAlgorithms: rsaSign.SigningAlgorithms
      })
      expect(pub).not.toHaveProperty('EncryptionAlgorithms')
      const key = createPublicKey({ key: Buffer.from(pub.PublicKey!), format: 'der', type: 'spki' })
      expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048)
      const enc = await c.t.call('GetPublicKey', { KeyId: rsaEnc.Arn })
      expect(enc).toMatchObject({
        KeyUsage: 'ENCRYPT_DECRYPT',
        EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256']
      })
      const ka = await c.t.call('GetPublicKey', { KeyId: agreement.KeyId })
      expect(ka).toMatchObject({ KeyUsage: 'KEY_AGREEMENT', KeyAgreementAlgorithms: ['ECDH'] })
      await expectError(
        c.t.call('GetPublicKey', { KeyId: sym.KeyId }),
        'UnsupportedOperationException'
      )
      await expectError(
        c.t.call('GetPublicKey', { KeyId: hmacs[256].KeyId }),
        'UnsupportedOperationException'
      )
    }
  )

  it.skipIf(c.lacks('keyAgreement'))(
    'derives the ECDH shared secret with a peer key, as the peer does',
    async () => {
      const { KeyId, PublicKey } = await c.t.call('GetPublicKey', { KeyId: agreement.KeyId })
      const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      const peerSpki = peer.publicKey.export({ format: 'der', type: 'spki' })
      const out = await c.t.call('DeriveSharedSecret', {
        KeyId: agreement.KeyId,
        KeyAgreementAlgorithm: 'ECDH',
        PublicKey: new Uint8Array(peerSpki)
      })
      expect(out).toMatchObject({ KeyId, KeyAgreementAlgorithm: 'ECDH', KeyOrigin: 'AWS_KMS' })
      const theirs = diffieHellman({
        privateKey: peer.privateKey,
        publicKey: createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' })
      })
      expect(hex(out.SharedSecret)).toBe(hex(theirs))
      expect(out.SharedSecret!.length).toBe(32)
    }
  )

  it.skipIf(c.lacks('keyAgreement'))(
    'refuses a peer key on another curve, and keys not for key agreement',
    async () => {
      const other = generateKeyPairSync('ec', { namedCurve: 'secp384r1' })
      await expectError(
        c.t.call('DeriveSharedSecret', {
          KeyId: agreement.KeyId,
          KeyAgreementAlgorithm: 'ECDH',
          PublicKey: new Uint8Array(other.publicKey.export({ format: 'der', type: 'spki' }))
        }),
        'ValidationException'
      )
      await expectError(
        c.t.call('DeriveSharedSecret', {
          KeyId: signing.KeyId,
          KeyAgreementAlgorithm: 'ECDH',
          PublicKey: new Uint8Array(other.publicKey.export({ format: 'der', type: 'spki' }))
        }),
        'InvalidKeyUsageException',
        `${signing.Arn} key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.`
      )
      const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      await expectError(
        c.t.call('DeriveSharedSecret', {
          KeyId: agreement.KeyId,
          KeyAgreementAlgorithm: 'ECDH',
          PublicKey: new Uint8Array(peer.publicKey.export({ format: 'der', type: 'spki' })),
          DryRun: true
        }),
        'DryRunOperationException',
        'The request would have succeeded, but the DryRun option is set.'
      )
    }
  )
})
