// An audit record as KeyLab stores and hashes it (CloudTrail's KMS event fields, less the ones
// that are the same for every KMS event), and the full CloudTrail event it stands for.
import type { BackendKind } from '../ipc/app-api'

/** CloudTrail's userIdentity: the lab principal, the AWS caller, or KMS itself (invokedBy). */
export interface AuditIdentity {
  type?: string
  principalId?: string
  arn?: string
  accountId?: string
  userName?: string
  accessKeyId?: string
  invokedBy?: string
}

/** Where the event happened: the lab, or an AWS connection (profile, endpoint). */
export interface AuditBackend {
  kind: BackendKind
  label: string
  profile?: string
  endpoint?: string
}

export type AuditEventType = 'AwsApiCall' | 'AwsServiceEvent'

export interface AuditRecord {
  /** ISO 8601, UTC, milliseconds: when the call was made (real time). */
  eventTime: string
  eventName: string
  eventType: AuditEventType
  awsRegion: string
  userIdentity: AuditIdentity
  sourceIPAddress: string
  userAgent: string
  /** What the request asked for, by the operation's allow-list (never plaintext or material). */
  requestParameters: Record<string, unknown> | null
  responseElements: Record<string, unknown> | null
  serviceEventDetails?: Record<string, unknown>
  errorCode?: string
  errorMessage?: string
  requestID?: string
  eventID: string
  readOnly: boolean
  /** ARNs of the KMS keys the event concerns, then of the aliases it names. */
  resources: string[]
  recipientAccountId: string
  backend: AuditBackend
  /** How it reached KeyLab: the console, the HTTP endpoint, or the lab on its own. */
  via: 'console' | 'endpoint' | 'lab'
  /** Lab time of the event, when it happened on the lab and its clock runs ahead of real time
   * (by a second or more; service events always carry it). */
  labTime?: string
}

export interface CloudTrailResource {
  accountId: string
  type: string
  ARN: string
}

/** One entry of CloudTrail's {"Records": [...]}, with KeyLab's own fields under `keylab`. */
export interface CloudTrailEvent {
  eventVersion: string
  userIdentity: AuditIdentity
  eventTime: string
  eventSource: 'kms.amazonaws.com'
  eventName: string
  awsRegion: string
  sourceIPAddress: string
  userAgent: string
  errorCode?: string
  errorMessage?: string
  requestParameters: Record<string, unknown> | null
  responseElements: Record<string, unknown> | null
  requestID?: string
  eventID: string
  readOnly: boolean
  resources: CloudTrailResource[]
  eventType: AuditEventType
  managementEvent: true
  recipientAccountId: string
  serviceEventDetails?: Record<string, unknown>
  eventCategory: 'Management'
  keylab: { seq: number; backend: AuditBackend; via: AuditRecord['via']; labTime?: string }
}

/** Events the lab records on its own (CloudTrail's AwsServiceEvent names for KMS). */
export const SERVICE_EVENT_NAMES = ['RotateKey', 'DeleteKey', 'DeleteExpiredKeyMaterial'] as const
