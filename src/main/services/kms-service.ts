// The KMS API as the console calls it: each operation goes to the session's backend in the
// session's region, and its outcome is handed to the call observer (the audit log) before the
// answer goes back.
import { randomUUID } from 'node:crypto'
import { asKmsError } from '../../shared/errors'
import { OPERATION_NAMES, type KmsApi, type KmsOperationName } from '../../shared/kms/operations'
import type { CallObserver, CallRecord } from '../backends/call-record'
import { labAdminArn } from '../backends/local/iam/principal'
import type { Connection, Session } from './session'

/**
 * Runs one operation on a connection and records it. Every console call to a backend goes
 * through here (the KMS API, and the connections API's test call), so none goes unrecorded.
 */
export async function observedCall(
  connection: Connection,
  region: string,
  operation: KmsOperationName,
  input: unknown,
  observe?: CallObserver,
  /** On the lab: the principal the console acts as (lab-admin when unset). */
  principalArn?: string
): Promise<unknown> {
  const record: CallRecord = {
    operation,
    input,
    region,
    startedAt: Date.now(),
    labTime: connection.lab?.clock.now(),
    requestId: randomUUID(),
    accountId: connection.accountId ?? connection.lab?.accountId,
    backend: {
      kind: connection.backend.kind,
      label: connection.label,
      ...(connection.profile ? { profile: connection.profile } : {}),
      ...(connection.endpoint ? { endpoint: connection.endpoint } : {})
    },
    via: 'console',
    principalArn: connection.lab
      ? (principalArn ?? labAdminArn(connection.lab.accountId))
      : undefined,
    sourceIp: 'keylab-console',
    userAgent: 'KeyLab console'
  }
  try {
    record.output = await connection.backend.call(operation, input, {
      region,
      principalArn,
      onFacts: (facts) => {
        if (facts.requestId) record.requestId = facts.requestId
        if (facts.accountId) record.accountId = facts.accountId
        if (facts.principalArn) record.principalArn = facts.principalArn
      }
    })
    return record.output
  } catch (e) {
    record.error = asKmsError(e)
    throw record.error
  } finally {
    await observe?.(record)
  }
}

export function createKmsService(session: Session, observe?: CallObserver): KmsApi {
  const call = (operation: KmsOperationName, input: unknown): Promise<unknown> =>
    observedCall(session.current, session.region, operation, input, observe, session.principalArn)
  return Object.fromEntries(
    OPERATION_NAMES.map((op) => [op, (input: unknown) => call(op, input)])
  ) as unknown as KmsApi
}
