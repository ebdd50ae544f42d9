// What the audit table shows and filters on for one record, kept in event_index: derived from
// the record alone, so the index can always be rebuilt from the log.
import { keyIdOf } from '../../shared/kms/arn'
import type { AuditRecord } from '../../shared/audit/record'
import type { AuditRow } from '../../shared/ipc/audit-api'

export interface IndexRow {
  seq: number
  t: number
  name: string
  key1: string | null
  key2: string | null
  label: string | null
  principal: string
  backend: string
  err: string | null
  ro: 0 | 1
  service: 0 | 1
}

export function principalLabel(record: AuditRecord): string {
  const id = record.userIdentity
  if (id.userName) return id.userName
  if (id.type === 'Root') return 'root'
  const arn = id.arn ?? ''
  const role = /:(?:assumed-role|role)\/(.+)$/.exec(arn)
  if (role) return role[1]
  return id.invokedBy ?? (arn || 'unknown')
}

export function indexRowOf(seq: number, record: AuditRecord): IndexRow {
  const keys = record.resources.filter((a) => a.includes(':key/')).map(keyIdOf)
  const rp = record.requestParameters ?? {}
  const named = [rp.keyId, rp.targetKeyId, rp.aliasName, rp.sourceKeyId, rp.destinationKeyId].find(
    (v): v is string => typeof v === 'string'
  )
  return {
    seq,
    t: Date.parse(record.eventTime),
    name: record.eventName,
    key1: keys[0] ?? null,
    key2: keys[1] ?? null,
    label: named ?? keys[0] ?? null,
    principal: principalLabel(record),
    backend: record.backend.label,
    err: record.errorCode ?? null,
    ro: record.readOnly ? 1 : 0,
    service: record.eventType === 'AwsServiceEvent' ? 1 : 0
  }
}

export function rowOf(r: IndexRow): AuditRow {
  return {
    seq: r.seq,
    eventTime: r.t,
    eventName: r.name,
    eventType: r.service ? 'AwsServiceEvent' : 'AwsApiCall',
    ...(r.label ? { key: r.label } : {}),
    ...(r.key1 ? { keyId: r.key1 } : {}),
    principal: r.principal,
    backend: r.backend,
    ...(r.err ? { errorCode: r.err } : {}),
    readOnly: r.ro === 1
  }
}
