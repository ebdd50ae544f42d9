// AWS KMS request and response shapes, type-only from the official SDK, so AWS's field names
// travel unchanged from backend to store.
export type * from '@aws-sdk/client-kms'

/** Operations with no output members answer with an empty object. */
export type EmptyResponse = Record<string, never>
