// Aliases of the active region: listing, creating, pointing at another key, deleting.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '../bridge'
import type { AliasListEntry } from '../../../shared/kms/types'

export const useAliasesStore = defineStore('aliases', () => {
  const aliases = shallowRef<AliasListEntry[]>([])
  const loaded = ref(false)

  async function list(keyId?: string): Promise<AliasListEntry[]> {
    const out: AliasListEntry[] = []
    let marker: string | undefined
    do {
      const page = await api.kms.ListAliases({
        ...(keyId ? { KeyId: keyId } : {}),
        Limit: 100,
        Marker: marker
      })
      out.push(...(page.Aliases ?? []))
      marker = page.Truncated ? page.NextMarker : undefined
    } while (marker)
    return out
  }

  async function load(): Promise<void> {
    aliases.value = await list()
    loaded.value = true
  }

  async function create(aliasName: string, keyId: string): Promise<void> {
    await api.kms.CreateAlias({ AliasName: aliasName, TargetKeyId: keyId })
    if (loaded.value) await load()
  }

  async function retarget(aliasName: string, keyId: string): Promise<void> {
    await api.kms.UpdateAlias({ AliasName: aliasName, TargetKeyId: keyId })
    if (loaded.value) await load()
  }

  async function remove(aliasName: string): Promise<void> {
    await api.kms.DeleteAlias({ AliasName: aliasName })
    if (loaded.value) await load()
  }

  return { aliases, loaded, list, load, create, retarget, remove }
})
