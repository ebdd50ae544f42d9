// Cryptography tabs of the key page.
import type { KeyTab } from '../key-page/key-tab'

export const CRYPTO_TABS: KeyTab[] = []
