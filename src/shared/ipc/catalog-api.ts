// The console's key catalog: the key list as the console shows it (metadata, aliases and tags of
// every customer managed key of the region), built in main from the backend's own KMS calls.
// Whole (listKeys) or in two steps, so a long list shows its first rows at once: keyRefs (every
// key id with its aliases: ListKeys and ListAliases only), then describeKeys a slice at a time.

export interface KeyListTag {
  key: string
  value: string
}

/** One row of the key list. Times are epoch milliseconds. */
export interface KeyListItem {
  keyId: string
  arn: string
  aliases: string[]
  keyState: string
  enabled: boolean
  keySpec: string
  keyUsage: string
  origin: string
  keyManager: string
  description: string
  creationDate: number
  deletionDate?: number
  multiRegion: boolean
  /** Present when the list was asked with tags. */
  tags?: KeyListTag[]
}

export interface ListKeysCatalogInput {
  /** Also read each key's tags (one ListResourceTags per key); default true. */
  includeTags?: boolean
  /** Include AWS managed keys (KeyManager AWS); default false, like the console's list. */
  includeAwsManaged?: boolean
}

/** A key of the region as ListKeys and ListAliases know it. */
export interface KeyRef {
  keyId: string
  aliases: string[]
}

export interface KeyRefs {
  keys: KeyRef[]
  /** Lab time (or real time on AWS) the list was read at. */
  readAt: number
}

/** Most keys one describeKeys call takes. */
export const DESCRIBE_KEYS_MAX = 1000
/** Most aliases one describeKeys call carries, however they fall on its keys: AWS's quota of
 * aliases per key (50 by default) can be raised, so no one key has a cap of its own. */
export const DESCRIBE_KEYS_MAX_ALIASES = 1_000_000

export interface DescribeKeysInput {
  /** Keys from keyRefs (their aliases are carried into the rows). */
  keys: KeyRef[]
  /** Also read each key's tags; default true. */
  includeTags?: boolean
  /** Include AWS managed keys; default false. */
  includeAwsManaged?: boolean
}

export interface KeyCatalog {
  keys: KeyListItem[]
  /** Lab time (or real time on AWS) the list was read at. */
  readAt: number
}

export interface CatalogApi {
  listKeys(input: ListKeysCatalogInput): Promise<KeyCatalog>
  /** Every key id of the region with its aliases, without describing any key. */
  keyRefs(input: Record<string, never>): Promise<KeyRefs>
  /** The rows of these keys, in their order; a key deleted since keyRefs is left out. */
  describeKeys(input: DescribeKeysInput): Promise<{ keys: KeyListItem[] }>
  /** One row, read again (after the console changed the key); NotFoundException once deleted. */
  getKey(input: { keyId: string }): Promise<KeyListItem>
}
