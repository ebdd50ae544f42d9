// Cryptography tabs of the key page.
import type { KeyTab } from '../key-page/key-tab'
import TryItTab from './TryItTab.vue'

export const CRYPTO_TABS: KeyTab[] = [
  {
    id: 'try-it',
    label: 'Try it',
    component: TryItTab,
    order: 30,
    when: (key) => key.KeyUsage !== undefined
  }
]
