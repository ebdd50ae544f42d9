// Cryptographic operations: encrypt, decrypt, data keys, sign, MAC, public keys, key agreement.
import type { OperationTable } from '.'
import { decrypt } from './decrypt'
import { deriveSharedSecret } from './derive-shared-secret'
import { encrypt } from './encrypt'
import { generateDataKey } from './generate-data-key'
import { generateDataKeyPair } from './generate-data-key-pair'
import { generateDataKeyPairWithoutPlaintext } from './generate-data-key-pair-without-plaintext'
import { generateDataKeyWithoutPlaintext } from './generate-data-key-without-plaintext'
import { generateMac } from './generate-mac'
import { generateRandom } from './generate-random'
import { getPublicKey } from './get-public-key'
import { reEncrypt } from './re-encrypt'
import { sign } from './sign'
import { verify } from './verify'
import { verifyMac } from './verify-mac'

export const CRYPTO_OPERATIONS: OperationTable = {
  Encrypt: encrypt,
  Decrypt: decrypt,
  ReEncrypt: reEncrypt,
  GenerateDataKey: generateDataKey,
  GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintext,
  GenerateDataKeyPair: generateDataKeyPair,
  GenerateDataKeyPairWithoutPlaintext: generateDataKeyPairWithoutPlaintext,
  GenerateRandom: generateRandom,
  Sign: sign,
  Verify: verify,
  GenerateMac: generateMac,
  VerifyMac: verifyMac,
  GetPublicKey: getPublicKey,
  DeriveSharedSecret: deriveSharedSecret
}
