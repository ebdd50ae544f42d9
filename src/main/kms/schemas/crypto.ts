// Input schemas of the cryptographic operations, with the API reference's member constraints.
import type { SchemaTable } from '.'

export const CRYPTO_SCHEMAS: SchemaTable = {}
