// Generate-and-wrap for the import wizard, on the lab only. It runs here in main, with the same
// OpenSSL primitives the workshop's `openssl pkeyutl` / `openssl enc -id-aes256-wrap-pad` use
// (WebCrypto has no AES key wrap with padding), and hands back the plaintext only to be saved.
import { createPublicKey, randomBytes } from 'node:crypto'
import { UnsupportedOperationException, ValidationException } from '../../shared/errors'
import type { ImportToolsApi } from '../../shared/ipc/import-tools-api'
import { HMAC_KEY_BYTES } from '../backends/local/crypto/key-material'
import { wrapKeyMaterial } from '../backends/local/crypto/key-wrapping'
import type { Session } from './session'

export function createImportToolsService(session: Session): ImportToolsApi {
  return {
    async generateAndWrap(input) {
      if (!session.lab) {
        throw new UnsupportedOperationException(
          'Generating key material in KeyLab is offered only on the local lab. Against AWS, generate and wrap it yourself (openssl) and upload the wrapped file.'
        )
      }
      let key
      try {
        key = createPublicKey({ key: Buffer.from(input.publicKey), format: 'der', type: 'spki' })
      } catch {
        key = undefined
      }
      if (key?.asymmetricKeyType !== 'rsa') {
        throw new ValidationException(
          'The wrapping public key must be a DER-encoded RSA SubjectPublicKeyInfo, as GetParametersForImport returns it.'
        )
      }
      const plaintext = randomBytes(
        input.keySpec === 'SYMMETRIC_DEFAULT' ? 32 : HMAC_KEY_BYTES[input.keySpec]
      )
      const wrapped = wrapKeyMaterial(input.publicKey, input.wrappingAlgorithm, plaintext)
      return { plaintext, wrapped }
    }
  }
}
