// Every exception the lab or the console raises, named exactly as AWS names them. Service
// exceptions come from the KMS API reference; the protocol ones (signature, serialization) are
// the ones AWS's JSON front end answers with.
import { defineError, KmsError } from './kms-error'

export const AccessDeniedException = defineError('AccessDeniedException')
export const AlreadyExistsException = defineError('AlreadyExistsException')
export const ConflictException = defineError('ConflictException')
export const CustomKeyStoreNotFoundException = defineError('CustomKeyStoreNotFoundException')
export const DependencyTimeoutException = defineError('DependencyTimeoutException', 'server')
export const DisabledException = defineError('DisabledException')
export const DryRunOperationException = defineError('DryRunOperationException')
export const ExpiredImportTokenException = defineError('ExpiredImportTokenException')
export const IncorrectKeyException = defineError('IncorrectKeyException')
export const IncorrectKeyMaterialException = defineError('IncorrectKeyMaterialException')
export const InvalidAliasNameException = defineError('InvalidAliasNameException')
export const InvalidArnException = defineError('InvalidArnException')
export const InvalidCiphertextException = defineError('InvalidCiphertextException')
export const InvalidGrantIdException = defineError('InvalidGrantIdException')
export const InvalidGrantTokenException = defineError('InvalidGrantTokenException')
export const InvalidImportTokenException = defineError('InvalidImportTokenException')
export const InvalidKeyUsageException = defineError('InvalidKeyUsageException')
export const InvalidMarkerException = defineError('InvalidMarkerException')
export const KeyUnavailableException = defineError('KeyUnavailableException', 'server')
export const KMSInternalException = defineError('KMSInternalException', 'server')
export const KMSInvalidMacException = defineError('KMSInvalidMacException')
export const KMSInvalidSignatureException = defineError('KMSInvalidSignatureException')
export const KMSInvalidStateException = defineError('KMSInvalidStateException')
export const LimitExceededException = defineError('LimitExceededException')
export const MalformedPolicyDocumentException = defineError('MalformedPolicyDocumentException')
/** Not in KMS's model, but what AWS answers for a reserved `alias/aws/` name. */
export const NotAuthorizedException = defineError('NotAuthorizedException')
export const NotFoundException = defineError('NotFoundException')
export const TagException = defineError('TagException')
export const UnsupportedOperationException = defineError('UnsupportedOperationException')
export const ValidationException = defineError('ValidationException')

// Protocol-level errors of AWS's JSON 1.1 front end.
export const IncompleteSignatureException = defineError('IncompleteSignatureException')
export const InvalidSignatureException = defineError('InvalidSignatureException')
export const MissingAuthenticationTokenException = defineError(
  'MissingAuthenticationTokenException'
)
export const SerializationException = defineError('SerializationException')
export const UnknownOperationException = defineError('UnknownOperationException')
export const UnrecognizedClientException = defineError('UnrecognizedClientException')
export const ThrottlingException = defineError('ThrottlingException')
export const RequestEntityTooLargeException = defineError('RequestEntityTooLargeException')

// Client-side failures on an AWS connection, named as the SDK (credentials) and the aws CLI
// (endpoint) name them: no credentials could be had, or the endpoint could not be reached.
export const CredentialsProviderError = defineError('CredentialsProviderError')
export const EndpointConnectionError = defineError('EndpointConnectionError', 'server')
// IAM's exceptions, for the lab's identities (users, roles, policies, access keys).
export const NoSuchEntityException = defineError('NoSuchEntityException')
export const EntityAlreadyExistsException = defineError('EntityAlreadyExistsException')
export const DeleteConflictException = defineError('DeleteConflictException')
export const InvalidInputException = defineError('InvalidInputException')

// KeyLab's own failures outside KMS semantics (store, settings, bridge), server-side faults.
export const LabStoreException = defineError('LabStoreException', 'server')
export const LabBusyException = defineError('LabBusyException', 'server')

/** Anything that is not already a KmsError becomes KMSInternalException, cause attached. */
export function asKmsError(error: unknown): KmsError {
  if (error instanceof KmsError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new KMSInternalException(`An internal error occurred: ${message}`, { cause: error })
}
