// The choices of the import wizard: wrapping algorithms and key specs as the console offers
// them, which fit a key spec, and the openssl commands that wrap material for each algorithm.
import type { ImportWrappingAlgorithm } from '../../../../shared/ipc'

export const WRAPPING_ALGORITHMS: { value: ImportWrappingAlgorithm; hint: string }[] = [
  { value: 'RSAES_OAEP_SHA_256', hint: 'RSA-OAEP with SHA-256 over the key material.' },
  { value: 'RSAES_OAEP_SHA_1', hint: 'RSA-OAEP with SHA-1, as the workshop uses.' },
  {
    value: 'RSA_AES_KEY_WRAP_SHA_256',
    hint: 'An AES key wraps the material (RFC 5649); RSA-OAEP SHA-256 wraps the AES key.'
  },
  {
    value: 'RSA_AES_KEY_WRAP_SHA_1',
    hint: 'An AES key wraps the material (RFC 5649); RSA-OAEP SHA-1 wraps the AES key.'
  }
]

export const WRAPPING_KEY_SPECS = ['RSA_4096', 'RSA_3072', 'RSA_2048'] as const

/** RSA private keys need an RSA_AES algorithm; everything else fits all four. */
export function algorithmsFor(keySpec: string | undefined): typeof WRAPPING_ALGORITHMS {
  return keySpec?.startsWith('RSA_')
    ? WRAPPING_ALGORITHMS.filter((a) => a.value.startsWith('RSA_AES'))
    : WRAPPING_ALGORITHMS
}

/** Key specs whose material the lab can generate here: raw random bytes. */
export function canGenerate(keySpec: string | undefined): boolean {
  return keySpec === 'SYMMETRIC_DEFAULT' || (keySpec?.startsWith('HMAC_') ?? false)
}

export function materialBytes(keySpec: string | undefined): number {
  const bits: Record<string, number> = { HMAC_224: 28, HMAC_256: 32, HMAC_384: 48, HMAC_512: 64 }
  return bits[keySpec ?? ''] ?? 32
}

export function publicKeyFile(keyId: string): string {
  return `wrappingKey_${keyId}`
}

export function tokenFile(keyId: string): string {
  return `importToken_${keyId}`
}

const CURVES: Record<string, string> = {
  ECC_NIST_P256: 'P-256',
  ECC_NIST_P384: 'P-384',
  ECC_NIST_P521: 'P-521',
  ECC_SECG_P256K1: 'secp256k1'
}

/** A command that makes key material of this key spec as PlaintextKeyMaterial.bin. */
function makeMaterial(keySpec: string): string {
  const pkcs8 = 'openssl pkcs8 -topk8 -outform DER -nocrypt -out PlaintextKeyMaterial.bin'
  if (keySpec.startsWith('RSA_'))
    return `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:${keySpec.slice(4)} | ${pkcs8}`
  if (keySpec === 'ECC_NIST_EDWARDS25519') return `openssl genpkey -algorithm ED25519 | ${pkcs8}`
  if (CURVES[keySpec])
    return `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:${CURVES[keySpec]} | ${pkcs8}`
  return `openssl rand -out PlaintextKeyMaterial.bin ${materialBytes(keySpec)}`
}

/** The terminal steps that make key material and wrap it for the chosen algorithm. */
export function wrapCommands(
  keyId: string,
  keySpec: string,
  algorithm: ImportWrappingAlgorithm
): string {
  const md = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256'
  const oaep = `-pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:${md} -pkeyopt rsa_mgf1_md:${md}`
  const pub = `-inkey ${publicKeyFile(keyId)} -keyform DER -pubin`
  const steps = [
    '# Your key material goes in PlaintextKeyMaterial.bin; keep it for any reimport. For example:',
    makeMaterial(keySpec)
  ]
  if (!algorithm.startsWith('RSA_AES')) {
    steps.push(
      `openssl pkeyutl -encrypt ${pub} ${oaep} -in PlaintextKeyMaterial.bin -out EncryptedKeyMaterial.bin`
    )
  } else {
    steps.push(
      'openssl rand -out aes-key.bin 32',
      'openssl enc -id-aes256-wrap-pad -K "$(od -An -tx1 -v aes-key.bin | tr -d \' \\n\')" -iv A65959A6 -in PlaintextKeyMaterial.bin -out key-material-wrapped.bin',
      `openssl pkeyutl -encrypt ${pub} ${oaep} -in aes-key.bin -out aes-key-wrapped.bin`,
      'cat aes-key-wrapped.bin key-material-wrapped.bin > EncryptedKeyMaterial.bin'
    )
  }
  return steps.join('\n')
}
