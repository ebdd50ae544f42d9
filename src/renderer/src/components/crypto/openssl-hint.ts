// The openssl command that uses a downloaded public key the way this key's usage needs.
import type { KeyMetadata } from '../../../../shared/kms/types'

export function opensslHint(key: KeyMetadata, pemFile: string): string {
  if (key.KeyUsage === 'ENCRYPT_DECRYPT') {
    return `openssl pkeyutl -encrypt -pubin -inkey ${pemFile} -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256 -in plain.txt -out cipher.bin`
  }
  if (key.KeyUsage === 'KEY_AGREEMENT') {
    return `openssl pkeyutl -derive -inkey peer-private.pem -peerkey ${pemFile} -out shared.bin`
  }
  const alg = key.SigningAlgorithms?.[0] ?? ''
  if (alg.startsWith('ED25519')) {
    return `openssl pkeyutl -verify -pubin -inkey ${pemFile} -rawin -in message.txt -sigfile sig.bin`
  }
  const bits = alg.slice(-3)
  const pss = alg.startsWith('RSASSA_PSS')
    ? ` -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:${Number(bits) / 8}`
    : ''
  return `openssl dgst -sha${bits}${pss} -verify ${pemFile} -signature sig.bin message.txt  # ${alg}`
}
