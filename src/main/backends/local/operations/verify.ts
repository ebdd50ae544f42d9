// Verify: checks a signature with the public key of an asymmetric SIGN_VERIFY key; a signature
// that does not verify is KMSInvalidSignatureException (AWS sends it without a message).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_Verify.html
import { KMSInvalidSignatureException } from '../../../../shared/errors'
import type { Operation } from '../context'
import { verifyWith } from '../crypto/signing'
import { keyArnOf } from '../model/key'
import { checkDryRun } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'
import { checkSigningRequest } from '../model/signing-request'
import { currentMaterialBytes } from '../model/material'

export const verify: Operation<'Verify'> = (ctx, input) => {
  // validate
  const message = input.Message as Uint8Array
  const algorithm = input.SigningAlgorithm as string
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage
  const request = checkSigningRequest(key, algorithm, input.MessageType, message, 'Verify')
  checkDryRun(input.DryRun)
  // act
  const material = currentMaterialBytes(ctx, key).bytes
  const valid = verifyWith(
    material,
    key.keySpec,
    request.info,
    request.digestMode,
    message,
    input.Signature as Uint8Array
  )
  if (!valid) throw new KMSInvalidSignatureException('')
  // respond
  return { KeyId: keyArnOf(key), SignatureValid: true, SigningAlgorithm: input.SigningAlgorithm }
}
