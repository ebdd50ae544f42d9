// DeriveSharedSecret: ECDH between a KEY_AGREEMENT key's private key and a peer's public key
// (SubjectPublicKeyInfo DER on the same curve); the raw shared secret, as AWS returns it.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_DeriveSharedSecret.html
import { ValidationException } from '../../../../shared/errors'
import type { Operation } from '../context'
import { peerPublicKey, sharedSecret } from '../crypto/ecdh'
import { keyArnOf } from '../model/key'
import { requireEnabled } from '../model/key-state'
import { requireUsage } from '../model/key-usage'
import { checkDryRun, rejectRecipient } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'
import { currentMaterialBytes } from '../model/material'

export const deriveSharedSecret: Operation<'DeriveSharedSecret'> = (ctx, input) => {
  // validate
  rejectRecipient(input.Recipient)
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage
  requireEnabled(key)
  requireUsage(key, 'KEY_AGREEMENT', 'DeriveSharedSecret')
  const material = currentMaterialBytes(ctx, key).bytes
  const peer = peerPublicKey(material, input.PublicKey as Uint8Array)
  if (!peer) {
    // KeyLab's wording for a public key that is not an SPKI on the key's curve.
    throw new ValidationException(
      `PublicKey must be a DER-encoded SubjectPublicKeyInfo on the curve of key spec ${key.keySpec}.`
    )
  }
  checkDryRun(input.DryRun)
  // act
  const secret = sharedSecret(material, peer)
  // respond
  return {
    KeyId: keyArnOf(key),
    SharedSecret: secret,
    KeyAgreementAlgorithm: input.KeyAgreementAlgorithm,
    KeyOrigin: key.origin
  }
}
