// Sign: a signature over a RAW message (up to 4096 bytes, hashed by the lab) or a DIGEST, with
// the private key of an asymmetric SIGN_VERIFY key.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html
import type { Operation } from '../context'
import { signWith } from '../crypto/signing'
import { keyArnOf } from '../model/key'
import { checkDryRun } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'
import { checkSigningRequest } from '../model/signing-request'
import { currentMaterialBytes } from '../model/material'

export const sign: Operation<'Sign'> = (ctx, input) => {
  // validate
  const message = input.Message as Uint8Array
  const algorithm = input.SigningAlgorithm as string
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage
  const request = checkSigningRequest(key, algorithm, input.MessageType, message, 'Sign')
  checkDryRun(input.DryRun)
  // act
  const material = currentMaterialBytes(ctx, key).bytes
  const signature = signWith(material, key.keySpec, request.info, request.digestMode, message)
  // respond
  return { KeyId: keyArnOf(key), Signature: signature, SigningAlgorithm: input.SigningAlgorithm }
}
