// Identity and access tabs of the key page: the key's grants.
import type { KeyTab } from '../key-page/key-tab'
import GrantsTab from './GrantsTab.vue'

export const IAM_TABS: KeyTab[] = [
  { id: 'grants', label: 'Grants', component: GrantsTab, order: 60 }
]
