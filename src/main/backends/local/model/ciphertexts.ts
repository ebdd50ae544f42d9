// The two halves every encrypting operation shares: a target (the key a plaintext is encrypted
// under, with the algorithm and context checks AWS makes) and a source (the key and algorithm a
// ciphertext is decrypted with). Encrypt, Decrypt, ReEncrypt and the data key operations use them.
import type { EncryptionAlgorithmSpec } from '../../../../shared/kms/types'
import { IncorrectKeyException, ValidationException } from '../../../../shared/errors'
import type { OperationContext } from '../context'
import { isEmptyContext, type EncryptionContext } from '../crypto/encryption-context'
import { keyPairOf } from '../crypto/key-objects'
import { oaepDecrypt, oaepEncrypt, oaepLimit, type OaepHash } from '../crypto/rsa'
import type { LabKey } from './key'
import { SPECS } from './key-specs'
import { requireEnabled } from './key-state'
import { requireAlgorithm, requireUsage } from './key-usage'
import { resolveKey } from './resolve-key'
import { currentMaterialBytes } from './material'
import {
  blobKey,
  decryptSymmetric,
  encryptSymmetric,
  invalidCiphertext
} from './symmetric-encryption'

const OAEP: Record<string, OaepHash> = { RSAES_OAEP_SHA_1: 'sha1', RSAES_OAEP_SHA_256: 'sha256' }

export interface Sealed {
  blob: Buffer
  /** The material version of a symmetric key that encrypted it. */
  materialId?: string
}

export interface Target {
  key: LabKey
  algorithm: EncryptionAlgorithmSpec
  /** Throws AWS's ValidationException when an RSA key cannot take this many bytes. */
  checkSize(length: number): void
  seal(plaintext: Uint8Array): Sealed
}

export interface Source {
  key: LabKey
  algorithm: EncryptionAlgorithmSpec
  materialId?: string
  open(): Buffer
}

function rejectAsymmetricContext(context: EncryptionContext): void {
  if (!isEmptyContext(context)) {
    throw new ValidationException(
      'EncryptionContext is not supported when encrypting/decrypting with asymmetric CMKs.'
    )
  }
}

/** Checks an Enabled ENCRYPT_DECRYPT key, the algorithm and the context for encryption. */
export function encryptionTarget(
  ctx: OperationContext,
  key: LabKey,
  algorithm: EncryptionAlgorithmSpec | undefined,
  context: EncryptionContext,
  operation: string
): Target {
  requireEnabled(key)
  requireUsage(key, 'ENCRYPT_DECRYPT', operation)
  const alg = algorithm ?? 'SYMMETRIC_DEFAULT'
  requireAlgorithm(key, alg, SPECS[key.keySpec].encryption)
  if (alg === 'SYMMETRIC_DEFAULT') {
    return {
      key,
      algorithm: alg,
      checkSize: () => {},
      seal: (plaintext) => encryptSymmetric(ctx, key, plaintext, context)
    }
  }
  rejectAsymmetricContext(context)
  const hash = OAEP[alg]
  const limit = oaepLimit(Number(key.keySpec.slice(4)), hash)
  const checkSize = (length: number): void => {
    if (length > limit) {
      throw new ValidationException(
        `Algorithm ${alg} and key spec ${key.keySpec} cannot encrypt data larger than ${limit} bytes.`
      )
    }
  }
  return {
    key,
    algorithm: alg,
    checkSize,
    seal: (plaintext) => {
      checkSize(plaintext.length)
      const { publicKey } = keyPairOf(currentMaterialBytes(ctx, key).bytes)
      return { blob: oaepEncrypt(publicKey, hash, plaintext) }
    }
  }
}

export interface SourceRequest {
  blob: Uint8Array
  keyId?: string
  algorithm?: EncryptionAlgorithmSpec
  context: EncryptionContext
}

/**
 * Finds the key that can decrypt a ciphertext. A symmetric blob names its own key (KeyId is
 * optional, and must match when given: IncorrectKeyException); an RSA ciphertext needs KeyId.
 */
export function decryptionSource(
  ctx: OperationContext,
  request: SourceRequest,
  operation: string
): Source {
  const alg = request.algorithm ?? 'SYMMETRIC_DEFAULT'
  if (alg === 'SYMMETRIC_DEFAULT') {
    const { parsed, key } = blobKey(ctx, request.blob)
    if (request.keyId !== undefined) {
      const named = resolveKey(ctx, request.keyId, { aliases: true })
      if (named.keyId !== key.keyId) {
        throw new IncorrectKeyException(
          'The key ID in the request does not identify a CMK that can perform this operation.'
        )
      }
    }
    requireEnabled(key)
    requireUsage(key, 'ENCRYPT_DECRYPT', operation)
    return {
      key,
      algorithm: alg,
      materialId: parsed.materialId,
      open: () => decryptSymmetric(ctx, key, parsed, request.context)
    }
  }
  // KeyLab's choice: without KeyId an RSA ciphertext names no key, so it cannot be decrypted.
  if (request.keyId === undefined) throw invalidCiphertext()
  const key = resolveKey(ctx, request.keyId, { aliases: true })
  requireEnabled(key)
  requireUsage(key, 'ENCRYPT_DECRYPT', operation)
  requireAlgorithm(key, alg, SPECS[key.keySpec].encryption)
  rejectAsymmetricContext(request.context)
  return {
    key,
    algorithm: alg,
    open: () => {
      const { privateKey } = keyPairOf(currentMaterialBytes(ctx, key).bytes)
      const plaintext = oaepDecrypt(privateKey, OAEP[alg], request.blob)
      if (!plaintext) throw invalidCiphertext()
      return plaintext
    }
  }
}
