// GenerateDataKeyWithoutPlaintext: a data key returned only encrypted under the KMS key; the
// plaintext copy is wiped before answering.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html
import type { Operation } from '../context'
import { randomBuffer } from '../crypto/random-pool'
import { dataKeyLength, dataKeyTarget } from '../model/data-keys'
import { keyArnOf } from '../model/key'
import { checkDryRun } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'

export const generateDataKeyWithoutPlaintext: Operation<'GenerateDataKeyWithoutPlaintext'> = (
  ctx,
  input
) => {
  // validate
  const length = dataKeyLength(input)
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage
  const target = dataKeyTarget(
    ctx,
    key,
    input.EncryptionContext,
    'GenerateDataKeyWithoutPlaintext',
    'data key'
  )
  checkDryRun(input.DryRun)
  // act
  const plaintext = randomBuffer(length)
  const sealed = target.seal(plaintext)
  plaintext.fill(0)
  // respond
  return { CiphertextBlob: sealed.blob, KeyId: keyArnOf(key), KeyMaterialId: sealed.materialId }
}
