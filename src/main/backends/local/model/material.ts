// Reading a key's material from the lab state (in memory, unsealed at open): the current
// version, which every operation but Decrypt uses.
import { KMSInternalException } from '../../../../shared/errors'
import type { OperationContext } from '../context'
import { currentMaterial, keyArnOf, type LabKey } from './key'

/** The bytes of the key's current material version (asymmetric, HMAC or symmetric). */
export function currentMaterialBytes(
  ctx: OperationContext,
  key: LabKey
): { id: string; bytes: Buffer } {
  const version = currentMaterial(key)
  const bytes = version && ctx.state.material(key.keyId, version.id)
  if (!version || !bytes)
    throw new KMSInternalException(`The lab holds no key material for ${keyArnOf(key)}.`)
  return { id: version.id, bytes }
}
