// Every tab of the key page, from each domain's list.
import type { KeyTab } from './key-tab'
import { LIFECYCLE_TABS } from '../keys/key-tabs'
import { CRYPTO_TABS } from '../crypto/key-tabs'
import { IMPORT_TABS } from '../import/key-tabs'
import { IAM_TABS } from '../iam/key-tabs'

export const KEY_TABS: KeyTab[] = [
  ...LIFECYCLE_TABS,
  ...CRYPTO_TABS,
  ...IMPORT_TABS,
  ...IAM_TABS
].sort((a, b) => a.order - b.order)
