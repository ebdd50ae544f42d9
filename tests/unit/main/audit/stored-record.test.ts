import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../../src/main/audit/canonical-json'
import { recordFromCall, recordFromServiceEvent } from '../../../../src/main/audit/record-builder'
import { expandRecord, leanRecord, parseStored } from '../../../../src/main/audit/stored-record'
import { syntheticCall } from '../../../helpers/synthetic-calls'

describe('stored records', () => {
  it('store less and expand back to the same record', () => {
    const records = [
      ...Array.from({ length: 40 }, (_, i) => recordFromCall(syntheticCall(i), `e${i}`)),
      recordFromServiceEvent(
        {
          eventName: 'RotateKey',
          region: 'eu-west-1',
          accountId: '111122223333',
          keyArn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          labTime: Date.UTC(2027, 0, 1),
          details: { rotationType: 'AUTOMATIC', bytes: new Uint8Array([1]) as unknown as string }
        },
        Date.UTC(2026, 0, 1),
        'svc'
      ),
      recordFromCall(
        {
          ...syntheticCall(3),
          principalArn: 'arn:aws:sts::444455556666:assumed-role/Admin/alice',
          accountId: '444455556666',
          backend: { kind: 'aws', label: 'AWS · prod' }
        },
        'aws'
      )
    ]
    for (const r of records) {
      const stored = leanRecord(r)
      expect(canonicalJson(stored).length).toBeLessThan(canonicalJson(r).length)
      expect(canonicalJson(expandRecord(stored))).toBe(canonicalJson(r))
      expect(canonicalJson(parseStored(canonicalJson(stored)))).toBe(canonicalJson(r))
    }
    expect(records[40].serviceEventDetails).toEqual({
      keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      rotationType: 'AUTOMATIC'
    })
  })
})
