// Checks of the wizard's free-text fields, with the same rules KMS applies, so Next explains a
// problem before CreateKey or CreateAlias would refuse it.
import type { KeyDraft } from '../../../lib/key-draft'

export function aliasProblem(alias: string): string | undefined {
  const name = alias.trim().replace(/^alias\//, '')
  if (!name) return 'Enter an alias: the friendly name applications use for this key.'
  if (!/^[a-zA-Z0-9/_-]+$/.test(name))
    return 'An alias can contain only letters, numbers, slashes (/), underscores (_) and dashes (-).'
  if (name.startsWith('aws/')) return 'The alias/aws/ prefix is reserved for AWS managed keys.'
  if (name.length > 250) return 'An alias can be at most 256 characters, alias/ included.'
  return undefined
}

export function tagProblem(tags: KeyDraft['tags']): string | undefined {
  const seen = new Set<string>()
  for (const t of tags) {
    const key = t.TagKey ?? ''
    if (!key) return 'Every tag needs a key.'
    if (key.length > 128) return `Tag key ${key.slice(0, 20)}… is longer than 128 characters.`
    if ((t.TagValue ?? '').length > 256) return `The value of tag ${key} is over 256 characters.`
    if (key.toLowerCase().startsWith('aws:')) return 'Tag keys beginning with aws: are reserved.'
    if (seen.has(key)) return `The tag key ${key} is used twice.`
    seen.add(key)
  }
  if (tags.length > 50) return 'A key can have at most 50 tags.'
  return undefined
}

export function validateLabels(draft: KeyDraft): string | undefined {
  if (draft.description.length > 8192) return 'The description is over 8192 characters.'
  return aliasProblem(draft.alias) ?? tagProblem(draft.tags)
}
