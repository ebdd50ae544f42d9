// Customer managed keys of the active connection and region: the list (ListKeys, then
// DescribeKey for each), and creating keys.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '../bridge'
import { useAppStore } from './app'
import type { CreateKeyRequest, KeyMetadata } from '../../../shared/kms/types'

const DESCRIBE_CONCURRENCY = 16

export const useKeysStore = defineStore('keys', () => {
  const keys = shallowRef<KeyMetadata[]>([])
  const loaded = ref(false)

  async function load(): Promise<void> {
    const ids: string[] = []
    let marker: string | undefined
    do {
      const page = await api.kms.ListKeys({ Limit: 1000, Marker: marker })
      for (const k of page.Keys ?? []) if (k.KeyId) ids.push(k.KeyId)
      marker = page.Truncated ? page.NextMarker : undefined
    } while (marker)
    const described: KeyMetadata[] = new Array(ids.length)
    const progress = useAppStore().task('Describing keys', ids.length)
    let next = 0
    let done = 0
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const i = next++
        const { KeyMetadata } = await api.kms.DescribeKey({ KeyId: ids[i] })
        described[i] = KeyMetadata as KeyMetadata
        progress.update(++done)
      }
    }
    await Promise.all(
      Array.from({ length: Math.min(DESCRIBE_CONCURRENCY, ids.length) }, worker)
    ).finally(progress.finish)
    keys.value = described.filter((k) => k.KeyManager !== 'AWS')
    loaded.value = true
  }

  async function create(input: CreateKeyRequest): Promise<KeyMetadata> {
    const { KeyMetadata } = await api.kms.CreateKey(input)
    const created = KeyMetadata as KeyMetadata
    keys.value = [...keys.value, created]
    return created
  }

  async function describe(keyId: string): Promise<KeyMetadata> {
    const { KeyMetadata } = await api.kms.DescribeKey({ KeyId: keyId })
    const md = KeyMetadata as KeyMetadata
    const i = keys.value.findIndex((k) => k.KeyId === md.KeyId)
    if (i >= 0) keys.value = keys.value.map((k, j) => (j === i ? md : k))
    return md
  }

  return { keys, loaded, load, create, describe }
})
