// The lab's working state in memory (keys, aliases, unsealed material) with write-through to the
// store. Every change runs inside write(): it lands in the database in one transaction, and if
// that transaction fails the memory view is rebuilt from the database, so the two never differ.
import type { LabStore } from '../store/lab-store'
import type { LabAlias } from './alias'
import { materialSecretId, type LabKey } from './key'

/** Told of every key record change (the due schedule keeps its next due time from these). */
export interface KeyObserver {
  reset(keys: Iterable<LabKey>): void
  changed(keyId: string, key: LabKey | undefined): void
}

const KEY = 'key'
const ALIAS = 'alias'
const EMPTY: ReadonlyMap<string, unknown> = new Map()

export class LabState {
  private keys = new Map<string, LabKey>()
  private regionKeys = new Map<string, LabKey[]>()
  private aliases = new Map<string, Map<string, LabAlias>>()
  private secrets = new Map<string, Buffer>()
  private meta = new Map<string, string>()
  private other = new Map<string, Map<string, unknown>>()
  private writing = false
  private observer?: KeyObserver
  /** Bumped on every change: lets callers cache derived views. */
  version = 0

  constructor(private readonly store: LabStore) {
    this.reload()
    store.onBatchLost = () => this.reload()
  }

  reload(): void {
    const loaded = this.store.load()
    this.keys = new Map()
    this.regionKeys = new Map()
    this.aliases = new Map()
    const keys = [...((loaded.records.get(KEY)?.values() ?? []) as Iterable<LabKey>)]
    keys.sort((a, b) => a.seq - b.seq)
    for (const key of keys) this.indexKey(key)
    for (const alias of (loaded.records.get(ALIAS)?.values() ?? []) as Iterable<LabAlias>) {
      this.regionAliases(alias.region).set(alias.aliasName, alias)
    }
    this.secrets = loaded.secrets
    this.meta = loaded.meta
    this.other = loaded.records
    this.other.delete(KEY)
    this.other.delete(ALIAS)
    this.version++
    this.observer?.reset(this.keys.values())
  }

  /** Registers the one observer of key changes; it is first told of every key. */
  observeKeys(observer: KeyObserver): void {
    this.observer = observer
    observer.reset(this.keys.values())
  }

  // ---- reads

  key(keyId: string): LabKey | undefined {
    return this.keys.get(keyId)
  }

  keysIn(region: string): readonly LabKey[] {
    return this.regionKeys.get(region) ?? []
  }

  alias(region: string, aliasName: string): LabAlias | undefined {
    return this.aliases.get(region)?.get(aliasName)
  }

  aliasesIn(region: string): LabAlias[] {
    return [...(this.aliases.get(region)?.values() ?? [])]
  }

  aliasesOf(key: LabKey): LabAlias[] {
    return this.aliasesIn(key.region).filter((a) => a.targetKeyId === key.keyId)
  }

  material(keyId: string, materialId: string): Buffer | undefined {
    return this.secrets.get(materialSecretId(keyId, materialId))
  }

  secret(id: string): Buffer | undefined {
    return this.secrets.get(id)
  }

  getMeta(name: string): string | undefined {
    return this.meta.get(name)
  }

  // ---- writes (only inside write())

  write<T>(fn: () => T): T {
    if (this.writing) return fn()
    this.writing = true
    try {
      const result = this.store.transaction(fn)
      this.version++
      return result
    } catch (e) {
      this.reload()
      throw e
    } finally {
      this.writing = false
    }
  }

  /** Wipes the lab (see LabStore.wipe), keeping only the meta entries named, and reloads. */
  wipe(keepMeta: readonly string[]): void {
    this.write(() => this.store.wipe(keepMeta))
    this.reload()
  }

  nextSeq(): number {
    const seq = Number(this.meta.get('seq') ?? '0') + 1
    this.setMeta('seq', String(seq))
    return seq
  }

  setMeta(name: string, value: string): void {
    this.assertWriting()
    this.store.setMeta(name, value)
    this.meta.set(name, value)
  }

  putKey(key: LabKey): void {
    this.assertWriting()
    this.store.put(KEY, key.keyId, key)
    const old = this.keys.get(key.keyId)
    this.keys.set(key.keyId, key)
    const list = this.regionKeys.get(key.region)
    if (old && list) list[list.indexOf(old)] = key
    else this.indexKey(key)
    this.observer?.changed(key.keyId, key)
  }

  /** Deletes a key with its aliases, its grants and every version of its material. */
  deleteKey(keyId: string): void {
    this.assertWriting()
    const key = this.keys.get(keyId)
    if (!key) return
    for (const alias of this.aliasesOf(key)) this.deleteAlias(alias.region, alias.aliasName)
    for (const [id, grant] of this.records<{ keyId?: string }>('grant')) {
      if (grant.keyId === keyId) this.removeRecord('grant', id)
    }
    this.store.remove(KEY, keyId)
    this.store.removeSecretsUnder(`material/${keyId}/`)
    for (const id of [...this.secrets.keys()]) {
      if (id.startsWith(`material/${keyId}/`)) this.secrets.delete(id)
    }
    this.keys.delete(keyId)
    const list = this.regionKeys.get(key.region)
    if (list) list.splice(list.indexOf(key), 1)
    this.observer?.changed(keyId, undefined)
  }

  putAlias(alias: LabAlias): void {
    this.assertWriting()
    this.store.put(ALIAS, `${alias.region}/${alias.aliasName}`, alias)
    this.regionAliases(alias.region).set(alias.aliasName, alias)
  }

  deleteAlias(region: string, aliasName: string): void {
    this.assertWriting()
    this.store.remove(ALIAS, `${region}/${aliasName}`)
    this.aliases.get(region)?.delete(aliasName)
  }

  putMaterial(keyId: string, materialId: string, bytes: Buffer): void {
    this.putSecret(materialSecretId(keyId, materialId), bytes)
  }

  deleteMaterial(keyId: string, materialId: string): void {
    this.deleteSecret(materialSecretId(keyId, materialId))
  }

  putSecret(id: string, bytes: Buffer): void {
    this.assertWriting()
    this.store.putSecret(id, bytes)
    this.secrets.set(id, bytes)
  }

  deleteSecret(id: string): void {
    this.assertWriting()
    this.store.removeSecret(id)
    this.secrets.delete(id)
  }

  /** Records of other kinds (grants, principals, ...) share the same store and transaction. */
  putRecord(kind: string, id: string, body: unknown): void {
    if (kind === KEY || kind === ALIAS) throw new Error(`use putKey/putAlias for ${kind} records`)
    this.assertWriting()
    this.store.put(kind, id, body)
    let byId = this.other.get(kind)
    if (!byId) this.other.set(kind, (byId = new Map()))
    byId.set(id, body)
  }

  removeRecord(kind: string, id: string): void {
    this.assertWriting()
    this.store.remove(kind, id)
    this.other.get(kind)?.delete(id)
  }

  /** Read-only view of the records of one kind. */
  records<T>(kind: string): ReadonlyMap<string, T> {
    return (this.other.get(kind) ?? EMPTY) as ReadonlyMap<string, T>
  }

  durable(): Promise<void> {
    return this.store.durable()
  }

  private indexKey(key: LabKey): void {
    this.keys.set(key.keyId, key)
    let list = this.regionKeys.get(key.region)
    if (!list) this.regionKeys.set(key.region, (list = []))
    list.push(key)
  }

  private regionAliases(region: string): Map<string, LabAlias> {
    let map = this.aliases.get(region)
    if (!map) this.aliases.set(region, (map = new Map()))
    return map
  }

  private assertWriting(): void {
    if (!this.writing) throw new Error('lab state changes must run inside write()')
  }
}
