// Cryptographic operations: encrypt, decrypt, data keys, sign, MAC, public keys, key agreement.
import type { OperationTable } from '.'

export const CRYPTO_OPERATIONS: OperationTable = {}
