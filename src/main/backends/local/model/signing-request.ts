// The checks Sign and Verify share: an Enabled SIGN_VERIFY key, an algorithm its spec offers,
// a message type the algorithm takes, and a digest of the algorithm's length, with AWS's texts.
import { ValidationException } from '../../../../shared/errors'
import { SIGNING_ALGORITHM_INFO, type SigningAlgorithmInfo } from '../crypto/signing'
import type { LabKey } from './key'
import { SPECS } from './key-specs'
import { requireEnabled } from './key-state'
import { requireAlgorithm, requireUsage } from './key-usage'

export interface SigningRequest {
  info: SigningAlgorithmInfo
  digestMode: boolean
}

export function checkSigningRequest(
  key: LabKey,
  algorithm: string,
  messageType: string | undefined,
  message: Uint8Array,
  operation: 'Sign' | 'Verify'
): SigningRequest {
  requireEnabled(key)
  requireUsage(key, 'SIGN_VERIFY', operation)
  requireAlgorithm(key, algorithm, SPECS[key.keySpec].signing)
  const info = SIGNING_ALGORITHM_INFO[algorithm]
  const type = messageType ?? 'RAW'
  if (type === 'EXTERNAL_MU') {
    throw new ValidationException(
      `Message type ${type} is incompatible with key spec ${key.keySpec}.`
    )
  }
  if (info.only && type !== info.only) {
    throw new ValidationException(
      `Message type ${type} is incompatible with algorithm ${algorithm}.`
    )
  }
  if (type === 'DIGEST' && message.length !== info.digestBytes) {
    throw new ValidationException(`Digest is invalid length for algorithm ${algorithm}.`)
  }
  return { info, digestMode: type === 'DIGEST' }
}
