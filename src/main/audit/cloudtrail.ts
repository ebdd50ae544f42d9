// A stored record as the CloudTrail event it stands for (the constant KMS fields put back,
// resources expanded, eventTime to the second as CloudTrail writes it), and as a CSV line.
import type { AuditRecord, CloudTrailEvent, CloudTrailResource } from '../../shared/audit/record'

export const EVENT_VERSION = '1.11'

export function resourceOf(arn: string): CloudTrailResource {
  const account = arn.split(':')[4] ?? ''
  return {
    accountId: account,
    type: arn.includes(':key/') ? 'AWS::KMS::Key' : 'AWS::KMS::Alias',
    ARN: arn
  }
}

/** CloudTrail's eventTime: ISO 8601 in UTC, whole seconds. */
export function cloudTrailTime(iso: string): string {
  return `${iso.slice(0, 19)}Z`
}

export function toCloudTrail(record: AuditRecord, seq: number): CloudTrailEvent {
  const event: CloudTrailEvent = {
    eventVersion: EVENT_VERSION,
    userIdentity: record.userIdentity,
    eventTime: cloudTrailTime(record.eventTime),
    eventSource: 'kms.amazonaws.com',
    eventName: record.eventName,
    awsRegion: record.awsRegion,
    sourceIPAddress: record.sourceIPAddress,
    userAgent: record.userAgent,
    ...(record.errorCode ? { errorCode: record.errorCode, errorMessage: record.errorMessage } : {}),
    requestParameters: record.requestParameters,
    responseElements: record.responseElements,
    ...(record.requestID ? { requestID: record.requestID } : {}),
    eventID: record.eventID,
    readOnly: record.readOnly,
    resources: record.resources.map(resourceOf),
    eventType: record.eventType,
    managementEvent: true,
    recipientAccountId: record.recipientAccountId,
    ...(record.serviceEventDetails ? { serviceEventDetails: record.serviceEventDetails } : {}),
    eventCategory: 'Management',
    keylab: {
      seq,
      backend: record.backend,
      via: record.via,
      ...(record.labTime ? { labTime: record.labTime } : {})
    }
  }
  return event
}

export const CSV_COLUMNS = [
  'seq',
  'eventTime',
  'eventName',
  'eventType',
  'awsRegion',
  'principal',
  'accountId',
  'sourceIPAddress',
  'userAgent',
  'resources',
  'readOnly',
  'errorCode',
  'errorMessage',
  'requestID',
  'eventID',
  'backend',
  'labTime',
  'requestParameters',
  'responseElements',
  'serviceEventDetails'
] as const

/**
 * One CSV field (RFC 4180). A value a spreadsheet would run as a formula (=, +, -, @, tab, CR
 * first) is prefixed with an apostrophe, so opening an export never executes anything.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function csvLine(record: AuditRecord, seq: number): string {
  const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v))
  const id = record.userIdentity
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    seq: String(seq),
    eventTime: record.eventTime,
    eventName: record.eventName,
    eventType: record.eventType,
    awsRegion: record.awsRegion,
    principal: id.arn ?? id.invokedBy ?? '',
    accountId: id.accountId ?? '',
    sourceIPAddress: record.sourceIPAddress,
    userAgent: record.userAgent,
    resources: record.resources.join(' '),
    readOnly: String(record.readOnly),
    errorCode: record.errorCode ?? '',
    errorMessage: record.errorMessage ?? '',
    requestID: record.requestID ?? '',
    eventID: record.eventID,
    backend: record.backend.profile
      ? `${record.backend.label} (${record.backend.profile})`
      : record.backend.label,
    labTime: record.labTime ?? '',
    requestParameters: json(record.requestParameters),
    responseElements: json(record.responseElements),
    serviceEventDetails: json(record.serviceEventDetails)
  }
  return CSV_COLUMNS.map((c) => csvField(cells[c])).join(',')
}
