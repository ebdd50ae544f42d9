// The key catalog behind the console's key list: reads every key of the region with the active
// backend's own KMS operations (ListKeys, DescribeKey, ListAliases, ListResourceTags), so it is
// the same on the lab and on AWS; in main, one call from the renderer instead of thousands.
import { NotFoundException } from '../../shared/errors'
import type {
  CatalogApi,
  DescribeKeysInput,
  KeyListItem,
  KeyListTag,
  KeyRefs
} from '../../shared/ipc/catalog-api'
import type { KmsApi } from '../../shared/kms/operations'
import type { KeyMetadata } from '../../shared/kms/types'
import type { Session } from './session'

/**
 * Calls in flight at once. On AWS, within its request quotas. On the lab each call is a durable
 * audit record, and records committed together share one fsync: 16 at a time made a list of
 * 10,000 keys wait for 600 syncs (1.9 s); 1,024 (the audit log's largest batch) need 10.
 */
const AWS_CONCURRENCY = 16
const LAB_CONCURRENCY = 1024

export function createCatalogService(session: Session, kms: KmsApi): CatalogApi {
  const concurrency = (): number => (session.lab ? LAB_CONCURRENCY : AWS_CONCURRENCY)
  const keyRefs = async (): Promise<KeyRefs> => {
    const readAt = session.lab?.clock.now() ?? Date.now()
    const [ids, aliases] = await Promise.all([allKeyIds(kms), aliasesByKey(kms)])
    return { keys: ids.map((keyId) => ({ keyId, aliases: aliases.get(keyId) ?? [] })), readAt }
  }
  const describeKeys = async (input: DescribeKeysInput): Promise<KeyListItem[]> => {
    const refs = input.keys
    const rows: Array<KeyListItem | undefined> = new Array(refs.length)
    await inPool(refs.length, concurrency(), async (i) => {
      const md = await describe(kms, refs[i].keyId)
      if (!md || (md.KeyManager === 'AWS' && !input.includeAwsManaged)) return
      const item = listItem(md, refs[i].aliases)
      if (input.includeTags !== false && md.KeyManager === 'CUSTOMER') {
        item.tags = await tagsOf(kms, refs[i].keyId)
      }
      rows[i] = item
    })
    return rows.filter((r): r is KeyListItem => r !== undefined)
  }
  return {
    async listKeys(input) {
      const { keys, readAt } = await keyRefs()
      return { keys: await describeKeys({ ...input, keys }), readAt }
    },
    keyRefs,
    async describeKeys(input) {
      return { keys: await describeKeys(input) }
    },
    async getKey(input) {
      const { KeyMetadata: md } = await kms.DescribeKey({ KeyId: input.keyId })
      const keyId = md?.KeyId as string
      const names: string[] = []
      let marker: string | undefined
      do {
        const page = await kms.ListAliases({ KeyId: keyId, Limit: 100, Marker: marker })
        for (const a of page.Aliases ?? []) if (a.AliasName) names.push(a.AliasName)
        marker = page.Truncated ? page.NextMarker : undefined
      } while (marker)
      const item = listItem(md as KeyMetadata, names)
      if (md?.KeyManager === 'CUSTOMER') item.tags = await tagsOf(kms, keyId)
      return item
    }
  }
}

function listItem(md: KeyMetadata, aliases: string[]): KeyListItem {
  return {
    keyId: md.KeyId as string,
    arn: md.Arn ?? '',
    aliases,
    keyState: md.KeyState ?? '',
    enabled: md.Enabled === true,
    keySpec: md.KeySpec ?? '',
    keyUsage: md.KeyUsage ?? '',
    origin: md.Origin ?? '',
    keyManager: md.KeyManager ?? '',
    description: md.Description ?? '',
    creationDate: md.CreationDate ? new Date(md.CreationDate).getTime() : 0,
    ...(md.DeletionDate ? { deletionDate: new Date(md.DeletionDate).getTime() } : {}),
    multiRegion: md.MultiRegion === true
  }
}

async function allKeyIds(kms: KmsApi): Promise<string[]> {
  const ids: string[] = []
  let marker: string | undefined
  do {
    const page = await kms.ListKeys({ Limit: 1000, Marker: marker })
    for (const k of page.Keys ?? []) if (k.KeyId) ids.push(k.KeyId)
    marker = page.Truncated ? page.NextMarker : undefined
  } while (marker)
  return ids
}

async function aliasesByKey(kms: KmsApi): Promise<Map<string, string[]>> {
  const byKey = new Map<string, string[]>()
  let marker: string | undefined
  do {
    const page = await kms.ListAliases({ Limit: 100, Marker: marker })
    for (const a of page.Aliases ?? []) {
      if (!a.TargetKeyId || !a.AliasName) continue
      const list = byKey.get(a.TargetKeyId)
      if (list) list.push(a.AliasName)
      else byKey.set(a.TargetKeyId, [a.AliasName])
    }
    marker = page.Truncated ? page.NextMarker : undefined
  } while (marker)
  return byKey
}

/** A key deleted between ListKeys and DescribeKey is left out. */
async function describe(kms: KmsApi, keyId: string): Promise<KeyMetadata | undefined> {
  try {
    return (await kms.DescribeKey({ KeyId: keyId })).KeyMetadata
  } catch (e) {
    if (e instanceof NotFoundException) return undefined
    throw e
  }
}

async function tagsOf(kms: KmsApi, keyId: string): Promise<KeyListTag[]> {
  const tags: KeyListTag[] = []
  let marker: string | undefined
  try {
    do {
      const page = await kms.ListResourceTags({ KeyId: keyId, Limit: 50, Marker: marker })
      for (const t of page.Tags ?? []) tags.push({ key: t.TagKey ?? '', value: t.TagValue ?? '' })
      marker = page.Truncated ? page.NextMarker : undefined
    } while (marker)
  } catch (e) {
    if (!(e instanceof NotFoundException)) throw e
  }
  return tags
}

async function inPool(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) await work(next++)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
}
