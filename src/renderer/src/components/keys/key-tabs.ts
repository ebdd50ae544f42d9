// Key lifecycle tabs of the key page: key policy, cryptographic configuration, tags, key
// rotation (symmetric encryption keys with KMS key material) and aliases.
import type { KeyTab } from '../key-page/key-tab'
import CryptoConfigTab from './CryptoConfigTab.vue'
import KeyAliasesTab from './KeyAliasesTab.vue'
import KeyPolicyTab from './KeyPolicyTab.vue'
import KeyRotationTab from './KeyRotationTab.vue'
import KeyTagsTab from './KeyTagsTab.vue'

export const LIFECYCLE_TABS: KeyTab[] = [
  { id: 'key-policy', label: 'Key policy', component: KeyPolicyTab, order: 10 },
  {
    id: 'crypto-config',
    label: 'Cryptographic configuration',
    component: CryptoConfigTab,
    order: 20
  },
  { id: 'tags', label: 'Tags', component: KeyTagsTab, order: 30 },
  {
    id: 'key-rotation',
    label: 'Key rotation',
    component: KeyRotationTab,
    order: 40,
    when: (key) => key.KeySpec === 'SYMMETRIC_DEFAULT' && key.Origin === 'AWS_KMS'
  },
  { id: 'aliases', label: 'Aliases', component: KeyAliasesTab, order: 50 }
]
