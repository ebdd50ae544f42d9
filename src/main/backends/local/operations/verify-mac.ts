// VerifyMac: recomputes the HMAC and compares it in constant time; a MAC that does not match is
// KMSInvalidMacException (AWS sends it without a message).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_VerifyMac.html
import { KMSInvalidMacException } from '../../../../shared/errors'
import type { Operation } from '../context'
import { hmacMatches } from '../crypto/mac'
import { keyArnOf } from '../model/key'
import { SPECS } from '../model/key-specs'
import { requireEnabled } from '../model/key-state'
import { requireAlgorithm, requireUsage } from '../model/key-usage'
import { checkDryRun } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'
import { currentMaterialBytes } from '../model/material'

export const verifyMac: Operation<'VerifyMac'> = (ctx, input) => {
  // validate
  const algorithm = input.MacAlgorithm as string
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage
  requireEnabled(key)
  requireUsage(key, 'GENERATE_VERIFY_MAC', 'VerifyMac')
  requireAlgorithm(key, algorithm, SPECS[key.keySpec].mac)
  checkDryRun(input.DryRun)
  // act
  const material = currentMaterialBytes(ctx, key).bytes
  if (!hmacMatches(algorithm, material, input.Message as Uint8Array, input.Mac as Uint8Array))
    throw new KMSInvalidMacException('')
  // respond
  return { KeyId: keyArnOf(key), MacValid: true, MacAlgorithm: input.MacAlgorithm }
}
