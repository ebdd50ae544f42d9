// Key lifecycle tabs of the key page.
import type { KeyTab } from '../key-page/key-tab'
import CryptoConfigTab from './CryptoConfigTab.vue'

export const LIFECYCLE_TABS: KeyTab[] = [
  {
    id: 'crypto-config',
    label: 'Cryptographic configuration',
    component: CryptoConfigTab,
    order: 20
  }
]
