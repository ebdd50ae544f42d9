// What the create-key wizard collects, the choices each step offers (the key specs per type and
// usage, as the AWS console groups them), and the CreateKey request it amounts to.
import type { CreateKeyRequest, Tag } from '../../../shared/kms/types'

export type DraftKeyType = 'symmetric' | 'asymmetric'
export type DraftUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT'

export interface KeyDraft {
  keyType: DraftKeyType
  keyUsage: DraftUsage
  keySpec: string
  origin: 'AWS_KMS' | 'EXTERNAL'
  multiRegion: boolean
  alias: string
  description: string
  tags: Tag[]
  administrators: string[]
  allowAdminsToDelete: boolean
  users: string[]
  otherAccounts: string[]
}

export function newDraft(): KeyDraft {
  return {
    keyType: 'symmetric',
    keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT',
    origin: 'AWS_KMS',
    multiRegion: false,
    alias: '',
    description: '',
    tags: [],
    administrators: [],
    allowAdminsToDelete: true,
    users: [],
    otherAccounts: []
  }
}

export const USAGES: Record<
  DraftKeyType,
  Array<{ value: DraftUsage; label: string; hint: string }>
> = {
  symmetric: [
    {
      value: 'ENCRYPT_DECRYPT',
      label: 'Encrypt and decrypt',
      hint: 'One 256-bit AES-GCM key that encrypts up to 4 KB and protects data keys.'
    },
    {
      value: 'GENERATE_VERIFY_MAC',
      label: 'Generate and verify MAC',
      hint: 'An HMAC key that makes and checks message authentication codes.'
    }
  ],
  asymmetric: [
    {
      value: 'ENCRYPT_DECRYPT',
      label: 'Encrypt and decrypt',
      hint: 'An RSA key pair: anyone with the public key can encrypt.'
    },
    {
      value: 'SIGN_VERIFY',
      label: 'Sign and verify',
      hint: 'An RSA or elliptic curve key pair that signs messages and digests.'
    },
    {
      value: 'KEY_AGREEMENT',
      label: 'Key agreement',
      hint: 'An elliptic curve key pair that derives shared secrets (ECDH).'
    }
  ]
}

const RSA = ['RSA_2048', 'RSA_3072', 'RSA_4096']
const NIST = ['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521']

/** The key specs the console offers for a key type and usage. */
export function specsFor(keyType: DraftKeyType, usage: DraftUsage): string[] {
  if (keyType === 'symmetric') {
    return usage === 'GENERATE_VERIFY_MAC'
      ? ['HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512']
      : ['SYMMETRIC_DEFAULT']
  }
  if (usage === 'ENCRYPT_DECRYPT') return RSA
  if (usage === 'KEY_AGREEMENT') return NIST
  return [...RSA, ...NIST, 'ECC_SECG_P256K1', 'ECC_NIST_EDWARDS25519']
}

/** Keeps usage and spec valid after the key type or usage changed. */
export function normalizeDraft(draft: KeyDraft): KeyDraft {
  const usages = USAGES[draft.keyType].map((u) => u.value)
  const keyUsage = usages.includes(draft.keyUsage) ? draft.keyUsage : usages[0]
  const specs = specsFor(draft.keyType, keyUsage)
  const keySpec = specs.includes(draft.keySpec) ? draft.keySpec : specs[0]
  return { ...draft, keyUsage, keySpec }
}

export function aliasName(draft: KeyDraft): string {
  const name = draft.alias.trim()
  return name.startsWith('alias/') ? name : `alias/${name}`
}

/** Whether the draft names no one besides the account (the console's policy is then AWS's default). */
export function namesNoPrincipals(draft: KeyDraft): boolean {
  return !draft.administrators.length && !draft.users.length && !draft.otherAccounts.length
}

/**
 * The CreateKey request. With no administrators, users or other accounts chosen, the request
 * carries no Policy, as `aws kms create-key` in the workshop: KMS then writes its default key
 * policy (the account statement), and no lockout safety check applies.
 */
export function createKeyRequest(draft: KeyDraft, policy: string): CreateKeyRequest {
  return {
    KeySpec: draft.keySpec as CreateKeyRequest['KeySpec'],
    KeyUsage: draft.keyUsage,
    Origin: draft.origin,
    Description: draft.description,
    ...(namesNoPrincipals(draft) ? {} : { Policy: policy }),
    ...(draft.tags.length ? { Tags: draft.tags } : {}),
    ...(draft.multiRegion ? { MultiRegion: true } : {})
  }
}
