// Builds audit records: from what an adapter knows of one KMS call (CloudTrail's AwsApiCall), or
// from something the lab did on its own (AwsServiceEvent: rotation, deletion, expired material).
import { aliasArn, keyArn, keyIdOf, parseKeyReference } from '../../shared/kms/arn'
import { OPERATIONS, type KmsOperationName } from '../../shared/kms/operations'
import type { AuditIdentity, AuditRecord } from '../../shared/audit/record'
import type { CallRecord, ServiceEvent } from '../backends/call-record'
import { redactErrorMessage, redactRequest, redactResponse } from './redaction'

/** CloudTrail's name for KMS acting on its own behalf (identity, source and agent). */
export const KMS_INTERNAL = 'AWS Internal'
const LAB_ADMIN = 'lab-admin'
const LAB_TIME_SKEW_MS = 1000

/** Facts some adapters add to a call record (the endpoint's access key, an AWS profile). */
type CallFacts = CallRecord & {
  accessKeyId?: string
  backend: CallRecord['backend'] & { profile?: string; endpoint?: string }
}

const ARN = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):(.+)$/

export function identityOf(arn: string | undefined, accountId?: string): AuditIdentity {
  const m = arn ? ARN.exec(arn) : null
  if (!arn || !m) return { type: 'Unknown', ...(arn ? { arn } : {}), accountId }
  const [, , account, resource] = m
  if (resource === 'root') return { type: 'Root', arn, accountId: account }
  if (resource.startsWith('user/')) {
    return { type: 'IAMUser', arn, accountId: account, userName: resource.split('/').pop() }
  }
  if (resource.startsWith('assumed-role/') || resource.startsWith('role/')) {
    return { type: 'AssumedRole', arn, accountId: account }
  }
  return { type: 'Unknown', arn, accountId: account }
}

function reference(value: unknown, region: string, account: string): string | undefined {
  if (typeof value !== 'string') return undefined
  const ref = parseKeyReference(value)
  switch (ref.kind) {
    case 'keyId':
      return /^(mrk-)?[0-9a-f-]{32,36}$/.test(ref.keyId)
        ? keyArn(region, account, ref.keyId)
        : undefined
    case 'aliasName':
      return aliasArn(region, account, ref.aliasName)
    case 'keyArn':
    case 'aliasArn':
      return value
    default:
      return undefined
  }
}

const isKeyArn = (arn: string): boolean => arn.includes(':key/')

/** Key ARNs first (ReEncrypt: source then destination), then alias ARNs, no repeats. */
function resourcesOf(call: CallRecord, account: string): string[] {
  const found: string[] = []
  const input = (call.input ?? {}) as Record<string, unknown>
  const output = (call.error ? {} : (call.output ?? {})) as Record<string, unknown>
  const metadata = output.KeyMetadata as { Arn?: string } | undefined
  for (const v of [output.SourceKeyId, output.KeyId, metadata?.Arn]) {
    if (typeof v === 'string' && isKeyArn(v)) found.push(v)
  }
  const fields = ['SourceKeyId', 'DestinationKeyId', 'KeyId', 'TargetKeyId', 'AliasName']
  const named = fields.map((f) => reference(input[f], call.region, account))
  for (const arn of named) {
    if (!arn) continue
    if (!isKeyArn(arn) || !found.some(isKeyArn)) found.push(arn)
  }
  const unique = [...new Set(found)]
  return [...unique.filter(isKeyArn), ...unique.filter((a) => !isKeyArn(a))]
}

export function recordFromCall(call: CallRecord, eventId: string): AuditRecord {
  const facts = call as CallFacts
  const op: KmsOperationName = call.operation
  const accountId = call.accountId ?? identityOf(call.principalArn).accountId ?? ''
  const principal =
    call.principalArn ??
    (call.backend.kind === 'lab' && accountId
      ? `arn:aws:iam::${accountId}:user/${LAB_ADMIN}`
      : undefined)
  const userIdentity = identityOf(principal, accountId || undefined)
  if (facts.accessKeyId) userIdentity.accessKeyId = facts.accessKeyId
  const record: AuditRecord = {
    eventTime: new Date(call.startedAt).toISOString(),
    eventName: op,
    eventType: 'AwsApiCall',
    awsRegion: call.region,
    userIdentity,
    sourceIPAddress: call.sourceIp ?? KMS_INTERNAL,
    userAgent: call.userAgent ?? '',
    requestParameters: redactRequest(op, call.input),
    responseElements: call.error ? null : redactResponse(op, call.output),
    requestID: call.requestId,
    eventID: eventId,
    readOnly: OPERATIONS[op].readOnly,
    resources: resourcesOf(call, accountId),
    recipientAccountId: accountId,
    backend: {
      kind: call.backend.kind,
      label: call.backend.label,
      ...(facts.backend.profile ? { profile: facts.backend.profile } : {}),
      ...(facts.backend.endpoint ? { endpoint: facts.backend.endpoint } : {})
    },
    via: call.via
  }
  if (op === 'CreateGrant' && record.responseElements && record.resources[0]) {
    // CloudTrail adds the key ARN to CreateGrant's responseElements (since December 2022).
    record.responseElements.keyId = record.resources[0]
  }
  if (call.error) {
    record.errorCode = call.error.name
    record.errorMessage = redactErrorMessage(op, call.input, call.error.message)
  }
  // Only worth recording once the lab clock runs ahead (it never runs behind real time).
  if (call.labTime !== undefined && Math.abs(call.labTime - call.startedAt) >= LAB_TIME_SKEW_MS) {
    record.labTime = new Date(call.labTime).toISOString()
  }
  return record
}

export function recordFromServiceEvent(
  event: ServiceEvent,
  now: number,
  eventId: string
): AuditRecord {
  const details: Record<string, unknown> = { keyId: keyIdOf(event.keyArn) }
  for (const [k, v] of Object.entries(event.details ?? {})) {
    if (
      typeof v === 'string' ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v))
    )
      details[k] = v
  }
  return {
    eventTime: new Date(now).toISOString(),
    eventName: event.eventName,
    eventType: 'AwsServiceEvent',
    awsRegion: event.region,
    userIdentity: { accountId: event.accountId, invokedBy: KMS_INTERNAL },
    sourceIPAddress: KMS_INTERNAL,
    userAgent: KMS_INTERNAL,
    requestParameters: null,
    responseElements: null,
    serviceEventDetails: details,
    eventID: eventId,
    readOnly: false,
    resources: [event.keyArn],
    recipientAccountId: event.accountId,
    backend: { kind: 'lab', label: 'Local lab' },
    via: 'lab',
    labTime: new Date(event.labTime).toISOString()
  }
}
