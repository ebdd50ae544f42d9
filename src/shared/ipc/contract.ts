// The IPC contract: every API the renderer may call, an exhaustive method table that main's
// handlers, the preload bridge and the web bridge are all built from, and the result envelope.
import type { WireError } from '../errors/kms-error'
import type { KmsApi } from '../kms/operations'
import { OPERATIONS } from '../kms/operations'
import type { AppApi } from './app-api'
import type { CatalogApi } from './catalog-api'
import type { EndpointApi } from './endpoint-api'
import type { AuditApi } from './audit-api'
import type { LabApi } from './lab-api'
import type { ImportToolsApi } from './import-tools-api'
import type { ConnectionsApi } from './connections-api'
import type { IamApi } from './iam-api'

export interface Apis {
  kms: KmsApi
  app: AppApi
  lab: LabApi
  importTools: ImportToolsApi
  connections: ConnectionsApi
  catalog: CatalogApi
  iam: IamApi
  endpoint: EndpointApi
  audit: AuditApi
}

export type ApiName = keyof Apis
export type MethodName<A extends ApiName> = keyof Apis[A] & string

type MethodTable = { readonly [A in ApiName]: { readonly [M in MethodName<A>]: true } }

const kmsMethods = Object.fromEntries(Object.keys(OPERATIONS).map((op) => [op, true])) as {
  readonly [M in keyof KmsApi]: true
}

export const API_METHODS: MethodTable = {
  kms: kmsMethods,
  app: { getInfo: true, setRegion: true, watchActivity: true },
  lab: { getClock: true, advanceClock: true },
  importTools: { generateAndWrap: true },
  connections: {
    list: true,
    profiles: true,
    add: true,
    remove: true,
    activate: true,
    test: true,
    answerMfa: true
  },
  catalog: { listKeys: true, keyRefs: true, describeKeys: true, getKey: true },
  iam: {
    getSession: true,
    actAs: true,
    setEnforcement: true,
    listPrincipals: true,
    getPrincipal: true,
    createPrincipal: true,
    deletePrincipal: true,
    attachPolicy: true,
    detachPolicy: true,
    putInlinePolicy: true,
    deleteInlinePolicy: true,
    createAccessKey: true,
    deleteAccessKey: true,
    listPolicies: true,
    getPolicy: true,
    createPolicy: true,
    updatePolicy: true,
    deletePolicy: true,
    validatePolicy: true,
    simulate: true
  },
  endpoint: { status: true, start: true, stop: true },
  audit: {
    summary: true,
    query: true,
    getRecord: true,
    startVerify: true,
    verifyStatus: true,
    exportChunk: true
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError }

export type InputOf<A extends ApiName, M extends MethodName<A>> = Apis[A][M] extends (
  input: infer I
) => Promise<unknown>
  ? I
  : never

export type OutputOf<A extends ApiName, M extends MethodName<A>> = Apis[A][M] extends (
  input: never
) => Promise<infer O>
  ? O
  : never

/** What crosses the process boundary: the same methods, answering with a Result. */
export type WireApi<T> = {
  [M in keyof T]: T[M] extends (input: infer I) => Promise<infer O>
    ? (input: I) => Promise<Result<O>>
    : never
}
export type WireApis = { [A in ApiName]: WireApi<Apis[A]> }

export function channelOf(api: string, method: string): string {
  return `keylab:${api}.${method}`
}

export function isMethod(api: string, method: string): boolean {
  const table = (API_METHODS as Record<string, Record<string, true>>)[api]
  return table !== undefined && Object.prototype.hasOwnProperty.call(table, method)
}
