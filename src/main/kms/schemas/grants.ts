// Input schemas of the grant operations, with the API reference's member constraints.
import type { SchemaTable } from '.'

export const GRANT_SCHEMAS: SchemaTable = {}
