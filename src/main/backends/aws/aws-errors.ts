// SDK failures as the console's errors: a service exception becomes the shared class of the same
// name with AWS's message exactly as AWS wrote it (a name we have no class for keeps its name);
// an unreachable endpoint says which URL, as the aws CLI does.
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

function isServiceError(e: unknown): e is SdkServiceError {
  return (
    typeof e === 'object' &&
    e !== null &&
    '$metadata' in e &&
    typeof (e as { name?: unknown }).name === 'string' &&
    (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined
  )
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
    const message = e.message === 'UnknownError' ? `${e.name} (no message)` : e.message
    const error = cls
      ? new cls(message, { cause: e })
      : new KmsError(e.name, message, e.$fault === 'server' ? 'server' : 'client', { cause: e })
    return error
  }
  if (isNetworkError(e)) {
    return new EndpointConnectionError(
      `Could not connect to the endpoint URL: "${endpoint}" (${(e as Error).message})`,
      { cause: e }
    )
  }
  return asKmsError(e)
}
