// Key-usage and algorithm checks of the cryptographic operations, with AWS's exception names and
// texts ("<key ARN> key usage is SIGN_VERIFY which is not valid for Encrypt.").
import type { KeyUsageType } from '../../../../shared/kms/types'
import { InvalidKeyUsageException } from '../../../../shared/errors'
import { keyArnOf, type LabKey } from './key'

export function requireUsage(key: LabKey, usage: KeyUsageType, operation: string): void {
  if (key.keyUsage !== usage) {
    throw new InvalidKeyUsageException(
      `${keyArnOf(key)} key usage is ${key.keyUsage} which is not valid for ${operation}.`
    )
  }
}

/** The algorithm must be one the key's spec offers for its usage (DescribeKey's lists). */
export function requireAlgorithm(
  key: LabKey,
  algorithm: string,
  allowed: readonly string[] | undefined
): void {
  if (!allowed?.includes(algorithm)) {
    throw new InvalidKeyUsageException(
      `Algorithm ${algorithm} is incompatible with key spec ${key.keySpec}.`
    )
  }
}
