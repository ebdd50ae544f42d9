// Encrypt: up to 4096 bytes under a symmetric key (AES-256-GCM, context bound as AAD, blob framed
// by crypto/ciphertext-blob.ts) or an RSA ENCRYPT_DECRYPT key (RSAES-OAEP, AWS's size limits).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html
import type { Operation } from '../context'
import { encryptionTarget } from '../model/ciphertexts'
import { keyArnOf } from '../model/key'
import { checkDryRun } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'

export const encrypt: Operation<'Encrypt'> = (ctx, input) => {
  // validate (sizes and enums: schema)
  const plaintext = input.Plaintext as Uint8Array
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage
  const target = encryptionTarget(
    ctx,
    key,
    input.EncryptionAlgorithm,
    input.EncryptionContext,
    'Encrypt'
  )
  target.checkSize(plaintext.length)
  checkDryRun(input.DryRun)
  // act
  const sealed = target.seal(plaintext)
  // respond
  return {
    CiphertextBlob: sealed.blob,
    KeyId: keyArnOf(key),
    EncryptionAlgorithm: target.algorithm
  }
}
