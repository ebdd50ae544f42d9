// GenerateDataKeyPairWithoutPlaintext: a new key pair whose private key is returned only
// encrypted under a symmetric encryption key; the plaintext copy is wiped before answering.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyPairWithoutPlaintext.html
import type { Operation } from '../context'
import { generateDataKeyPair as newKeyPair } from '../crypto/data-key-pair'
import { dataKeyPairSpec, dataKeyTarget } from '../model/data-keys'
import { keyArnOf } from '../model/key'
import { checkDryRun } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'

export const generateDataKeyPairWithoutPlaintext: Operation<
  'GenerateDataKeyPairWithoutPlaintext'
> = async (ctx, input) => {
  // validate
  const spec = dataKeyPairSpec(input.KeyPairSpec as string)
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage
  const target = dataKeyTarget(
    ctx,
    key,
    input.EncryptionContext,
    'GenerateDataKeyPairWithoutPlaintext',
    'data key pair'
  )
  checkDryRun(input.DryRun)
  // act
  const pair = await newKeyPair(spec)
  const sealed = target.seal(pair.privateKey)
  pair.privateKey.fill(0)
  // respond
  return {
    PrivateKeyCiphertextBlob: sealed.blob,
    PublicKey: pair.publicKey,
    KeyId: keyArnOf(key),
    KeyPairSpec: spec,
    KeyMaterialId: sealed.materialId
  }
}
