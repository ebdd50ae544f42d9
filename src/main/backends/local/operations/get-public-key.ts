// GetPublicKey: the public key of an asymmetric key as SubjectPublicKeyInfo DER, with its spec,
// usage and the algorithms it allows.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GetPublicKey.html
import { UnsupportedOperationException } from '../../../../shared/errors'
import type { Operation } from '../context'
import { keyPairOf } from '../crypto/key-objects'
import { keyArnOf } from '../model/key'
import { algorithmsFor, isAsymmetric } from '../model/key-specs'
import { requireEnabled } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'
import { currentMaterialBytes } from '../model/material'

export const getPublicKey: Operation<'GetPublicKey'> = (ctx, input) => {
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage (the key state table: GetPublicKey needs an Enabled key)
  requireEnabled(key)
  if (!isAsymmetric(key.keySpec)) {
    // KeyLab's wording: AWS answers UnsupportedOperationException here as well.
    throw new UnsupportedOperationException(
      `${keyArnOf(key)} key spec is ${key.keySpec}, which has no public key.`
    )
  }
  // act
  const { spki } = keyPairOf(currentMaterialBytes(ctx, key).bytes)
  // respond
  return {
    KeyId: keyArnOf(key),
    PublicKey: Buffer.from(spki),
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    KeyUsage: key.keyUsage,
    ...algorithmsFor(key.keySpec, key.keyUsage)
  } as ReturnType<Operation<'GetPublicKey'>>
}
