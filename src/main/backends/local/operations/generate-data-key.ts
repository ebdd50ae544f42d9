// GenerateDataKey: random bytes (KeySpec AES_128/AES_256 or NumberOfBytes 1-1024), returned in
// plaintext and encrypted under a symmetric encryption key.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html
import type { Operation } from '../context'
import { randomBuffer } from '../crypto/random-pool'
import { dataKeyLength, dataKeyTarget } from '../model/data-keys'
import { keyArnOf } from '../model/key'
import { checkDryRun, rejectRecipient } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'

export const generateDataKey: Operation<'GenerateDataKey'> = (ctx, input) => {
  // validate
  const length = dataKeyLength(input)
  rejectRecipient(input.Recipient)
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage
  const target = dataKeyTarget(ctx, key, input.EncryptionContext, 'GenerateDataKey', 'data key')
  checkDryRun(input.DryRun)
  // act
  const plaintext = randomBuffer(length)
  const sealed = target.seal(plaintext)
  // respond
  return {
    CiphertextBlob: sealed.blob,
    Plaintext: plaintext,
    KeyId: keyArnOf(key),
    KeyMaterialId: sealed.materialId
  }
}
