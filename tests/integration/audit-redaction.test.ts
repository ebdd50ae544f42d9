// End-to-end redaction: every KMS operation runs through the real console services, engine and
// audit observer with recognizable plaintext, material, tokens and messages; then the audit
// database files, a decrypted dump of every table and both exports are searched for them and
// for every secret the operations returned. Operations the lab does not implement yet are still
// called (their request is recorded with UnsupportedOperationException), and are named.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditExporter } from '../../src/main/audit'
import { LAB_OPERATIONS } from '../../src/main/backends/local/operations'
import type { KmsApi, KmsOperationName } from '../../src/shared/kms/operations'
import { OPERATION_NAMES } from '../../src/shared/kms/operations'
import { openAuditLab, type AuditLab } from '../helpers/audit'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const secret = (name: string): Uint8Array => enc(`SECRET-${name}-${'x'.repeat(8)}`)
const token = (name: string): string => `GRANTTOKEN-${name}-${'y'.repeat(8)}`

interface Ctx {
  kms: KmsApi
  keyId: string
  /** Outputs of earlier calls, by operation. */
  out: Partial<Record<KmsOperationName, Record<string, unknown>>>
  key(spec: Record<string, unknown>): Promise<string>
}

type Recipe = (c: Ctx) => Record<string, unknown> | Promise<Record<string, unknown>>
const bytesOr = (v: unknown, fallback: Uint8Array): Uint8Array =>
  v instanceof Uint8Array ? v : fallback

const RECIPES = {
  CreateKey: () => ({ Description: 'redaction test key', Tags: [{ TagKey: 'k', TagValue: 'v' }] }),
  DescribeKey: (c) => ({ KeyId: c.keyId, GrantTokens: [token('DescribeKey')] }),
  ListKeys: () => ({ Limit: 10 }),
  Encrypt: (c) => ({
    KeyId: c.keyId,
    Plaintext: secret('Encrypt-Plaintext'),
    EncryptionContext: { purpose: 'redaction' },
    GrantTokens: [token('Encrypt')]
  }),
  Decrypt: (c) => ({
    CiphertextBlob: bytesOr(c.out.Encrypt?.CiphertextBlob, secret('Decrypt-CiphertextBlob')),
    EncryptionContext: { purpose: 'redaction' }
  }),
  ReEncrypt: (c) => ({
    CiphertextBlob: bytesOr(c.out.Encrypt?.CiphertextBlob, secret('ReEncrypt-CiphertextBlob')),
    SourceEncryptionContext: { purpose: 'redaction' },
    DestinationKeyId: c.keyId
  }),
  GenerateDataKey: (c) => ({
    KeyId: c.keyId,
    KeySpec: 'AES_256',
    GrantTokens: [token('GenerateDataKey')]
  }),
  GenerateDataKeyWithoutPlaintext: (c) => ({ KeyId: c.keyId, KeySpec: 'AES_256' }),
  GenerateDataKeyPair: (c) => ({ KeyId: c.keyId, KeyPairSpec: 'RSA_2048' }),
  GenerateDataKeyPairWithoutPlaintext: (c) => ({ KeyId: c.keyId, KeyPairSpec: 'ECC_NIST_P256' }),
  GenerateRandom: () => ({ NumberOfBytes: 32 }),
  Sign: async (c) => ({
    KeyId: await c.key({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }),
    Message: secret('Sign-Message'),
    MessageType: 'RAW',
    SigningAlgorithm: 'ECDSA_SHA_256'
  }),
  Verify: async (c) => ({
    KeyId: await c.key({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }),
    Message: secret('Verify-Message'),
    MessageType: 'RAW',
    Signature: bytesOr(c.out.Sign?.Signature, secret('Verify-Signature')),
    SigningAlgorithm: 'ECDSA_SHA_256'
  }),
  GetPublicKey: async (c) => ({
    KeyId: await c.key({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' })
  }),
  GenerateMac: async (c) => ({
    KeyId: await c.key({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }),
    Message: secret('GenerateMac-Message'),
    MacAlgorithm: 'HMAC_SHA_256'
  }),
  VerifyMac: async (c) => ({
    KeyId: await c.key({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }),
    Message: secret('VerifyMac-Message'),
    Mac: bytesOr(c.out.GenerateMac?.Mac, secret('VerifyMac-Mac')),
    MacAlgorithm: 'HMAC_SHA_256'
  }),
  DeriveSharedSecret: async (c) => ({
    KeyId: await c.key({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }),
    KeyAgreementAlgorithm: 'ECDH',
    PublicKey: bytesOr(c.out.GetPublicKey?.PublicKey, secret('DeriveSharedSecret-PublicKey'))
  }),
  GetParametersForImport: async (c) => ({
    KeyId: await c.key({ Origin: 'EXTERNAL' }),
    WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    WrappingKeySpec: 'RSA_2048'
  }),
  ImportKeyMaterial: async (c) => ({
    KeyId: await c.key({ Origin: 'EXTERNAL' }),
    ImportToken: bytesOr(
      c.out.GetParametersForImport?.ImportToken,
      secret('ImportKeyMaterial-ImportToken')
    ),
    EncryptedKeyMaterial: secret('ImportKeyMaterial-EncryptedKeyMaterial'),
    ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE'
  }),
  DeleteImportedKeyMaterial: async (c) => ({ KeyId: await c.key({ Origin: 'EXTERNAL' }) }),
  CreateGrant: (c) => ({
    KeyId: c.keyId,
    GranteePrincipal: 'arn:aws:iam::111122223333:user/grantee',
    Operations: ['Encrypt', 'Decrypt'],
    GrantTokens: [token('CreateGrant')]
  }),
  ListGrants: (c) => ({ KeyId: c.keyId }),
  ListRetirableGrants: () => ({ RetiringPrincipal: 'arn:aws:iam::111122223333:user/grantee' }),
  RetireGrant: (c) => ({
    GrantToken:
      typeof c.out.CreateGrant?.GrantToken === 'string'
        ? c.out.CreateGrant.GrantToken
        : token('RetireGrant')
  }),
  RevokeGrant: (c) => ({
    KeyId: c.keyId,
    GrantId: (c.out.CreateGrant?.GrantId as string) ?? 'grant-id'
  }),
  CreateAlias: (c) => ({ AliasName: 'alias/redaction', TargetKeyId: c.keyId }),
  UpdateAlias: (c) => ({ AliasName: 'alias/redaction', TargetKeyId: c.keyId }),
  ListAliases: () => ({}),
  DeleteAlias: () => ({ AliasName: 'alias/redaction' }),
  TagResource: (c) => ({ KeyId: c.keyId, Tags: [{ TagKey: 'env', TagValue: 'test' }] }),
  UntagResource: (c) => ({ KeyId: c.keyId, TagKeys: ['env'] }),
  ListResourceTags: (c) => ({ KeyId: c.keyId }),
  GetKeyPolicy: (c) => ({ KeyId: c.keyId, PolicyName: 'default' }),
  ListKeyPolicies: (c) => ({ KeyId: c.keyId }),
  PutKeyPolicy: (c) => ({
    KeyId: c.keyId,
    PolicyName: 'default',
    Policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'kms:*',
          Resource: '*'
        }
      ]
    })
  }),
  UpdateKeyDescription: (c) => ({ KeyId: c.keyId, Description: 'described' }),
  EnableKeyRotation: (c) => ({ KeyId: c.keyId, RotationPeriodInDays: 90 }),
  GetKeyRotationStatus: (c) => ({ KeyId: c.keyId }),
  DisableKeyRotation: (c) => ({ KeyId: c.keyId }),
  RotateKeyOnDemand: (c) => ({ KeyId: c.keyId }),
  ListKeyRotations: (c) => ({ KeyId: c.keyId }),
  DisableKey: (c) => ({ KeyId: c.keyId }),
  EnableKey: (c) => ({ KeyId: c.keyId }),
  ScheduleKeyDeletion: (c) => ({ KeyId: c.keyId, PendingWindowInDays: 7 }),
  CancelKeyDeletion: (c) => ({ KeyId: c.keyId })
} satisfies { [Op in KmsOperationName]: Recipe }

/** Order: producers before the operations that use their outputs; deletion last. */
const ORDER = Object.keys(RECIPES) as KmsOperationName[]

let env: AuditLab
const secrets: string[] = []
const notImplemented: string[] = []

function forms(value: Uint8Array | string): string[] {
  if (typeof value === 'string') return [value]
  const b = Buffer.from(value)
  return [b.toString('base64'), b.toString('hex'), ...(b.length >= 8 ? [b.toString('latin1')] : [])]
}

function collect(v: unknown, name = ''): void {
  if (v instanceof Uint8Array) secrets.push(...forms(v))
  else if (name === 'GrantToken' && typeof v === 'string') secrets.push(v)
  else if (Array.isArray(v)) v.forEach((x) => collect(x, name))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k)
}

beforeAll(async () => {
  env = openAuditLab()
  const kms = env.services.kms
  const keys = new Map<string, string>()
  const { KeyMetadata } = await kms.CreateKey({ Description: 'redaction target' })
  const ctx: Ctx = {
    kms,
    keyId: KeyMetadata?.KeyId as string,
    out: {},
    async key(spec) {
      const id = JSON.stringify(spec)
      if (!keys.has(id)) keys.set(id, (await kms.CreateKey(spec)).KeyMetadata?.KeyId as string)
      return keys.get(id) as string
    }
  }
  for (const op of ORDER) {
    const input = await (RECIPES[op] as Recipe)(ctx)
    collect(input)
    for (const t of (input.GrantTokens as string[] | undefined) ?? []) secrets.push(t)
    if (typeof input.GrantToken === 'string') secrets.push(input.GrantToken)
    if (!LAB_OPERATIONS[op]) notImplemented.push(op)
    try {
      const output = await (kms[op] as (i: unknown) => Promise<Record<string, unknown>>)(input)
      ctx.out[op] = output
      collect(output)
    } catch {
      // Recorded with its error; redaction of the request is what counts here.
    }
  }
  if (notImplemented.length) {
    console.log(
      `audit redaction e2e: not implemented by the lab in this build, so checked on the request ` +
        `only (recorded as UnsupportedOperationException): ${notImplemented.join(', ')}`
    )
  }
}, 120_000)

afterAll(async () => {
  await env.cleanup()
})

function dump(): string {
  const db = env.audit.db
  const tables = db
    .prepare("select name from sqlite_master where type = 'table'")
    .pluck()
    .all() as string[]
  return tables
    .map((t) =>
      JSON.stringify(db.prepare(`select * from ${t}`).all(), (_k, v) =>
        v && v.type === 'Buffer' ? Buffer.from(v.data).toString('hex') : v
      )
    )
    .join('\n')
}

function exported(format: 'cloudtrail' | 'csv'): string {
  const ex = new AuditExporter(env.audit.db, format, {}, env.audit.headSeq)
  let text = ''
  let cursor: string | undefined
  do {
    const c = ex.chunk(cursor)
    text += c.data
    cursor = c.done ? undefined : c.cursor
  } while (cursor)
  return text
}

describe('audit redaction through the real stack', () => {
  it('records one event per operation, every operation included', () => {
    env.audit.index.flush()
    const recorded = new Set(
      env.audit.db.prepare('select name from event_index').pluck().all() as string[]
    )
    for (const op of OPERATION_NAMES) expect(recorded.has(op), op).toBe(true)
  })

  it('keeps no secret in the decrypted tables, the exports, or the files on disk', () => {
    expect(secrets.length).toBeGreaterThan(20)
    const haystacks = {
      'decrypted tables': dump(),
      'CloudTrail export': exported('cloudtrail'),
      'CSV export': exported('csv')
    }
    for (const f of ['audit.db', 'audit.db-wal', 'audit-checkpoint.json', 'audit-signing.key']) {
      const file = join(env.dir, f)
      if (existsSync(file)) Object.assign(haystacks, { [f]: readFileSync(file, 'latin1') })
    }
    for (const [where, text] of Object.entries(haystacks)) {
      for (const s of secrets)
        expect(text.includes(s), `${where} holds ${s.slice(0, 40)}`).toBe(false)
    }
    expect(haystacks['decrypted tables']).toContain('redaction target')
  })
})
