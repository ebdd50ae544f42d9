// The console's import helpers: on the lab, generate key material and wrap it for import with a
// downloaded wrapping public key, as the workshop's openssl commands would.

export type ImportWrappingAlgorithm =
  'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256' | 'RSA_AES_KEY_WRAP_SHA_1' | 'RSA_AES_KEY_WRAP_SHA_256'

export interface GenerateAndWrapInput {
  /** The wrapping public key from GetParametersForImport (DER SubjectPublicKeyInfo). */
  publicKey: Uint8Array
  wrappingAlgorithm: ImportWrappingAlgorithm
  /** The key spec of the KMS key: SYMMETRIC_DEFAULT (32 bytes) or an HMAC spec. */
  keySpec: 'SYMMETRIC_DEFAULT' | 'HMAC_224' | 'HMAC_256' | 'HMAC_384' | 'HMAC_512'
}

export interface GenerateAndWrapOutput {
  /** The plaintext key material: the user must keep it to reimport the same material. */
  plaintext: Uint8Array
  /** The material wrapped for ImportKeyMaterial's EncryptedKeyMaterial. */
  wrapped: Uint8Array
}

export interface ImportToolsApi {
  generateAndWrap(input: GenerateAndWrapInput): Promise<GenerateAndWrapOutput>
}
