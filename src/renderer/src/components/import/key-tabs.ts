// Imported key material tabs of the key page.
import type { KeyTab } from '../key-page/key-tab'

export const IMPORT_TABS: KeyTab[] = []
