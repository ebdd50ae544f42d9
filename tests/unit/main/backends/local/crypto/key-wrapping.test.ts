// The import wrapping algorithms against the real openssl binary: what the lab wraps, openssl
// unwraps, and the other way round; tampered material does not unwrap.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  oaepCapacity,
  unwrapKeyMaterial,
  wrapKeyMaterial,
  wrappedSizeFits,
  type LabWrappingAlgorithm
} from '../../../../../../src/main/backends/local/crypto/key-wrapping'
import { tempDir } from '../../../../../helpers/lab'
import { hex, openssl } from '../../../../../helpers/openssl'

const pair = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'der' },
  privateKeyEncoding: { type: 'pkcs8', format: 'der' }
})
const dir = tempDir('keylab-wrap-')
writeFileSync(join(dir, 'priv.der'), pair.privateKey)
writeFileSync(join(dir, 'pub.der'), pair.publicKey)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const md = (algorithm: LabWrappingAlgorithm): string[] => {
  const h = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256'
  return [
    '-pkeyopt',
    'rsa_padding_mode:oaep',
    '-pkeyopt',
    `rsa_oaep_md:${h}`,
    '-pkeyopt',
    `rsa_mgf1_md:${h}`
  ]
}
const rsaDecrypt = (algorithm: LabWrappingAlgorithm, input: string, output: string): void =>
  openssl(
    dir,
    ['pkeyutl', '-decrypt', '-inkey', 'priv.der', '-keyform', 'DER'].concat(md(algorithm), [
      '-in',
      input,
      '-out',
      output
    ])
  )

describe('key wrapping', () => {
  for (const algorithm of ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] as const) {
    it(`${algorithm}: openssl unwraps what the lab wraps, and the lab what openssl wraps`, () => {
      const material = randomBytes(32)
      writeFileSync(join(dir, 'lab.bin'), wrapKeyMaterial(pair.publicKey, algorithm, material))
      rsaDecrypt(algorithm, 'lab.bin', 'lab.out')
      expect(readFileSync(join(dir, 'lab.out')).equals(material)).toBe(true)

      writeFileSync(join(dir, 'm.bin'), material)
      openssl(
        dir,
        ['pkeyutl', '-encrypt', '-pubin', '-keyform', 'DER', '-inkey', 'pub.der'].concat(
          md(algorithm),
          ['-in', 'm.bin', '-out', 'ossl.bin']
        )
      )
      const wrapped = readFileSync(join(dir, 'ossl.bin'))
      expect(wrappedSizeFits(wrapped, algorithm, 'RSA_2048')).toBe(true)
      expect(unwrapKeyMaterial(pair.privateKey, algorithm, wrapped).equals(material)).toBe(true)
    })
  }

  for (const algorithm of ['RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256'] as const) {
    it(`${algorithm}: an RSA-OAEP AES key, then AES key wrap with padding, as openssl makes it`, () => {
      const material = randomBytes(1217)
      const wrapped = wrapKeyMaterial(pair.publicKey, algorithm, material)
      expect(wrappedSizeFits(wrapped, algorithm, 'RSA_2048')).toBe(true)
      writeFileSync(join(dir, 'aes.bin'), wrapped.subarray(0, 256))
      writeFileSync(join(dir, 'kwp.bin'), wrapped.subarray(256))
      rsaDecrypt(algorithm, 'aes.bin', 'aes.out')
      const aesKey = readFileSync(join(dir, 'aes.out'))
      expect(aesKey.length).toBe(32)
      openssl(
        dir,
        ['enc', '-d', '-id-aes256-wrap-pad', '-K', hex(aesKey), '-iv', 'A65959A6'].concat([
          '-in',
          'kwp.bin',
          '-out',
          'kwp.out'
        ])
      )
      expect(readFileSync(join(dir, 'kwp.out')).equals(material)).toBe(true)
      expect(unwrapKeyMaterial(pair.privateKey, algorithm, wrapped).equals(material)).toBe(true)
    })
  }

  it('fails to unwrap tampered material or material for another algorithm', () => {
    const material = randomBytes(32)
    const oaep = wrapKeyMaterial(pair.publicKey, 'RSAES_OAEP_SHA_256', material)
    expect(() => unwrapKeyMaterial(pair.privateKey, 'RSAES_OAEP_SHA_1', oaep)).toThrow()
    const kwp = wrapKeyMaterial(pair.publicKey, 'RSA_AES_KEY_WRAP_SHA_256', material)
    kwp[kwp.length - 1] ^= 1
    expect(() => unwrapKeyMaterial(pair.privateKey, 'RSA_AES_KEY_WRAP_SHA_256', kwp)).toThrow()
  })

  it('knows what RSA-OAEP can carry', () => {
    expect(oaepCapacity('RSA_2048', 'RSAES_OAEP_SHA_1')).toBe(214)
    expect(oaepCapacity('RSA_2048', 'RSAES_OAEP_SHA_256')).toBe(190)
    expect(oaepCapacity('RSA_4096', 'RSAES_OAEP_SHA_256')).toBe(446)
  })
})
