// The settings of one key that its page's tabs show and change: key policy, tags, rotation.
// Nothing is kept here; each tab reads what it shows when it opens.
import { defineStore } from 'pinia'
import { api } from '../bridge'
import type {
  GetKeyRotationStatusResponse,
  RotationsListEntry,
  Tag
} from '../../../shared/kms/types'

export const useKeyConfigStore = defineStore('key-config', () => {
  async function policy(keyId: string): Promise<string> {
    return (await api.kms.GetKeyPolicy({ KeyId: keyId, PolicyName: 'default' })).Policy ?? ''
  }

  async function putPolicy(keyId: string, policy: string): Promise<void> {
    await api.kms.PutKeyPolicy({ KeyId: keyId, PolicyName: 'default', Policy: policy })
  }

  async function tags(keyId: string): Promise<Tag[]> {
    const out: Tag[] = []
    let marker: string | undefined
    do {
      const page = await api.kms.ListResourceTags({ KeyId: keyId, Limit: 50, Marker: marker })
      out.push(...(page.Tags ?? []))
      marker = page.Truncated ? page.NextMarker : undefined
    } while (marker)
    return out
  }

  async function tag(keyId: string, added: Tag[]): Promise<void> {
    await api.kms.TagResource({ KeyId: keyId, Tags: added })
  }

  async function untag(keyId: string, tagKeys: string[]): Promise<void> {
    await api.kms.UntagResource({ KeyId: keyId, TagKeys: tagKeys })
  }

  async function rotationStatus(keyId: string): Promise<GetKeyRotationStatusResponse> {
    return api.kms.GetKeyRotationStatus({ KeyId: keyId })
  }

  async function setRotation(keyId: string, enabled: boolean, periodDays?: number): Promise<void> {
    if (enabled) await api.kms.EnableKeyRotation({ KeyId: keyId, RotationPeriodInDays: periodDays })
    else await api.kms.DisableKeyRotation({ KeyId: keyId })
  }

  async function rotateNow(keyId: string): Promise<void> {
    await api.kms.RotateKeyOnDemand({ KeyId: keyId })
  }

  async function rotations(keyId: string): Promise<RotationsListEntry[]> {
    const out: RotationsListEntry[] = []
    let marker: string | undefined
    do {
      const page = await api.kms.ListKeyRotations({ KeyId: keyId, Limit: 1000, Marker: marker })
      out.push(...(page.Rotations ?? []))
      marker = page.Truncated ? page.NextMarker : undefined
    } while (marker)
    return out
  }

  return { policy, putPolicy, tags, tag, untag, rotationStatus, setRotation, rotateNow, rotations }
})
