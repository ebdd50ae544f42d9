// What a grant may allow on a given key, and what constraints it may carry: operations the key
// supports (by spec and usage), encryption context constraints only for symmetric encryption
// keys (at most 8 pairs, values up to 384 characters). The lab's texts for these
// ValidationExceptions are its own.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html
import { ValidationException } from '../../../../shared/errors'
import type { GrantConstraints } from '../../../../shared/kms/types'
import { keyArnOf, type LabKey } from './key'

const ALWAYS = ['DescribeKey', 'CreateGrant', 'RetireGrant']
const SYMMETRIC = [
  'Encrypt',
  'Decrypt',
  'ReEncryptFrom',
  'ReEncryptTo',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext'
]
const BY_USAGE: Record<string, string[]> = {
  ENCRYPT_DECRYPT: ['Encrypt', 'Decrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GetPublicKey'],
  SIGN_VERIFY: ['Sign', 'Verify', 'GetPublicKey'],
  KEY_AGREEMENT: ['DeriveSharedSecret', 'GetPublicKey'],
  GENERATE_VERIFY_MAC: ['GenerateMac', 'VerifyMac']
}

export function supportedGrantOperations(key: LabKey): string[] {
  if (key.keySpec === 'SYMMETRIC_DEFAULT') return [...ALWAYS, ...SYMMETRIC]
  return [...ALWAYS, ...(BY_USAGE[key.keyUsage] ?? [])]
}

export function checkGrantForKey(
  key: LabKey,
  operations: readonly string[],
  constraints: GrantConstraints | undefined
): void {
  const supported = supportedGrantOperations(key)
  const bad = operations.filter((op) => !supported.includes(op))
  if (bad.length) {
    throw new ValidationException(
      `The grant operations ${bad.join(', ')} are not supported by ${keyArnOf(key)} (${key.keySpec}, ${key.keyUsage}).`
    )
  }
  const pairs = constraints?.EncryptionContextSubset ?? constraints?.EncryptionContextEquals
  if (!pairs) return
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
    throw new ValidationException(
      `Encryption context grant constraints are not supported for ${key.keySpec} keys: their operations take no encryption context.`
    )
  }
  if (Object.keys(pairs).length > 8) {
    throw new ValidationException(
      'A grant constraint can include up to 8 encryption context pairs.'
    )
  }
  if (Object.values(pairs).some((v) => v.length > 384)) {
    throw new ValidationException(
      'An encryption context value in a grant constraint cannot exceed 384 characters.'
    )
  }
}
