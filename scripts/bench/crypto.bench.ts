// In-process speed of the lab's cryptographic operations (engine.call: validation, key lookup,
// state and usage checks, the primitive, the AWS-shaped answer) beside the raw Node crypto speed
// of the same primitive, measured in the same run. Target: Encrypt, Decrypt and GenerateDataKey
// at >= 50% of raw AES-GCM speed.
import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  randomBytes,
  sign,
  verify
} from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLab } from '../../src/main/backends/local/lab'
import { measure, table } from './measure'

const region = 'us-east-1'
const MS = Number(process.env.BENCH_MS ?? 1000)

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keylab-bench-'))
  const lab = openLab({
    dataDir: dir,
    unlock: { passphrase: 'bench' },
    scryptCost: { N: 1024, r: 8, p: 1 }
  })
  const e = lab.engine
  const call = <T>(op: string, input: object): Promise<T> =>
    e.call(op as 'Encrypt', input, { region }) as Promise<T>
  try {
    const create = async (KeySpec: string, KeyUsage?: string): Promise<string> =>
      (await call<{ KeyMetadata: { KeyId: string } }>('CreateKey', { KeySpec, KeyUsage }))
        .KeyMetadata.KeyId
    const sym = await create('SYMMETRIC_DEFAULT')
    const rsa = await create('RSA_2048', 'SIGN_VERIFY')
    const ec = await create('ECC_NIST_P256', 'SIGN_VERIFY')

    const plain = randomBytes(4096)
    const { CiphertextBlob } = await call<{ CiphertextBlob: Uint8Array }>('Encrypt', {
      KeyId: sym,
      Plaintext: plain
    })
    const aesKey = randomBytes(32)
    const rawEncrypt = (data: Uint8Array): Buffer[] => {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', aesKey, iv)
      return [iv, c.update(data), c.final(), c.getAuthTag()]
    }
    const [iv, body, , tag] = rawEncrypt(plain)
    const rawDecrypt = (): Buffer => {
      const d = createDecipheriv('aes-256-gcm', aesKey, iv)
      d.setAuthTag(tag)
      return Buffer.concat([d.update(body), d.final()])
    }

    const message = randomBytes(256)
    const material = async (keyId: string) => {
      const { PublicKey } = await call<{ PublicKey: Uint8Array }>('GetPublicKey', { KeyId: keyId })
      return createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' })
    }
    // Raw baselines sign with a key of the same spec generated here (the lab's stays sealed).
    const { generateKeyPairSync } = await import('node:crypto')
    const rawRsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const rawEc = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const rsaPub = await material(rsa)
    const ecPub = await material(ec)
    const sig = async (KeyId: string, SigningAlgorithm: string) =>
      (await call<{ Signature: Uint8Array }>('Sign', { KeyId, Message: message, SigningAlgorithm }))
        .Signature
    const rsaSig = await sig(rsa, 'RSASSA_PKCS1_V1_5_SHA_256')
    const ecSig = await sig(ec, 'ECDSA_SHA_256')
    const rawRsaSig = sign('sha256', message, rawRsa.privateKey)
    const rawEcSig = sign('sha256', message, rawEc.privateKey)
    if (!verify('sha256', message, rsaPub, rsaSig) || !verify('sha256', message, ecPub, ecSig))
      throw new Error('lab signatures do not verify')

    const pairs: Array<[string, () => unknown, () => unknown]> = [
      [
        'Encrypt 4 KB (AES-256-GCM)',
        () => call('Encrypt', { KeyId: sym, Plaintext: plain }),
        () => rawEncrypt(plain)
      ],
      ['Decrypt 4 KB (AES-256-GCM)', () => call('Decrypt', { CiphertextBlob }), rawDecrypt],
      [
        'GenerateDataKey AES_256',
        () => call('GenerateDataKey', { KeyId: sym, KeySpec: 'AES_256' }),
        () => rawEncrypt(randomBytes(32))
      ],
      [
        'Sign RSA_2048 PKCS1 SHA-256',
        () =>
          call('Sign', {
            KeyId: rsa,
            Message: message,
            SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256'
          }),
        () => sign('sha256', message, rawRsa.privateKey)
      ],
      [
        'Verify RSA_2048 PKCS1 SHA-256',
        () =>
          call('Verify', {
            KeyId: rsa,
            Message: message,
            Signature: rsaSig,
            SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256'
          }),
        () => verify('sha256', message, rawRsa.publicKey, rawRsaSig)
      ],
      [
        'Sign ECC_NIST_P256 ECDSA SHA-256',
        () => call('Sign', { KeyId: ec, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' }),
        () => sign('sha256', message, rawEc.privateKey)
      ],
      [
        'Verify ECC_NIST_P256 ECDSA SHA-256',
        () =>
          call('Verify', {
            KeyId: ec,
            Message: message,
            Signature: ecSig,
            SigningAlgorithm: 'ECDSA_SHA_256'
          }),
        () => verify('sha256', message, rawEc.publicKey, rawEcSig)
      ]
    ]
    const rows: Array<Record<string, string | number>> = []
    for (const [name, labFn, rawFn] of pairs) {
      const raw = await measure(`${name} raw`, rawFn, MS)
      const labFig = await measure(`${name} lab`, labFn, MS)
      rows.push({
        operation: name,
        'lab ops/s': labFig.opsPerSec,
        'raw ops/s': raw.opsPerSec,
        'lab/raw': `${Math.round((labFig.opsPerSec / raw.opsPerSec) * 100)}%`,
        'lab µs/op': labFig.meanUs
      })
    }
    table(rows)
  } finally {
    await lab.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
