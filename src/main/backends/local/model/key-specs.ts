// What each key spec the lab implements allows: key usages and, per usage, the algorithms that
// DescribeKey reports (from the KMS developer guide's key spec reference).
import type { KeyUsageType } from '../../../../shared/kms/types'
import { KEY_SPECS } from '../../../../shared/kms/enums'

export type LabKeySpec = (typeof KEY_SPECS)[number]

interface SpecInfo {
  usages: KeyUsageType[]
  encryption?: string[]
  signing?: string[]
  mac?: string[]
  keyAgreement?: string[]
}

const RSA_SIGNING = [
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512'
]
const RSA: SpecInfo = {
  usages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  encryption: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'],
  signing: RSA_SIGNING
}
const nist = (signing: string): SpecInfo => ({
  usages: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  signing: [signing],
  keyAgreement: ['ECDH']
})
const hmac = (bits: number): SpecInfo => ({
  usages: ['GENERATE_VERIFY_MAC'],
  mac: [`HMAC_SHA_${bits}`]
})

export const SPECS: Record<LabKeySpec, SpecInfo> = {
  SYMMETRIC_DEFAULT: { usages: ['ENCRYPT_DECRYPT'], encryption: ['SYMMETRIC_DEFAULT'] },
  RSA_2048: RSA,
  RSA_3072: RSA,
  RSA_4096: RSA,
  ECC_NIST_P256: nist('ECDSA_SHA_256'),
  ECC_NIST_P384: nist('ECDSA_SHA_384'),
  ECC_NIST_P521: nist('ECDSA_SHA_512'),
  ECC_SECG_P256K1: { usages: ['SIGN_VERIFY'], signing: ['ECDSA_SHA_256'] },
  ECC_NIST_EDWARDS25519: {
    usages: ['SIGN_VERIFY'],
    signing: ['ED25519_SHA_512', 'ED25519_PH_SHA_512']
  },
  HMAC_224: hmac(224),
  HMAC_256: hmac(256),
  HMAC_384: hmac(384),
  HMAC_512: hmac(512)
}

export function isLabKeySpec(spec: string): spec is LabKeySpec {
  return Object.prototype.hasOwnProperty.call(SPECS, spec)
}

export function isSymmetric(spec: LabKeySpec): boolean {
  return spec === 'SYMMETRIC_DEFAULT'
}

export function isHmac(spec: LabKeySpec): boolean {
  return spec.startsWith('HMAC_')
}

export function isAsymmetric(spec: LabKeySpec): boolean {
  return spec.startsWith('RSA_') || spec.startsWith('ECC_')
}

/** The console's key type: the kind an alias may move between (UpdateAlias). */
export function keyTypeOf(spec: LabKeySpec): 'SYMMETRIC' | 'ASYMMETRIC' | 'HMAC' {
  if (isHmac(spec)) return 'HMAC'
  return isSymmetric(spec) ? 'SYMMETRIC' : 'ASYMMETRIC'
}

/** The algorithm lists DescribeKey reports for a key of this spec and usage. */
export function algorithmsFor(
  spec: LabKeySpec,
  usage: KeyUsageType
): {
  EncryptionAlgorithms?: string[]
  SigningAlgorithms?: string[]
  MacAlgorithms?: string[]
  KeyAgreementAlgorithms?: string[]
} {
  const info = SPECS[spec]
  switch (usage) {
    case 'ENCRYPT_DECRYPT':
      return { EncryptionAlgorithms: info.encryption }
    case 'SIGN_VERIFY':
      return { SigningAlgorithms: info.signing }
    case 'GENERATE_VERIFY_MAC':
      return { MacAlgorithms: info.mac }
    case 'KEY_AGREEMENT':
      return { KeyAgreementAlgorithms: info.keyAgreement }
    default:
      return {}
  }
}
