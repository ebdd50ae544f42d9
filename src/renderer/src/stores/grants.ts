// Grants of one key (ListGrants, every page), creating and revoking them. Read per key page
// visit: the list is not kept across keys.
import { defineStore } from 'pinia'
import { api } from '../bridge'
import type { CreateGrantRequest, GrantListEntry } from '../../../shared/kms/types'

export const useGrantsStore = defineStore('grants', () => {
  async function list(keyId: string): Promise<GrantListEntry[]> {
    const all: GrantListEntry[] = []
    let marker: string | undefined
    do {
      const page = await api.kms.ListGrants({ KeyId: keyId, Marker: marker, Limit: 100 })
      all.push(...(page.Grants ?? []))
      marker = page.Truncated ? page.NextMarker : undefined
    } while (marker)
    return all
  }

  async function create(input: CreateGrantRequest): Promise<void> {
    await api.kms.CreateGrant(input)
  }

  async function revoke(keyId: string, grantId: string): Promise<void> {
    await api.kms.RevokeGrant({ KeyId: keyId, GrantId: grantId })
  }

  return { list, create, revoke }
})
