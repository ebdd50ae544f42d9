// Interoperability of the lab's cryptography with standard tools: signatures verify with the
// real `openssl` binary against the PEM of GetPublicKey, openssl's RSA-OAEP ciphertexts decrypt
// in the lab, and a data key works with Node's own AES-GCM.
import { execFileSync } from 'node:child_process'
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  randomBytes
} from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from '../../src/main/backends/local/lab'
import { withTempLab } from '../helpers/lab'

const region = 'us-east-1'
let lab: Lab
let cleanup: () => Promise<void>
let dir: string
const message = Buffer.from('Signed by KeyLab, checked by openssl.\n')

const call = <T = Record<string, Uint8Array & string>>(op: string, input: object): Promise<T> =>
  lab.engine.call(op as 'Sign', input, { region }) as Promise<T>

function file(name: string, data: Uint8Array | string): string {
  const path = join(dir, name)
  writeFileSync(path, data)
  return path
}

function openssl(args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

async function publicPem(keyId: string): Promise<string> {
  const { PublicKey } = await call<{ PublicKey: Uint8Array }>('GetPublicKey', { KeyId: keyId })
  const pem = createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' })
    .export({ format: 'pem', type: 'spki' })
    .toString()
  return file(`${keyId}.pem`, pem)
}

async function newKey(KeySpec: string, KeyUsage: string): Promise<string> {
  const { KeyMetadata } = await call<{ KeyMetadata: { KeyId: string } }>('CreateKey', {
    KeySpec,
    KeyUsage
  })
  return KeyMetadata.KeyId
}

async function sign(keyId: string, alg: string, digest?: Buffer): Promise<string> {
  const { Signature } = await call<{ Signature: Uint8Array }>('Sign', {
    KeyId: keyId,
    Message: digest ? new Uint8Array(digest) : new Uint8Array(message),
    MessageType: digest ? 'DIGEST' : 'RAW',
    SigningAlgorithm: alg
  })
  return file(`${keyId}-${alg}-${digest ? 'd' : 'r'}.sig`, Signature)
}

beforeAll(() => {
  ;({ lab, cleanup } = withTempLab())
  dir = mkdtempSync(join(tmpdir(), 'keylab-openssl-'))
})
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await cleanup()
})

describe('interoperability with openssl', () => {
  const rsaCases: Array<[string, string[]]> = [
    ['RSASSA_PSS_SHA_256', ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32']],
    ['RSASSA_PSS_SHA_512', ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:64']],
    ['RSASSA_PKCS1_V1_5_SHA_256', []],
    ['RSASSA_PKCS1_V1_5_SHA_384', []]
  ]

  it.each(rsaCases)(
    'an RSA %s signature (RAW and DIGEST) verifies with openssl',
    async (alg, opts) => {
      const keyId = await newKey('RSA_2048', 'SIGN_VERIFY')
      const pem = await publicPem(keyId)
      const md = `sha${alg.slice(-3)}`
      const msgFile = file('message.txt', message)
      for (const sig of [
        await sign(keyId, alg),
        await sign(keyId, alg, createHash(md).update(message).digest())
      ]) {
        const out = openssl(['dgst', `-${md}`, ...opts, '-verify', pem, '-signature', sig, msgFile])
        expect(out.trim()).toBe('Verified OK')
      }
    }
  )

  it('an ECDSA P-256 signature (RAW and DIGEST) verifies with openssl', async () => {
    const keyId = await newKey('ECC_NIST_P256', 'SIGN_VERIFY')
    const pem = await publicPem(keyId)
    const msgFile = file('message.txt', message)
    const digest = createHash('sha256').update(message).digest()
    for (const sig of [
      await sign(keyId, 'ECDSA_SHA_256'),
      await sign(keyId, 'ECDSA_SHA_256', digest)
    ]) {
      const out = openssl(['dgst', '-sha256', '-verify', pem, '-signature', sig, msgFile])
      expect(out.trim()).toBe('Verified OK')
    }
  })

  it('an Ed25519 signature verifies with openssl', async () => {
    const keyId = await newKey('ECC_NIST_EDWARDS25519', 'SIGN_VERIFY')
    const pem = await publicPem(keyId)
    const sig = await sign(keyId, 'ED25519_SHA_512')
    const msgFile = file('message.txt', message)
    const out = openssl([
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      pem,
      '-rawin',
      '-in',
      msgFile,
      '-sigfile',
      sig
    ])
    expect(out.trim()).toBe('Signature Verified Successfully')
  })

  it('openssl rejects a signature of another message', async () => {
    const keyId = await newKey('ECC_NIST_P256', 'SIGN_VERIFY')
    const pem = await publicPem(keyId)
    const sig = await sign(keyId, 'ECDSA_SHA_256')
    const other = file('other.txt', 'something else')
    let stdout = ''
    try {
      openssl(['dgst', '-sha256', '-verify', pem, '-signature', sig, other])
    } catch (e) {
      stdout = String((e as { stdout?: string }).stdout)
    }
    expect(stdout.trim()).toBe('Verification failure')
  })

  it('data encrypted by openssl pkeyutl with RSA-OAEP SHA-256 decrypts in the lab', async () => {
    const keyId = await newKey('RSA_3072', 'ENCRYPT_DECRYPT')
    const pem = await publicPem(keyId)
    const secret = randomBytes(200)
    const plainFile = file('plain.bin', secret)
    const ctFile = join(dir, 'cipher.bin')
    openssl([
      'pkeyutl',
      '-encrypt',
      '-pubin',
      '-inkey',
      pem,
      '-pkeyopt',
      'rsa_padding_mode:oaep',
      '-pkeyopt',
      'rsa_oaep_md:sha256',
      '-pkeyopt',
      'rsa_mgf1_md:sha256',
      '-in',
      plainFile,
      '-out',
      ctFile
    ])
    const { Plaintext } = await call<{ Plaintext: Uint8Array }>('Decrypt', {
      KeyId: keyId,
      CiphertextBlob: new Uint8Array(readFileSync(ctFile)),
      EncryptionAlgorithm: 'RSAES_OAEP_SHA_256'
    })
    expect(Buffer.from(Plaintext).equals(secret)).toBe(true)
  })

  it("a data key from GenerateDataKey decrypts a blob made with Node's own AES-GCM", async () => {
    const keyId = (await call<{ KeyMetadata: { KeyId: string } }>('CreateKey', {})).KeyMetadata
      .KeyId
    const dk = await call<{ Plaintext: Uint8Array; CiphertextBlob: Uint8Array }>(
      'GenerateDataKey',
      {
        KeyId: keyId,
        KeySpec: 'AES_256'
      }
    )
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', dk.Plaintext, iv)
    const data = Buffer.concat([cipher.update('envelope encryption'), cipher.final()])
    const tag = cipher.getAuthTag()
    const { Plaintext: recovered } = await call<{ Plaintext: Uint8Array }>('Decrypt', {
      CiphertextBlob: dk.CiphertextBlob
    })
    const decipher = createDecipheriv('aes-256-gcm', recovered, iv)
    decipher.setAuthTag(tag)
    const back = Buffer.concat([decipher.update(data), decipher.final()]).toString()
    expect(back).toBe('envelope encryption')
  })
})
