// Imported key material tabs of the key page: "Key material", for keys of EXTERNAL origin.
import type { KeyTab } from '../key-page/key-tab'
import KeyMaterialTab from './KeyMaterialTab.vue'

export const IMPORT_TABS: KeyTab[] = [
  {
    id: 'key-material',
    label: 'Key material',
    component: KeyMaterialTab,
    order: 30,
    when: (key) => key.Origin === 'EXTERNAL'
  }
]
