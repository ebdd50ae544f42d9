// AWS managed keys of the active AWS connection and region, read-only: every alias/aws/* alias
// (ListAliases, following NextMarker while Truncated), then DescribeKey for those that already
// have a key. AWS creates each one the first time its service uses KMS in the region.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '../bridge'
import { useAppStore } from './app'
import type { AliasListEntry, KeyMetadata } from '../../../shared/kms/types'

export interface AwsManagedKey {
  aliasName: string
  metadata: KeyMetadata
}

const PAGE = 100
const DESCRIBE_CONCURRENCY = 8

export const useAwsManagedKeysStore = defineStore('awsManagedKeys', () => {
  const app = useAppStore()
  const keys = shallowRef<AwsManagedKey[]>([])
  /** Predefined aliases (alias/aws/<service>) whose key AWS has not created yet. */
  const notYetCreated = shallowRef<string[]>([])
  const loaded = ref(false)

  async function listAliases(): Promise<AliasListEntry[]> {
    const task = app.task('Listing aliases')
    const aliases: AliasListEntry[] = []
    try {
      let marker: string | undefined
      do {
        const page = await api.kms.ListAliases({ Limit: PAGE, Marker: marker })
        aliases.push(...(page.Aliases ?? []))
        task.update(aliases.length)
        marker = page.Truncated ? page.NextMarker : undefined
      } while (marker)
    } finally {
      task.finish()
    }
    return aliases
  }

  async function describeAll(aliases: AliasListEntry[]): Promise<(KeyMetadata | undefined)[]> {
    const task = app.task('Describing AWS managed keys', aliases.length)
    const out: (KeyMetadata | undefined)[] = new Array(aliases.length)
    let next = 0
    let done = 0
    const worker = async (): Promise<void> => {
      while (next < aliases.length) {
        const i = next++
        try {
          out[i] = (
            await api.kms.DescribeKey({ KeyId: aliases[i].TargetKeyId as string })
          ).KeyMetadata
        } catch (e) {
          if ((e as Error).name !== 'NotFoundException') throw e
        }
        task.update(++done)
      }
    }
    try {
      await Promise.all(
        Array.from({ length: Math.min(DESCRIBE_CONCURRENCY, aliases.length) }, worker)
      )
    } finally {
      task.finish()
    }
    return out
  }

  async function load(): Promise<void> {
    const predefined = (await listAliases()).filter((a) => a.AliasName?.startsWith('alias/aws/'))
    const withKey = predefined.filter((a) => a.TargetKeyId)
    const described = await describeAll(withKey)
    const found: AwsManagedKey[] = []
    const missing = predefined.filter((a) => !a.TargetKeyId).map((a) => a.AliasName as string)
    withKey.forEach((a, i) => {
      const md = described[i]
      if (md?.KeyManager === 'AWS') found.push({ aliasName: a.AliasName as string, metadata: md })
      else if (!md) missing.push(a.AliasName as string)
    })
    keys.value = found.sort((a, b) => a.aliasName.localeCompare(b.aliasName))
    notYetCreated.value = missing.sort()
    loaded.value = true
  }

  return { keys, notYetCreated, loaded, load }
})
