// Which Try-it actions a key offers: exactly what its key usage (and spec) allows in KMS.
import type { KeyMetadata } from '../../../../shared/kms/types'

export interface TryItAction {
  id: 'encrypt' | 'decrypt' | 'data-key' | 'sign' | 'mac' | 'public-key' | 'agreement'
  label: string
  /** The KMS operations behind it, shown under the label. */
  operations: string
}

const ACTIONS: Record<TryItAction['id'], TryItAction> = {
  encrypt: { id: 'encrypt', label: 'Encrypt', operations: 'Encrypt' },
  decrypt: { id: 'decrypt', label: 'Decrypt', operations: 'Decrypt' },
  'data-key': { id: 'data-key', label: 'Data key', operations: 'GenerateDataKey(Pair)' },
  sign: { id: 'sign', label: 'Sign and verify', operations: 'Sign, Verify' },
  mac: { id: 'mac', label: 'MAC', operations: 'GenerateMac, VerifyMac' },
  'public-key': { id: 'public-key', label: 'Public key', operations: 'GetPublicKey' },
  agreement: { id: 'agreement', label: 'Key agreement', operations: 'DeriveSharedSecret' }
}

export function tryItActions(key: KeyMetadata): TryItAction[] {
  const symmetric = key.KeySpec === 'SYMMETRIC_DEFAULT'
  const ids: Array<TryItAction['id']> = []
  switch (key.KeyUsage) {
    case 'ENCRYPT_DECRYPT':
      ids.push('encrypt', 'decrypt', symmetric ? 'data-key' : 'public-key')
      break
    case 'SIGN_VERIFY':
      ids.push('sign', 'public-key')
      break
    case 'GENERATE_VERIFY_MAC':
      ids.push('mac')
      break
    case 'KEY_AGREEMENT':
      ids.push('agreement', 'public-key')
      break
  }
  return ids.map((id) => ACTIONS[id])
}
