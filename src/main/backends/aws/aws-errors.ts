// SDK failures as the console's errors: a service exception becomes the shared class of the same
// name with AWS's message exactly as AWS wrote it, or none when it sent none (a name we have no
// class for keeps its name); an unreachable endpoint says which URL, as the aws CLI does; an
// answer that is not KMS's (a custom endpoint without the operation) says so with its status.
import { asKmsError, EndpointConnectionError, errorClass, KmsError } from '../../../shared/errors'

interface SdkServiceError {
  name: string
  message: string
  $fault?: 'client' | 'server'
  $metadata?: { requestId?: string; httpStatusCode?: number }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE'
])

/** A modeled service exception: the SDK parsed an AWS error response (it sets $fault). */
function isServiceError(e: unknown): e is SdkServiceError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as SdkServiceError).name === 'string' &&
    ((e as SdkServiceError).$fault === 'client' || (e as SdkServiceError).$fault === 'server')
  )
}

/** A response the SDK could not read as KMS's (an endpoint that lacks the operation, say). */
function httpStatusOf(e: unknown): number | undefined {
  return (e as SdkServiceError | undefined)?.$metadata?.httpStatusCode
}

function isNetworkError(e: unknown): boolean {
  const err = e as { code?: string; name?: string; cause?: unknown }
  if (err?.code && NETWORK_CODES.has(err.code)) return true
  if (err?.name === 'TimeoutError' || err?.name === 'RequestTimeout') return true
  return err?.cause !== undefined && err.cause !== e && isNetworkError(err.cause)
}

/** AWS's request id, when the failure came from a response. */
export function requestIdOf(e: unknown): string | undefined {
  return (e as SdkServiceError | undefined)?.$metadata?.requestId || undefined
}

export function fromAwsError(e: unknown, endpoint: string): KmsError {
  if (e instanceof KmsError) return e
  if (isServiceError(e)) {
    const cls = errorClass(e.name)
    // AWS sends some errors with no message (NotAuthorizedException for alias/aws/, say); the SDK
    // then fills in "UnknownError". Kept empty, as AWS sent it and as the lab answers it.
    const message = e.message === 'UnknownError' ? '' : e.message
    const error = cls
      ? new cls(message, { cause: e })
      : new KmsError(e.name, message, e.$fault === 'server' ? 'server' : 'client', { cause: e })
    return error
  }
  const status = httpStatusOf(e)
  if (status !== undefined) {
    return new KmsError(
      'EndpointResponseError',
      `${endpoint} answered HTTP ${status} with a response that is not AWS KMS's (${(e as Error).message})`,
      status >= 500 ? 'server' : 'client',
      { cause: e }
    )
  }
  if (isNetworkError(e)) {
    return new EndpointConnectionError(
      `Could not connect to the endpoint URL: "${endpoint}" (${(e as Error).message})`,
      { cause: e }
    )
  }
  return asKmsError(e)
}
