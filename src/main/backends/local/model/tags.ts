// Resource tag rules: key 1-128 and value 0-256 characters (the member constraints), no `aws:`
// prefix, no duplicate keys in one request, at most 50 tags per key.
import { TagException } from '../../../../shared/errors'
import type { Tag } from '../../../../shared/kms/types'

export const MAX_TAGS = 50

export function validateTags(tags: Tag[]): Tag[] {
  const seen = new Set<string>()
  for (const tag of tags) {
    const key = tag.TagKey ?? ''
    if (key.toLowerCase().startsWith('aws:')) {
      throw new TagException('Tags beginning with aws: are reserved')
    }
    if (seen.has(key)) throw new TagException(`Duplicate tag keys: ${key}`)
    seen.add(key)
  }
  if (tags.length > MAX_TAGS)
    throw new TagException(`Too many tags: a KMS key can have at most ${MAX_TAGS}`)
  return tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue ?? '' }))
}

/** TagResource: new keys are added, existing keys take the new value; the result is checked. */
export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const incoming = validateTags(added)
  const byKey = new Map(existing.map((t) => [t.TagKey, t]))
  for (const t of incoming) byKey.set(t.TagKey, t)
  const merged = [...byKey.values()]
  if (merged.length > MAX_TAGS)
    throw new TagException(`Too many tags: a KMS key can have at most ${MAX_TAGS}`)
  return merged
}

/** UntagResource: keys that are not there are ignored, as AWS does. */
export function removeTags(existing: Tag[], keys: string[]): Tag[] {
  const drop = new Set(keys)
  return existing.filter((t) => !drop.has(t.TagKey as string))
}
