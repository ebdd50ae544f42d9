// The KMS API as the console calls it: each operation goes to the session's backend in the
// session's region, and its outcome is handed to the call observer (the audit log) before the
// answer goes back.
import { randomUUID } from 'node:crypto'
import { asKmsError } from '../../shared/errors'
import { OPERATION_NAMES, type KmsApi, type KmsOperationName } from '../../shared/kms/operations'
import type { CallObserver, CallRecord } from '../backends/call-record'
import type { Session } from './session'

export function createKmsService(session: Session, observe?: CallObserver): KmsApi {
  const call = async (operation: KmsOperationName, input: unknown): Promise<unknown> => {
    const record: CallRecord = {
      operation,
      input,
      region: session.region,
      startedAt: Date.now(),
      labTime: session.lab?.clock.now(),
      requestId: randomUUID(),
      accountId: session.info().accountId,
      backend: { kind: session.backend.kind, label: session.label },
      via: 'console',
      sourceIp: 'keylab-console',
      userAgent: 'KeyLab console'
    }
    try {
      record.output = await session.backend.call(operation, input, { region: session.region })
      return record.output
    } catch (e) {
      record.error = asKmsError(e)
      throw record.error
    } finally {
      await observe?.(record)
    }
  }
  return Object.fromEntries(
    OPERATION_NAMES.map((op) => [op, (input: unknown) => call(op, input)])
  ) as unknown as KmsApi
}
