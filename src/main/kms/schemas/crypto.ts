// Input schemas of the cryptographic operations, with the API reference's member constraints.
import { z } from 'zod'
import {
  DATA_KEY_PAIR_SPECS,
  ENCRYPTION_ALGORITHMS,
  KEY_AGREEMENT_ALGORITHMS,
  MAC_ALGORITHMS,
  SIGNING_ALGORITHMS
} from '../../../shared/kms/enums'
import * as f from './fields'
import type { SchemaTable } from '.'

const encryptionAlgorithm = z.enum(ENCRYPTION_ALGORITHMS)
const signingAlgorithm = z.enum(SIGNING_ALGORITHMS)
const macAlgorithm = z.enum(MAC_ALGORITHMS)
const messageType = z.enum(['RAW', 'DIGEST', 'EXTERNAL_MU'])
const recipient = z.object({
  KeyEncryptionAlgorithm: z.enum(['RSAES_OAEP_SHA_256']).optional(),
  AttestationDocument: f.blob(1, 262144).optional()
})
/** Every KMS ciphertext, signature and MAC member: 1 to 6144 bytes. */
const ciphertext = f.blob(1, 6144)
const message = f.blob(1, 4096)

const keyed = {
  KeyId: f.keyId,
  GrantTokens: f.grantTokens.optional(),
  DryRun: f.dryRun.optional()
}

export const encryptInput = z.object({
  ...keyed,
  Plaintext: f.blob(1, 4096),
  EncryptionContext: f.encryptionContext.optional(),
  EncryptionAlgorithm: encryptionAlgorithm.optional()
})

export const decryptInput = z.object({
  CiphertextBlob: ciphertext,
  EncryptionContext: f.encryptionContext.optional(),
  GrantTokens: f.grantTokens.optional(),
  KeyId: f.keyId.optional(),
  EncryptionAlgorithm: encryptionAlgorithm.optional(),
  Recipient: recipient.optional(),
  DryRun: f.dryRun.optional()
})

export const reEncryptInput = z.object({
  CiphertextBlob: ciphertext,
  SourceEncryptionContext: f.encryptionContext.optional(),
  SourceKeyId: f.keyId.optional(),
  DestinationKeyId: f.keyId,
  DestinationEncryptionContext: f.encryptionContext.optional(),
  SourceEncryptionAlgorithm: encryptionAlgorithm.optional(),
  DestinationEncryptionAlgorithm: encryptionAlgorithm.optional(),
  GrantTokens: f.grantTokens.optional(),
  DryRun: f.dryRun.optional()
})

const dataKey = {
  ...keyed,
  EncryptionContext: f.encryptionContext.optional(),
  NumberOfBytes: f.limit(1024).optional(),
  KeySpec: z.enum(['AES_256', 'AES_128']).optional()
}

export const generateDataKeyInput = z.object({ ...dataKey, Recipient: recipient.optional() })
export const generateDataKeyWithoutPlaintextInput = z.object(dataKey)

const dataKeyPair = {
  ...keyed,
  EncryptionContext: f.encryptionContext.optional(),
  KeyPairSpec: z.enum(DATA_KEY_PAIR_SPECS)
}

export const generateDataKeyPairInput = z.object({
  ...dataKeyPair,
  Recipient: recipient.optional()
})
export const generateDataKeyPairWithoutPlaintextInput = z.object(dataKeyPair)

export const generateRandomInput = z.object({
  NumberOfBytes: f.limit(1024).optional(),
  CustomKeyStoreId: z.string().min(1).max(64).optional(),
  Recipient: recipient.optional()
})

export const signInput = z.object({
  ...keyed,
  Message: message,
  MessageType: messageType.optional(),
  SigningAlgorithm: signingAlgorithm
})

export const verifyInput = z.object({
  ...keyed,
  Message: message,
  MessageType: messageType.optional(),
  Signature: ciphertext,
  SigningAlgorithm: signingAlgorithm
})

export const generateMacInput = z.object({
  ...keyed,
  Message: message,
  MacAlgorithm: macAlgorithm
})

export const verifyMacInput = z.object({
  ...keyed,
  Message: message,
  MacAlgorithm: macAlgorithm,
  Mac: ciphertext
})

export const getPublicKeyInput = z.object({
  KeyId: f.keyId,
  GrantTokens: f.grantTokens.optional()
})

export const deriveSharedSecretInput = z.object({
  ...keyed,
  KeyAgreementAlgorithm: z.enum(KEY_AGREEMENT_ALGORITHMS),
  PublicKey: f.blob(1, 8192),
  Recipient: recipient.optional()
})

export const CRYPTO_SCHEMAS: SchemaTable = {
  Encrypt: encryptInput,
  Decrypt: decryptInput,
  ReEncrypt: reEncryptInput,
  GenerateDataKey: generateDataKeyInput,
  GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintextInput,
  GenerateDataKeyPair: generateDataKeyPairInput,
  GenerateDataKeyPairWithoutPlaintext: generateDataKeyPairWithoutPlaintextInput,
  GenerateRandom: generateRandomInput,
  Sign: signInput,
  Verify: verifyInput,
  GenerateMac: generateMacInput,
  VerifyMac: verifyMacInput,
  GetPublicKey: getPublicKeyInput,
  DeriveSharedSecret: deriveSharedSecretInput
}
