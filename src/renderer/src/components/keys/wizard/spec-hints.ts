// One line about each key spec, for the wizard's key spec choice.
export const SPEC_HINTS: Record<string, string> = {
  SYMMETRIC_DEFAULT: '256-bit AES-GCM',
  RSA_2048: 'RSA, 2048-bit modulus',
  RSA_3072: 'RSA, 3072-bit modulus',
  RSA_4096: 'RSA, 4096-bit modulus',
  ECC_NIST_P256: 'NIST P-256 (secp256r1)',
  ECC_NIST_P384: 'NIST P-384 (secp384r1)',
  ECC_NIST_P521: 'NIST P-521 (secp521r1)',
  ECC_SECG_P256K1: 'secp256k1, as used by cryptocurrencies',
  ECC_NIST_EDWARDS25519: 'Ed25519 (EdDSA)',
  HMAC_224: 'HMAC with SHA-224',
  HMAC_256: 'HMAC with SHA-256',
  HMAC_384: 'HMAC with SHA-384',
  HMAC_512: 'HMAC with SHA-512'
}
