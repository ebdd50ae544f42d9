// The enum values KeyLab knows, written as literal lists so that shared code needs no runtime
// import; `satisfies` keeps each list inside the SDK's own enum type.
import type {
  DataKeyPairSpec,
  EncryptionAlgorithmSpec,
  KeyAgreementAlgorithmSpec,
  KeySpec,
  KeyState,
  KeyUsageType,
  MacAlgorithmSpec,
  OriginType,
  SigningAlgorithmSpec,
  WrappingKeySpec,
  AlgorithmSpec
} from '@aws-sdk/client-kms'

export const KEY_SPECS = [
  'SYMMETRIC_DEFAULT',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'ECC_NIST_EDWARDS25519',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512'
] as const satisfies readonly KeySpec[]

/** Specs AWS has that the lab does not implement (it answers UnsupportedOperationException). */
export const AWS_ONLY_KEY_SPECS = [
  'SM2',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
  'ML_KEM_512',
  'ML_KEM_768',
  'ML_KEM_1024'
] as const satisfies readonly KeySpec[]

export const KEY_USAGES = [
  'ENCRYPT_DECRYPT',
  'SIGN_VERIFY',
  'GENERATE_VERIFY_MAC',
  'KEY_AGREEMENT'
] as const satisfies readonly KeyUsageType[]

export const KEY_STATES = [
  'Creating',
  'Enabled',
  'Disabled',
  'PendingDeletion',
  'PendingImport',
  'PendingReplicaDeletion',
  'Unavailable',
  'Updating'
] as const satisfies readonly KeyState[]

export const ORIGINS = [
  'AWS_KMS',
  'EXTERNAL',
  'AWS_CLOUDHSM',
  'EXTERNAL_KEY_STORE'
] as const satisfies readonly OriginType[]

export const ENCRYPTION_ALGORITHMS = [
  'SYMMETRIC_DEFAULT',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'SM2PKE'
] as const satisfies readonly EncryptionAlgorithmSpec[]

export const SIGNING_ALGORITHMS = [
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'ECDSA_SHA_256',
  'ECDSA_SHA_384',
  'ECDSA_SHA_512',
  'ED25519_SHA_512',
  'ED25519_PH_SHA_512',
  'SM2DSA',
  'ML_DSA_SHAKE_256'
] as const satisfies readonly SigningAlgorithmSpec[]

export const MAC_ALGORITHMS = [
  'HMAC_SHA_224',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512'
] as const satisfies readonly MacAlgorithmSpec[]

export const KEY_AGREEMENT_ALGORITHMS = [
  'ECDH'
] as const satisfies readonly KeyAgreementAlgorithmSpec[]

export const DATA_KEY_PAIR_SPECS = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'ECC_NIST_EDWARDS25519',
  'SM2'
] as const satisfies readonly DataKeyPairSpec[]

export const WRAPPING_ALGORITHMS = [
  'RSAES_PKCS1_V1_5',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'RSA_AES_KEY_WRAP_SHA_1',
  'RSA_AES_KEY_WRAP_SHA_256',
  'SM2PKE'
] as const satisfies readonly AlgorithmSpec[]

export const WRAPPING_KEY_SPECS = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'SM2'
] as const satisfies readonly WrappingKeySpec[]

/** The regions the console offers in its picker (AWS's commercial regions). */
export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'me-west-1',
  'mx-central-1',
  'sa-east-1',
  'sa-west-1'
] as const
