// KMS ARNs and identifiers: building them and telling a key id, key ARN, alias name and alias ARN
// apart, the four ways AWS lets a caller name a key.

/** A key id: a UUID, or `mrk-` and 32 hex digits for a multi-Region key. */
export const KEY_ID_PATTERN =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/
const ARN_PATTERN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/

export function keyArn(region: string, accountId: string, keyId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`
}

export function aliasArn(region: string, accountId: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${accountId}:${aliasName}`
}

export type KeyReference =
  | { kind: 'keyId'; keyId: string }
  | { kind: 'keyArn'; region: string; accountId: string; keyId: string }
  | { kind: 'aliasName'; aliasName: string }
  | { kind: 'aliasArn'; region: string; accountId: string; aliasName: string }
  | { kind: 'invalid' }

/** Classifies what a caller passed as KeyId (or TargetKeyId, DestinationKeyId, ...). */
export function parseKeyReference(value: string): KeyReference {
  if (value.startsWith('alias/')) return { kind: 'aliasName', aliasName: value }
  if (value.startsWith('arn:')) {
    const m = ARN_PATTERN.exec(value)
    if (!m) return { kind: 'invalid' }
    const [, , region, accountId, type, rest] = m
    if (type === 'key') return { kind: 'keyArn', region, accountId, keyId: rest }
    return { kind: 'aliasArn', region, accountId, aliasName: `alias/${rest}` }
  }
  return { kind: 'keyId', keyId: value }
}

/** The short id at the end of a key ARN, or the input when it is not one. */
export function keyIdOf(keyIdOrArn: string): string {
  const i = keyIdOrArn.lastIndexOf(':key/')
  return i >= 0 ? keyIdOrArn.slice(i + 5) : keyIdOrArn
}
