// ReEncrypt: decrypts under the source key and encrypts under the destination key in one call;
// the plaintext never leaves the lab and is wiped once re-encrypted.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html
import type { Operation } from '../context'
import { decryptionSource, encryptionTarget } from '../model/ciphertexts'
import { keyArnOf } from '../model/key'
import { checkDryRun } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'

export const reEncrypt: Operation<'ReEncrypt'> = (ctx, input) => {
  // resolve keys, check state and usage
  const source = decryptionSource(
    ctx,
    {
      blob: input.CiphertextBlob as Uint8Array,
      keyId: input.SourceKeyId,
      algorithm: input.SourceEncryptionAlgorithm,
      context: input.SourceEncryptionContext
    },
    'ReEncrypt'
  )
  const destination = resolveKey(ctx, input.DestinationKeyId as string, { aliases: true })
  const target = encryptionTarget(
    ctx,
    destination,
    input.DestinationEncryptionAlgorithm,
    input.DestinationEncryptionContext,
    'ReEncrypt'
  )
  checkDryRun(input.DryRun)
  // act
  const plaintext = source.open()
  let sealed
  try {
    sealed = target.seal(plaintext)
  } finally {
    plaintext.fill(0)
  }
  // respond
  return {
    CiphertextBlob: sealed.blob,
    SourceKeyId: keyArnOf(source.key),
    KeyId: keyArnOf(destination),
    SourceEncryptionAlgorithm: source.algorithm,
    DestinationEncryptionAlgorithm: target.algorithm,
    ...(source.materialId ? { SourceKeyMaterialId: source.materialId } : {}),
    ...(sealed.materialId ? { DestinationKeyMaterialId: sealed.materialId } : {})
  }
}
