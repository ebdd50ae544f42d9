// Input schemas of the imported key material operations, with the API reference's member constraints.
import type { SchemaTable } from '.'

export const IMPORT_SCHEMAS: SchemaTable = {}
