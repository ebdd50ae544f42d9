// Generate-and-wrap through the console dispatcher: what it wraps imports into the lab and the
// plaintext it hands back is that material; it is refused off the lab and for bad input.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from '../../../../src/main/backends/local/lab'
import { LocalBackend } from '../../../../src/main/backends/local/local-backend'
import { dispatch } from '../../../../src/main/rpc/dispatch'
import { createServices, type Services } from '../../../../src/main/services/services'
import { openTestLab, tempDir } from '../../../helpers/lab'

let lab: Lab
let dir: string
let services: Services

beforeAll(() => {
  dir = tempDir()
  lab = openTestLab(dir)
  services = createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region: 'us-east-1',
    version: 't'
  })
})
afterAll(async () => {
  await lab.close()
  rmSync(dir, { recursive: true, force: true })
})

async function parameters(keySpec: string, algorithm: string) {
  const usage = keySpec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : 'GENERATE_VERIFY_MAC'
  const { KeyMetadata } = await services.kms.CreateKey({
    Origin: 'EXTERNAL',
    KeySpec: keySpec as 'HMAC_256',
    KeyUsage: usage
  })
  const p = await services.kms.GetParametersForImport({
    KeyId: KeyMetadata!.KeyId,
    WrappingAlgorithm: algorithm as 'RSAES_OAEP_SHA_1',
    WrappingKeySpec: 'RSA_2048'
  })
  return { keyId: KeyMetadata!.KeyId!, p }
}

describe('importTools.generateAndWrap', () => {
  for (const [keySpec, algorithm, bytes] of [
    ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 32],
    ['SYMMETRIC_DEFAULT', 'RSA_AES_KEY_WRAP_SHA_256', 32],
    ['HMAC_384', 'RSAES_OAEP_SHA_256', 48]
  ] as const) {
    it(`wraps ${bytes} fresh bytes for a ${keySpec} key with ${algorithm}`, async () => {
      const { keyId, p } = await parameters(keySpec, algorithm)
      const result = await dispatch(services, 'importTools', 'generateAndWrap', {
        publicKey: p.PublicKey,
        wrappingAlgorithm: algorithm,
        keySpec
      })
      if (!result.ok) throw new Error(result.error.message)
      const { plaintext, wrapped } = result.value as { plaintext: Uint8Array; wrapped: Uint8Array }
      expect(plaintext.length).toBe(bytes)
      await services.kms.ImportKeyMaterial({
        KeyId: keyId,
        ImportToken: p.ImportToken,
        EncryptedKeyMaterial: wrapped,
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE'
      })
      const { KeyMetadata } = await services.kms.DescribeKey({ KeyId: keyId })
      expect(KeyMetadata!.KeyState).toBe('Enabled')
    })
  }

  it('refuses a public key that is not RSA SPKI DER, and unknown members', async () => {
    const bad = await dispatch(services, 'importTools', 'generateAndWrap', {
      publicKey: new Uint8Array([1, 2, 3]),
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      keySpec: 'SYMMETRIC_DEFAULT'
    })
    expect(bad).toMatchObject({ ok: false, error: { name: 'ValidationException' } })
    const extra = await dispatch(services, 'importTools', 'generateAndWrap', {
      publicKey: new Uint8Array([1]),
      wrappingAlgorithm: 'RSAES_PKCS1_V1_5',
      keySpec: 'SYMMETRIC_DEFAULT'
    })
    expect(extra).toMatchObject({ ok: false, error: { name: 'ValidationException' } })
  })

  it('is offered only on the local lab', async () => {
    const offLab = createServices({
      backend: new LocalBackend(lab.engine),
      region: 'us-east-1',
      version: 't'
    })
    const { p } = await parameters('SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_256')
    const result = await dispatch(offLab, 'importTools', 'generateAndWrap', {
      publicKey: p.PublicKey,
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      keySpec: 'SYMMETRIC_DEFAULT'
    })
    expect(result).toMatchObject({ ok: false, error: { name: 'UnsupportedOperationException' } })
  })
})
