// What the lab does on its own (rotation, deletion at the end of the window, expired material)
// is recorded as CloudTrail's AwsServiceEvent, including events emitted before the log opened.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuditLog, ServiceEventRelay } from '../../../../src/main/audit'
import type { ServiceEvent } from '../../../../src/main/backends/call-record'
import { openAuditLab, verifyDir, type AuditLab } from '../../../helpers/audit'

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'
const event = (eventName: string, details: Record<string, unknown>): ServiceEvent => ({
  eventName,
  region: 'us-east-1',
  accountId: '111122223333',
  keyArn: KEY,
  labTime: Date.UTC(2030, 5, 1),
  details
})

let env: AuditLab | undefined
afterEach(async () => {
  await env?.cleanup()
  env = undefined
})

describe('lab service events', () => {
  it('are recorded as AwsServiceEvent, those emitted before the log opened included', async () => {
    env = openAuditLab()
    const relay = new ServiceEventRelay()
    relay.listener(event('DeleteKey', { pendingWindowInDays: 7 }))
    relay.attach(env.audit)
    relay.listener(event('RotateKey', { rotationType: 'AUTOMATIC', keyMaterialId: 'abc123' }))
    relay.listener(event('DeleteExpiredKeyMaterial', { keyMaterialId: 'abc123' }))
    const page = await env.services.audit.query({ filter: {}, offset: 0, limit: 10 })
    expect(page.rows.map((r) => [r.eventName, r.eventType, r.principal])).toEqual([
      ['DeleteExpiredKeyMaterial', 'AwsServiceEvent', 'AWS Internal'],
      ['RotateKey', 'AwsServiceEvent', 'AWS Internal'],
      ['DeleteKey', 'AwsServiceEvent', 'AWS Internal']
    ])
    const rotate = await env.services.audit.getRecord({ seq: 2 })
    expect(rotate.event).toMatchObject({
      eventName: 'RotateKey',
      eventType: 'AwsServiceEvent',
      userIdentity: { accountId: '111122223333', invokedBy: 'AWS Internal' },
      sourceIPAddress: 'AWS Internal',
      userAgent: 'AWS Internal',
      requestParameters: null,
      responseElements: null,
      readOnly: false,
      resources: [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY }],
      serviceEventDetails: {
        keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
        rotationType: 'AUTOMATIC',
        keyMaterialId: 'abc123'
      },
      recipientAccountId: '111122223333',
      keylab: { via: 'lab', labTime: '2030-06-01T00:00:00.000Z' }
    })
    expect(rotate.event.requestID).toBeUndefined()
    await env.close()
    expect(verifyDir(env.dir)).toMatchObject({ ok: true, records: 3 })
  })

  it('says so on stderr rather than throwing when the log is closed', async () => {
    env = openAuditLab()
    const log: AuditLog = env.audit
    await env.close()
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => log.recordServiceEvent(event('DeleteKey', {}))).not.toThrow()
    expect(said).toHaveBeenCalledWith(`audit log closed: DeleteKey of ${KEY} not recorded`)
    said.mockRestore()
    await expect(log.append({} as never)).rejects.toThrow('the audit log is closed')
  })
})
