// Contract: the workshop's own terminal steps with the real openssl binary: decode the base64
// public key and token, `openssl rand` 32 bytes, wrap them with `openssl pkeyutl` (or the
// workshop's original `rsautl`), and import; also SHA-256, RSA_AES_KEY_WRAP with openssl's
// id-aes256-wrap-pad, and an RSA private key.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import {
  publicKeyFile,
  wrapCommands
} from '../../src/renderer/src/components/import/import-options'
import { tempDir } from '../helpers/lab'
import { hex, openssl } from '../helpers/openssl'
import { contract } from './contract'
import { createExternalKey, DAY, describe } from './import-helpers'

const OAEP_SHA256 = ['-pkeyopt', 'rsa_oaep_md:sha256', '-pkeyopt', 'rsa_mgf1_md:sha256']

contract('Import with the workshop openssl commands', ['importedMaterial'], (c) => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

  /** get-parameters-for-import, then the workshop's base64 files decoded with openssl. */
  async function download(keyId: string, algorithm: string, spec: string) {
    const dir = tempDir('keylab-workshop-')
    dirs.push(dir)
    const out = await c.t.call('GetParametersForImport', {
      KeyId: keyId,
      WrappingAlgorithm: algorithm,
      WrappingKeySpec: spec
    })
    writeFileSync(join(dir, 'pkey.b64'), Buffer.from(out.PublicKey!).toString('base64'))
    writeFileSync(join(dir, 'token.b64'), Buffer.from(out.ImportToken!).toString('base64'))
    openssl(dir, ['enc', '-d', '-base64', '-A', '-in', 'pkey.b64', '-out', 'pkey.bin'])
    openssl(dir, ['enc', '-d', '-base64', '-A', '-in', 'token.b64', '-out', 'token.bin'])
    return { dir, now: out.ParametersValidTo!.getTime() - DAY }
  }

  async function importFiles(keyId: string, dir: string, wrapped: string, validTo: number) {
    return c.t.call('ImportKeyMaterial', {
      KeyId: keyId,
      EncryptedKeyMaterial: readFileSync(join(dir, wrapped)),
      ImportToken: readFileSync(join(dir, 'token.bin')),
      ExpirationModel: 'KEY_MATERIAL_EXPIRES',
      ValidTo: new Date(validTo)
    })
  }

  /** The AWS guide's RSA_AES_KEY_WRAP steps: AES-KWP the material, RSA-OAEP the AES key. */
  function aesKeyWrap(dir: string, plaintext: string, oaep: string[]): string {
    openssl(dir, ['rand', '-out', 'aes-key.bin', '32'])
    const aesKey = hex(readFileSync(join(dir, 'aes-key.bin')))
    openssl(
      dir,
      ['enc', '-id-aes256-wrap-pad', '-K', aesKey, '-iv', 'A65959A6'].concat([
        '-in',
        plaintext,
        '-out',
        'key-material-wrapped.bin'
      ])
    )
    openssl(
      dir,
      ['pkeyutl', '-encrypt', '-in', 'aes-key.bin', '-out', 'aes-key-wrapped.bin'].concat([
        '-inkey',
        'pkey.bin',
        '-keyform',
        'DER',
        '-pubin',
        '-pkeyopt',
        'rsa_padding_mode:oaep',
        ...oaep
      ])
    )
    writeFileSync(
      join(dir, 'EncryptedKeyMaterial.bin'),
      Buffer.concat([
        readFileSync(join(dir, 'aes-key-wrapped.bin')),
        readFileSync(join(dir, 'key-material-wrapped.bin'))
      ])
    )
    return 'EncryptedKeyMaterial.bin'
  }

  it('imports genkey.bin wrapped with pkeyutl RSAES_OAEP_SHA_1, as the workshop does', async () => {
    const key = await createExternalKey(c)
    const { dir, now } = await download(key.KeyId, 'RSAES_OAEP_SHA_1', 'RSA_2048')
    openssl(dir, ['rand', '-out', 'genkey.bin', '32'])
    openssl(
      dir,
      ['pkeyutl', '-encrypt', '-pubin', '-keyform', 'DER', '-inkey', 'pkey.bin'].concat(
        ['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha1'],
        ['-in', 'genkey.bin', '-out', 'WrappedKeyMaterial.bin']
      )
    )
    const out = await importFiles(key.KeyId, dir, 'WrappedKeyMaterial.bin', now + 30 * DAY)
    expect(await describe(c, key.KeyId)).toMatchObject({
      KeyState: 'Enabled',
      CurrentKeyMaterialId: out.KeyMaterialId
    })
  })

  it("imports with the workshop's original rsautl -oaep command", async () => {
    const key = await createExternalKey(c)
    const { dir, now } = await download(key.KeyId, 'RSAES_OAEP_SHA_1', 'RSA_2048')
    openssl(dir, ['rand', '-out', 'genkey.bin', '32'])
    openssl(
      dir,
      ['rsautl', '-encrypt', '-in', 'genkey.bin', '-oaep', '-inkey', 'pkey.bin'].concat([
        '-keyform',
        'DER',
        '-pubin',
        '-out',
        'WrappedKeyMaterial.bin'
      ])
    )
    await importFiles(key.KeyId, dir, 'WrappedKeyMaterial.bin', now + DAY)
    expect((await describe(c, key.KeyId)).KeyState).toBe('Enabled')
  })

  it('imports with RSAES_OAEP_SHA_256 under RSA_3072', async () => {
    const key = await createExternalKey(c)
    const { dir, now } = await download(key.KeyId, 'RSAES_OAEP_SHA_256', 'RSA_3072')
    openssl(dir, ['rand', '-out', 'genkey.bin', '32'])
    openssl(
      dir,
      ['pkeyutl', '-encrypt', '-pubin', '-keyform', 'DER', '-inkey', 'pkey.bin'].concat(
        ['-pkeyopt', 'rsa_padding_mode:oaep', ...OAEP_SHA256],
        ['-in', 'genkey.bin', '-out', 'WrappedKeyMaterial.bin']
      )
    )
    await importFiles(key.KeyId, dir, 'WrappedKeyMaterial.bin', now + DAY)
    expect((await describe(c, key.KeyId)).KeyState).toBe('Enabled')
  })

  it('imports with RSA_AES_KEY_WRAP_SHA_256 (openssl id-aes256-wrap-pad), and reimports the same file', async () => {
    const key = await createExternalKey(c)
    const { dir, now } = await download(key.KeyId, 'RSA_AES_KEY_WRAP_SHA_256', 'RSA_4096')
    openssl(dir, ['rand', '-out', 'genkey.bin', '32'])
    const wrapped = aesKeyWrap(dir, 'genkey.bin', OAEP_SHA256)
    const first = await importFiles(key.KeyId, dir, wrapped, now + DAY)
    const again = await importFiles(key.KeyId, dir, wrapped, now + 2 * DAY)
    expect(again.KeyMaterialId).toBe(first.KeyMaterialId)
  })

  it('imports an RSA private key (PKCS#8 DER) with RSA_AES_KEY_WRAP_SHA_1', async () => {
    const key = await createExternalKey(c, { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' })
    const { dir, now } = await download(key.KeyId, 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_4096')
    openssl(dir, [
      'genpkey',
      '-algorithm',
      'RSA',
      '-pkeyopt',
      'rsa_keygen_bits:2048',
      '-out',
      'private.pem'
    ])
    openssl(
      dir,
      ['pkcs8', '-topk8', '-inform', 'PEM', '-outform', 'DER', '-nocrypt'].concat([
        '-in',
        'private.pem',
        '-out',
        'PlaintextKeyMaterial.der'
      ])
    )
    const wrapped = aesKeyWrap(dir, 'PlaintextKeyMaterial.der', ['-pkeyopt', 'rsa_oaep_md:sha1'])
    const out = await importFiles(key.KeyId, dir, wrapped, now + DAY)
    expect(out.KeyMaterialId).toBeUndefined()
    expect(await describe(c, key.KeyId)).toMatchObject({ KeyState: 'Enabled', KeySpec: 'RSA_2048' })
  })
})

contract("The import wizard's terminal commands", ['importedMaterial'], (c) => {
  for (const [keySpec, usage, algorithm] of [
    ['SYMMETRIC_DEFAULT', undefined, 'RSAES_OAEP_SHA_256'],
    ['SYMMETRIC_DEFAULT', undefined, 'RSA_AES_KEY_WRAP_SHA_1'],
    ['HMAC_512', 'GENERATE_VERIFY_MAC', 'RSAES_OAEP_SHA_1'],
    ['ECC_NIST_P384', 'SIGN_VERIFY', 'RSAES_OAEP_SHA_256'],
    ['RSA_3072', 'SIGN_VERIFY', 'RSA_AES_KEY_WRAP_SHA_256']
  ] as const) {
    it(`make and wrap ${keySpec} material the target imports (${algorithm})`, async () => {
      const key = await createExternalKey(c, { KeySpec: keySpec, KeyUsage: usage })
      const dir = tempDir('keylab-wizard-')
      try {
        const out = await c.t.call('GetParametersForImport', {
          KeyId: key.KeyId,
          WrappingAlgorithm: algorithm,
          WrappingKeySpec: 'RSA_4096'
        })
        writeFileSync(join(dir, publicKeyFile(key.KeyId)), out.PublicKey!)
        const commands = wrapCommands(key.KeyId, keySpec, algorithm)
        execFileSync('bash', ['-euo', 'pipefail', '-c', commands], { cwd: dir, stdio: 'pipe' })
        await c.t.call('ImportKeyMaterial', {
          KeyId: key.KeyId,
          ImportToken: out.ImportToken,
          EncryptedKeyMaterial: readFileSync(join(dir, 'EncryptedKeyMaterial.bin')),
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE'
        })
        expect((await describe(c, key.KeyId)).KeyState).toBe('Enabled')
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  }
})
