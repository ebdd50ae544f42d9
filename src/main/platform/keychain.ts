// The OS keychain through Electron's safeStorage, as the KeychainCipher the data dir needs.
import { safeStorage } from 'electron'
import type { KeychainCipher } from '../data/root-key'

export const electronKeychain: KeychainCipher = {
  isAvailable: () => safeStorage.isEncryptionAvailable(),
  encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
  decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64')
}
