// GenerateMac: an HMAC of a message (up to 4096 bytes) under an HMAC key, with the algorithm that
// matches the key spec.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateMac.html
import type { Operation } from '../context'
import { hmac } from '../crypto/mac'
import { keyArnOf } from '../model/key'
import { SPECS } from '../model/key-specs'
import { requireEnabled } from '../model/key-state'
import { requireAlgorithm, requireUsage } from '../model/key-usage'
import { checkDryRun } from '../model/request-options'
import { resolveKey } from '../model/resolve-key'
import { currentMaterialBytes } from '../model/material'

export const generateMac: Operation<'GenerateMac'> = (ctx, input) => {
  // validate
  const algorithm = input.MacAlgorithm as string
  // resolve key
  const key = resolveKey(ctx, input.KeyId as string, { aliases: true })
  // check state and usage
  requireEnabled(key)
  requireUsage(key, 'GENERATE_VERIFY_MAC', 'GenerateMac')
  requireAlgorithm(key, algorithm, SPECS[key.keySpec].mac)
  checkDryRun(input.DryRun)
  // act
  const mac = hmac(algorithm, currentMaterialBytes(ctx, key).bytes, input.Message as Uint8Array)
  // respond
  return { Mac: mac, MacAlgorithm: input.MacAlgorithm, KeyId: keyArnOf(key) }
}
