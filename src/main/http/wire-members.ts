// The request members that AWS JSON 1.1 does not carry as plain JSON: blobs (base64 strings) and
// timestamps (epoch seconds). Derived from @aws-sdk/client-kms's schemas for every operation in
// OPERATIONS (tests/unit/main/http/wire-members.test.ts re-derives them and compares). Paths are
// member names from the request's top level, nested structures joined with '.', so a map key
// that happens to read "Plaintext" (in an EncryptionContext) is never mistaken for a blob.

export type WireKind = 'blob' | 'timestamp'

export const INPUT_WIRE_MEMBERS: Readonly<Record<string, WireKind>> = {
  CiphertextBlob: 'blob',
  EncryptedKeyMaterial: 'blob',
  ImportToken: 'blob',
  Mac: 'blob',
  Message: 'blob',
  Plaintext: 'blob',
  PublicKey: 'blob',
  'Recipient.AttestationDocument': 'blob',
  Signature: 'blob',
  ValidTo: 'timestamp'
}

export interface WireTree {
  [member: string]: WireKind | WireTree
}

function tree(paths: Readonly<Record<string, WireKind>>): WireTree {
  const root: WireTree = {}
  for (const [path, kind] of Object.entries(paths)) {
    const parts = path.split('.')
    let node = root
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as WireTree
    node[parts[parts.length - 1]] = kind
  }
  return root
}

export const INPUT_WIRE_TREE: WireTree = tree(INPUT_WIRE_MEMBERS)

/**
 * KMS operations the lab does not serve (custom key stores, multi-Region replication, ...):
 * the endpoint answers them with UnsupportedOperationException rather than as unknown.
 */
export const UNSERVED_KMS_OPERATIONS: ReadonlySet<string> = new Set([
  'ConnectCustomKeyStore',
  'CreateCustomKeyStore',
  'Decapsulate',
  'DeleteCustomKeyStore',
  'DescribeCustomKeyStores',
  'DisconnectCustomKeyStore',
  'Encapsulate',
  'GetKeyLastUsage',
  'ReplicateKey',
  'UpdateCustomKeyStore',
  'UpdatePrimaryRegion'
])
