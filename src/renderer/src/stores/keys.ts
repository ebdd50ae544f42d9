// Customer managed keys of the active connection and region: the key list, and the actions of
// the list and the key page (create, enable, disable, deletion, description). The list is read
// as key ids with aliases, then described a slice at a time: a first read shows its rows as each
// slice arrives (the first one small, so the screen fills at once); a read over a list already
// shown swaps it in whole at the end.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '../bridge'
import { useAppStore } from './app'
import { NotFoundException } from '../../../shared/errors'
import { DESCRIBE_KEYS_MAX, type KeyListItem } from '../../../shared/ipc/catalog-api'
import type { CreateKeyRequest, KeyMetadata } from '../../../shared/kms/types'

export interface BulkResult {
  keyId: string
  error?: Error
}

/** Keys in the first slice described: enough for the first screen of rows. */
const FIRST_SLICE = 100

export interface LoadProgress {
  described: number
  total: number
  /** The read failed there: the rows shown are only part of the region's keys. */
  stopped?: boolean
}

/** `rows` with the rows read again while they were being read (null: the key is gone). */
function withChanges(rows: KeyListItem[], changes: Map<string, KeyListItem | null>): KeyListItem[] {
  if (!changes.size) return rows.slice()
  const out: KeyListItem[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    const changed = changes.get(row.keyId)
    seen.add(row.keyId)
    if (changed !== null) out.push(changed ?? row)
  }
  for (const [keyId, item] of changes) if (item && !seen.has(keyId)) out.push(item)
  return out
}

export const useKeysStore = defineStore('keys', () => {
  const keys = shallowRef<KeyListItem[]>([])
  const loaded = ref(false)
  /** Whether the rows carry their tags (read on demand: one more call per key). */
  const tagsLoaded = ref(false)
  const readAt = ref(0)
  /** Set while a read is describing keys, or after one stopped short (rows shown are fewer
   * than the region's keys). */
  const progress = ref<LoadProgress>()
  let reads = 0
  /** Whether the rows shown come from a read that went to its end. */
  let complete = false
  /** Rows the console read again while the current read ran, applied over what it reads. */
  let changes: Map<string, KeyListItem | null> | undefined

  /** The connection and region the rows shown were read in. */
  let shownScope: string | undefined

  async function load(withTags = tagsLoaded.value): Promise<void> {
    const read = ++reads
    const app = useAppStore()
    const scope = `${app.connection?.id ?? app.connection?.label}\u0000${app.region}`
    if (scope !== shownScope) {
      // Another region's (or connection's) keys are not shown while this one's are read.
      shownScope = scope
      if (keys.value.length) keys.value = []
      complete = false
      loaded.value = false
      tagsLoaded.value = false
      progress.value = undefined
    }
    const mine = new Map<string, KeyListItem | null>()
    changes = mine
    const rows: KeyListItem[] = []
    let total = 0
    let progressive = false
    try {
      const refs = await api.catalog.keyRefs({})
      if (read !== reads) return
      total = refs.keys.length
      progressive = !complete || keys.value.length === 0
      for (let at = 0; at < total || at === 0;) {
        const size = at === 0 && progressive ? FIRST_SLICE : DESCRIBE_KEYS_MAX
        const slice = refs.keys.slice(at, at + size)
        at += size
        const part = slice.length
          ? (await api.catalog.describeKeys({ keys: slice, includeTags: withTags })).keys
          : []
        if (read !== reads) return
        rows.push(...part)
        const done = at >= total
        progress.value = done ? undefined : { described: at, total }
        if (progressive || done) {
          keys.value = withChanges(rows, mine)
          complete = done
          readAt.value = refs.readAt
          loaded.value = true
          tagsLoaded.value = withTags
        }
        if (done) break
      }
    } catch (e) {
      // A read that a newer one overtook says nothing: its failure is not the list's.
      if (read !== reads) return
      if (progressive && rows.length) {
        progress.value = { described: rows.length, total, stopped: true }
      }
      throw e
    } finally {
      if (read === reads) {
        changes = undefined
        if (!progress.value?.stopped || complete) progress.value = undefined
      }
    }
  }

  /** Reads the list again with tags, for filtering by tag. */
  async function loadTags(): Promise<void> {
    if (!tagsLoaded.value) await load(true)
  }

  /** Reads one row again after a change; drops it once the key is gone. */
  async function refresh(keyId: string): Promise<KeyListItem | undefined> {
    try {
      const item = await api.catalog.getKey({ keyId })
      changes?.set(item.keyId, item)
      const i = keys.value.findIndex((k) => k.keyId === item.keyId)
      keys.value = i >= 0 ? keys.value.map((k, j) => (j === i ? item : k)) : [...keys.value, item]
      return item
    } catch (e) {
      if (!(e instanceof NotFoundException)) throw e
      changes?.set(keyId, null)
      keys.value = keys.value.filter((k) => k.keyId !== keyId)
      return undefined
    }
  }

  async function describe(keyId: string): Promise<KeyMetadata> {
    const { KeyMetadata } = await api.kms.DescribeKey({ KeyId: keyId })
    return KeyMetadata as KeyMetadata
  }

  async function create(input: CreateKeyRequest, alias?: string): Promise<KeyMetadata> {
    const { KeyMetadata } = await api.kms.CreateKey(input)
    const created = KeyMetadata as KeyMetadata
    if (alias) await api.kms.CreateAlias({ AliasName: alias, TargetKeyId: created.KeyId })
    await refresh(created.KeyId as string)
    return created
  }

  /** Enables or disables each key; one failure does not stop the others. */
  async function setEnabled(keyIds: string[], enabled: boolean): Promise<BulkResult[]> {
    const results: BulkResult[] = []
    for (const keyId of keyIds) {
      try {
        if (enabled) await api.kms.EnableKey({ KeyId: keyId })
        else await api.kms.DisableKey({ KeyId: keyId })
        results.push({ keyId })
      } catch (e) {
        results.push({ keyId, error: e as Error })
      }
      await refresh(keyId)
    }
    return results
  }

  async function scheduleDeletion(keyId: string, days: number): Promise<Date | undefined> {
    const out = await api.kms.ScheduleKeyDeletion({ KeyId: keyId, PendingWindowInDays: days })
    await refresh(keyId)
    return out.DeletionDate
  }

  async function cancelDeletion(keyId: string): Promise<void> {
    await api.kms.CancelKeyDeletion({ KeyId: keyId })
    await refresh(keyId)
  }

  async function updateDescription(keyId: string, description: string): Promise<void> {
    await api.kms.UpdateKeyDescription({ KeyId: keyId, Description: description })
    await refresh(keyId)
  }

  return {
    keys,
    loaded,
    tagsLoaded,
    readAt,
    progress,
    load,
    loadTags,
    refresh,
    describe,
    create,
    setEnabled,
    scheduleDeletion,
    cancelDeletion,
    updateDescription
  }
})
