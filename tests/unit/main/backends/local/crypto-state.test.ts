// Key state and rotation for the cryptographic operations: every call needs an Enabled key
// (DisabledException, KMSInvalidStateException), and old ciphertexts decrypt after rotation.
import { createHash, createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LabEngine } from '../../../../../src/main/backends/local/engine'
import type { Lab } from '../../../../../src/main/backends/local/lab'
import type { KeyMetadata } from '../../../../../src/shared/kms/types'
import { withTempLab } from '../../../../helpers/lab'
import { addMaterialVersion, labState, setKeyState } from '../../../../helpers/lab-state'

const region = 'us-east-1'
let lab: Lab
let cleanup: () => Promise<void>
let engine: LabEngine
const call = (op: string, input: object) =>
  engine.call(op as 'Encrypt', input, { region }) as Promise<Record<string, Uint8Array & string>>
const create = async (KeySpec: string, KeyUsage?: string): Promise<KeyMetadata> =>
  (await call('CreateKey', { KeySpec, KeyUsage })).KeyMetadata as unknown as KeyMetadata

beforeAll(() => {
  ;({ lab, cleanup } = withTempLab())
  engine = lab.engine
})
afterAll(() => cleanup())

const msg = new TextEncoder().encode('state')

describe('key state in cryptographic operations', () => {
  const cases: Array<[string, string, string | undefined, (k: KeyMetadata) => object]> = [
    ['Encrypt', 'SYMMETRIC_DEFAULT', undefined, (k) => ({ KeyId: k.KeyId, Plaintext: msg })],
    [
      'GenerateDataKey',
      'SYMMETRIC_DEFAULT',
      undefined,
      (k) => ({ KeyId: k.KeyId, KeySpec: 'AES_256' })
    ],
    [
      'GenerateDataKeyPair',
      'SYMMETRIC_DEFAULT',
      undefined,
      (k) => ({ KeyId: k.KeyId, KeyPairSpec: 'ECC_NIST_P256' })
    ],
    [
      'Sign',
      'ECC_NIST_P256',
      'SIGN_VERIFY',
      (k) => ({ KeyId: k.KeyId, Message: msg, SigningAlgorithm: 'ECDSA_SHA_256' })
    ],
    [
      'Verify',
      'ECC_NIST_P256',
      'SIGN_VERIFY',
      (k) => ({
        KeyId: k.KeyId,
        Message: msg,
        Signature: new Uint8Array(70),
        SigningAlgorithm: 'ECDSA_SHA_256'
      })
    ],
    [
      'GenerateMac',
      'HMAC_256',
      'GENERATE_VERIFY_MAC',
      (k) => ({ KeyId: k.KeyId, Message: msg, MacAlgorithm: 'HMAC_SHA_256' })
    ],
    ['GetPublicKey', 'RSA_2048', 'ENCRYPT_DECRYPT', (k) => ({ KeyId: k.KeyId })],
    [
      'DeriveSharedSecret',
      'ECC_NIST_P256',
      'KEY_AGREEMENT',
      (k) => ({ KeyId: k.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: new Uint8Array(91) })
    ]
  ]

  it.each(cases)('%s needs an Enabled key', async (op, spec, usage, input) => {
    const key = await create(spec, usage)
    setKeyState(engine, key.KeyId!, 'Disabled')
    await expect(call(op, input(key))).rejects.toMatchObject({
      name: 'DisabledException',
      message: `${key.Arn} is disabled.`
    })
    setKeyState(engine, key.KeyId!, 'PendingDeletion')
    await expect(call(op, input(key))).rejects.toMatchObject({
      name: 'KMSInvalidStateException',
      message: `${key.Arn} is pending deletion.`
    })
    setKeyState(engine, key.KeyId!, 'PendingImport')
    await expect(call(op, input(key))).rejects.toMatchObject({
      name: 'KMSInvalidStateException',
      message: `${key.Arn} is pending import.`
    })
  })

  it('Decrypt and ReEncrypt check the state of the key the blob names', async () => {
    const key = await create('SYMMETRIC_DEFAULT')
    const dest = await create('SYMMETRIC_DEFAULT')
    const { CiphertextBlob } = await call('Encrypt', { KeyId: key.KeyId, Plaintext: msg })
    setKeyState(engine, key.KeyId!, 'Disabled')
    await expect(call('Decrypt', { CiphertextBlob })).rejects.toMatchObject({
      name: 'DisabledException',
      message: `${key.Arn} is disabled.`
    })
    setKeyState(engine, key.KeyId!, 'Enabled')
    setKeyState(engine, dest.KeyId!, 'PendingDeletion')
    await expect(
      call('ReEncrypt', { CiphertextBlob, DestinationKeyId: dest.KeyId })
    ).rejects.toMatchObject({
      name: 'KMSInvalidStateException',
      message: `${dest.Arn} is pending deletion.`
    })
  })
})

describe('rotation', () => {
  it('decrypts ciphertexts of every material version; new ones use the current version', async () => {
    const key = await create('SYMMETRIC_DEFAULT')
    const first = await call('Encrypt', {
      KeyId: key.KeyId,
      Plaintext: msg,
      EncryptionContext: { v: '1' }
    })
    const v2 = addMaterialVersion(engine, key.KeyId!)
    const second = await call('Encrypt', { KeyId: key.KeyId, Plaintext: msg })
    addMaterialVersion(engine, key.KeyId!)
    const old = await call('Decrypt', {
      CiphertextBlob: first.CiphertextBlob,
      EncryptionContext: { v: '1' }
    })
    expect(old.KeyMaterialId).toBe(key.CurrentKeyMaterialId)
    expect(Buffer.from(old.Plaintext!).toString()).toBe('state')
    expect((await call('Decrypt', { CiphertextBlob: second.CiphertextBlob })).KeyMaterialId).toBe(
      v2
    )
    const dk = await call('GenerateDataKey', { KeyId: key.KeyId, NumberOfBytes: 8 })
    expect(dk.KeyMaterialId).not.toBe(v2)
    expect(dk.KeyMaterialId).not.toBe(key.CurrentKeyMaterialId)
  })

  it('survives a restart: material versions are read back from the store', async () => {
    const { lab: other, dir, cleanup: done } = withTempLab()
    try {
      const e = other.engine
      const { KeyMetadata: md } = await e.call('CreateKey', {}, { region })
      const blob = (await e.call('Encrypt', { KeyId: md!.KeyId, Plaintext: msg }, { region }))
        .CiphertextBlob
      addMaterialVersion(e, md!.KeyId!)
      await other.close()
      const { openTestLab } = await import('../../../../helpers/lab')
      const reopened = openTestLab(dir)
      const dec = await reopened.engine.call('Decrypt', { CiphertextBlob: blob }, { region })
      expect(Buffer.from(dec.Plaintext!).toString()).toBe('state')
      await reopened.close()
    } finally {
      await done()
    }
  })
})

describe('what the lab computes', () => {
  it('GenerateMac is RFC 2104 HMAC under the key material', async () => {
    const key = await create('HMAC_384', 'GENERATE_VERIFY_MAC')
    const s = labState(engine)
    const record = s.key(key.KeyId!)!
    const material = s.material(key.KeyId!, record.materials[0].id)!
    const { Mac } = await call('GenerateMac', {
      KeyId: key.KeyId,
      Message: msg,
      MacAlgorithm: 'HMAC_SHA_384'
    })
    expect(Buffer.from(Mac!).toString('hex')).toBe(
      createHmac('sha384', material).update(msg).digest('hex')
    )
  })

  it('ED25519_PH_SHA_512 over SHA-512(m) equals RFC 8032 Ed25519ph of m', async () => {
    const { ed25519ph } = await import('@noble/curves/ed25519.js')
    const key = await create('ECC_NIST_EDWARDS25519', 'SIGN_VERIFY')
    const s = labState(engine)
    const material = s.material(key.KeyId!, s.key(key.KeyId!)!.materials[0].id)!
    const { createPrivateKey } = await import('node:crypto')
    const seed = Buffer.from(
      createPrivateKey({ key: material, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' })
        .d!,
      'base64url'
    )
    const { Signature } = await call('Sign', {
      KeyId: key.KeyId,
      Message: new Uint8Array(createHash('sha512').update(msg).digest()),
      MessageType: 'DIGEST',
      SigningAlgorithm: 'ED25519_PH_SHA_512'
    })
    expect(Buffer.from(Signature!).toString('hex')).toBe(
      Buffer.from(ed25519ph.sign(msg, new Uint8Array(seed))).toString('hex')
    )
  })

  it('sends the no-message exceptions with an empty message, as AWS does', async () => {
    const key = await create('SYMMETRIC_DEFAULT')
    await expect(
      call('Decrypt', { CiphertextBlob: new Uint8Array(100), KeyId: key.KeyId })
    ).rejects.toMatchObject({ name: 'InvalidCiphertextException', message: '' })
  })
})
