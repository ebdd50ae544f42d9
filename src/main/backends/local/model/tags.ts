// Resource tag rules: key 1-128 and value 0-256 characters, no `aws:` prefix, no duplicate keys,
// at most 50 tags per key.
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
