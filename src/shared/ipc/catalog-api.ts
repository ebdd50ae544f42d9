// The console's key catalog: the key list as the console shows it (metadata, aliases and tags of
// every customer managed key of the region), built in main from the backend's own KMS calls.

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

export interface KeyCatalog {
  keys: KeyListItem[]
  /** Lab time (or real time on AWS) the list was read at. */
  readAt: number
}

export interface CatalogApi {
  listKeys(input: ListKeysCatalogInput): Promise<KeyCatalog>
  /** One row, read again (after the console changed the key); NotFoundException once deleted. */
  getKey(input: { keyId: string }): Promise<KeyListItem>
}
