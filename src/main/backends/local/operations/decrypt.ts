// Decrypt: a symmetric blob (it names its key and material version, so KeyId is optional and
// any rotated version still decrypts) or an RSA ciphertext (KeyId and algorithm required).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html
import type { Operation } from '../context'
import { decryptionSource } from '../model/ciphertexts'
import { keyArnOf } from '../model/key'
import { checkDryRun, rejectRecipient } from '../model/request-options'

export const decrypt: Operation<'Decrypt'> = (ctx, input) => {
  // validate
  rejectRecipient(input.Recipient)
  // resolve key, check state and usage
  const source = decryptionSource(
    ctx,
    {
      blob: input.CiphertextBlob as Uint8Array,
      keyId: input.KeyId,
      algorithm: input.EncryptionAlgorithm,
      context: input.EncryptionContext
    },
    'Decrypt'
  )
  checkDryRun(input.DryRun)
  // act
  const plaintext = source.open()
  // respond
  return {
    KeyId: keyArnOf(source.key),
    Plaintext: plaintext,
    EncryptionAlgorithm: source.algorithm,
    ...(source.materialId ? { KeyMaterialId: source.materialId } : {})
  }
}
