// Realistic audit traffic for benchmarks and big-log tests: calls as the console and the
// endpoint hand them to the log (mostly cryptographic, some management, 1% errors), built into
// records by the real record builder.
import { randomBytes, randomUUID } from 'node:crypto'
import { recordFromCall } from '../../src/main/audit/record-builder'
import type { CallRecord } from '../../src/main/backends/call-record'
import { KmsError } from '../../src/shared/errors'
import type { AuditRecord } from '../../src/shared/audit/record'
import type { KmsOperationName } from '../../src/shared/kms/operations'

const ACCOUNT = '111122223333'
export const SYNTHETIC_KEYS = Array.from({ length: 200 }, () => randomUUID())
const arn = (id: string): string => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`
const CLI_AGENT =
  'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard'

function metadata(keyId: string, i: number): Record<string, unknown> {
  return {
    AWSAccountId: ACCOUNT,
    KeyId: keyId,
    Arn: arn(keyId),
    CreationDate: new Date(),
    Enabled: true,
    Description: `key ${i}`,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false
  }
}

export function syntheticCall(i: number): CallRecord {
  const keyId = SYNTHETIC_KEYS[i % SYNTHETIC_KEYS.length]
  const kind = i % 20
  const endpoint = i % 3 === 0
  const context = { app: 'orders', tenant: `t${i % 50}` }
  let op: KmsOperationName = 'Encrypt'
  let input: Record<string, unknown> = {
    KeyId: keyId,
    Plaintext: randomBytes(16),
    EncryptionContext: context
  }
  let output: Record<string, unknown> = { KeyId: arn(keyId), CiphertextBlob: randomBytes(64) }
  if (kind < 6) {
    op = 'Decrypt'
    input = { CiphertextBlob: randomBytes(64), EncryptionContext: context }
  } else if (kind < 10) {
    op = 'GenerateDataKey'
    input = { KeyId: `alias/app-${i % 10}`, KeySpec: 'AES_256', EncryptionContext: context }
    output = { KeyId: arn(keyId), Plaintext: randomBytes(32), CiphertextBlob: randomBytes(64) }
  } else if (kind < 13) {
    op = 'DescribeKey'
    input = { KeyId: keyId }
    output = { KeyMetadata: metadata(keyId, i) }
  } else if (kind === 13) {
    op = 'CreateKey'
    input = { Description: `key ${i}`, Tags: [{ TagKey: 'team', TagValue: 'payments' }] }
    output = { KeyMetadata: metadata(keyId, i) }
  } else if (kind === 14) {
    op = 'ListKeys'
    input = { Limit: 100 }
    output = {}
  }
  return {
    operation: op,
    input,
    output,
    error:
      i % 100 === 99
        ? new KmsError('NotFoundException', `Key '${arn(keyId)}' does not exist`)
        : undefined,
    region: 'us-east-1',
    startedAt: Date.now(),
    labTime: Date.now(),
    requestId: randomUUID(),
    accountId: ACCOUNT,
    principalArn: endpoint ? `arn:aws:iam::${ACCOUNT}:user/ci-bot` : undefined,
    sourceIp: endpoint ? '127.0.0.1' : 'keylab-console',
    userAgent: endpoint ? CLI_AGENT : 'KeyLab console',
    backend: { kind: 'lab', label: 'Local lab' },
    via: endpoint ? 'endpoint' : 'console'
  }
}

export function syntheticRecord(i: number): AuditRecord {
  return recordFromCall(syntheticCall(i), randomUUID())
}
