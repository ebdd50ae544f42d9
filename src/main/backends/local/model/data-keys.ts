// What the data key operations share: the data key length (KeySpec or NumberOfBytes, exactly
// one) and the KMS key that encrypts the data key, which must be a symmetric encryption key.
import {
  InvalidKeyUsageException,
  UnsupportedOperationException,
  ValidationException
} from '../../../../shared/errors'
import type { OperationContext } from '../context'
import { DATA_KEY_PAIR_SPECS } from '../crypto/data-key-pair'
import type { EncryptionContext } from '../crypto/encryption-context'
import { encryptionTarget, type Target } from './ciphertexts'
import type { LabKey } from './key'
import { isSymmetric } from './key-specs'
import { requireEnabled } from './key-state'
import { requireUsage } from './key-usage'

const SPEC_BYTES = { AES_128: 16, AES_256: 32 } as const

export function dataKeyLength(input: {
  KeySpec?: keyof typeof SPEC_BYTES
  NumberOfBytes?: number
}): number {
  if ((input.KeySpec === undefined) === (input.NumberOfBytes === undefined)) {
    throw new ValidationException('Please specify either number of bytes or key spec.')
  }
  return input.KeySpec ? SPEC_BYTES[input.KeySpec] : (input.NumberOfBytes as number)
}

/** The symmetric key a data key (or a data key pair's private key) is encrypted under. */
export function dataKeyTarget(
  ctx: OperationContext,
  key: LabKey,
  context: EncryptionContext,
  operation: string,
  what: 'data key' | 'data key pair'
): Target {
  requireEnabled(key)
  requireUsage(key, 'ENCRYPT_DECRYPT', operation)
  if (!isSymmetric(key.keySpec)) {
    throw new InvalidKeyUsageException(`You cannot generate a ${what} with an asymmetric CMK`)
  }
  return encryptionTarget(ctx, key, 'SYMMETRIC_DEFAULT', context, operation)
}

/** SM2 exists only in AWS's China Regions; the lab does not implement it. */
export function dataKeyPairSpec(spec: string): (typeof DATA_KEY_PAIR_SPECS)[number] {
  if (!(DATA_KEY_PAIR_SPECS as readonly string[]).includes(spec)) {
    throw new UnsupportedOperationException(`KeyLab's lab does not implement KeyPairSpec ${spec}.`)
  }
  return spec as (typeof DATA_KEY_PAIR_SPECS)[number]
}
