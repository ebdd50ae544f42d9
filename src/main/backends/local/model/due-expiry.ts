// Expiry of imported key material on the lab clock: at ValidTo the material is deleted and its
// key goes back to PendingImport (CloudTrail's DeleteExpiredKeyMaterial service event). Also
// forgets wrapping key pairs past their 24 hours, and records left by keys that are gone.
// A due handler: (state, now) => applies what is due and returns when the next thing is due.
import type { ServiceEvent, ServiceEventListener } from '../../call-record'
import { keyArnOf } from './key'
import type { LabState } from './lab-state'
import {
  dropToken,
  materialRecords,
  removeImportedMaterial,
  removeMaterialRecord,
  tokenRecords,
  type ImportedMaterialRecord
} from './imported-material'

export function applyMaterialExpiry(
  state: LabState,
  now: number,
  emit: ServiceEventListener = () => {}
): number | undefined {
  let next: number | undefined
  const later = (at: number): void => {
    next = next === undefined ? at : Math.min(next, at)
  }
  const expired: ImportedMaterialRecord[] = []
  const orphans: ImportedMaterialRecord[] = []
  for (const record of materialRecords(state)) {
    if (!state.key(record.keyId)) orphans.push(record)
    else if (!record.imported || record.validTo === undefined) continue
    else if (record.validTo <= now) expired.push(record)
    else later(record.validTo)
  }
  const stale: [string, string][] = []
  for (const [tokenId, token] of tokenRecords(state)) {
    if (token.validTo <= now || !state.key(token.keyId)) stale.push([tokenId, token.keyId])
    else later(token.validTo)
  }
  if (expired.length + orphans.length + stale.length === 0) return next

  const events: ServiceEvent[] = []
  state.write(() => {
    for (const record of orphans) removeMaterialRecord(state, record.keyId, record.materialId)
    for (const [tokenId, keyId] of stale) dropToken(state, tokenId, keyId)
    for (const record of expired) {
      const key = removeImportedMaterial(state, state.key(record.keyId)!, record)
      events.push({
        eventName: 'DeleteExpiredKeyMaterial',
        region: key.region,
        accountId: key.accountId,
        keyArn: keyArnOf(key),
        labTime: record.validTo as number,
        details: { keyMaterialId: record.materialId }
      })
    }
  })
  for (const event of events) emit(event)
  return next
}
