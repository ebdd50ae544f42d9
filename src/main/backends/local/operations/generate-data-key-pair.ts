// GenerateDataKeyPair: a new key pair of the requested spec, the private key (PKCS#8 DER) in
// plaintext and encrypted under a symmetric encryption key, the public key as SPKI DER.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyPair.html
import type { Operation } from '../context'
import { generateDataKeyPair as newKeyPair } from '../crypto/data-key-pair'
import { dataKeyPairSpec, dataKeyTarget } from '../model/data-keys'
import { keyArnOf } from '../model/key'
import { checkDryRun, rejectRecipient } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'

export const generateDataKeyPair: Operation<'GenerateDataKeyPair'> = async (ctx, input) => {
  // validate
  const spec = dataKeyPairSpec(input.KeyPairSpec as string)
  rejectRecipient(input.Recipient)
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage
  const target = dataKeyTarget(
    ctx,
    key,
    input.EncryptionContext,
    'GenerateDataKeyPair',
    'data key pair'
  )
  checkDryRun(input.DryRun)
  // act
  const pair = await newKeyPair(spec)
  const sealed = target.seal(pair.privateKey)
  // respond
  return {
    PrivateKeyCiphertextBlob: sealed.blob,
    PrivateKeyPlaintext: pair.privateKey,
    PublicKey: pair.publicKey,
    KeyId: keyArnOf(key),
    KeyPairSpec: spec,
    KeyMaterialId: sealed.materialId
  }
}
