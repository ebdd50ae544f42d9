import { describe, expect, it } from 'vitest'
import {
  checkKeyState,
  KEY_STATE_TABLE,
  LAB_KEY_STATES
} from '../../../../../../src/main/backends/local/model/key-state'
import type { LabKey } from '../../../../../../src/main/backends/local/model/key'
import { OPERATIONS, OPERATION_NAMES } from '../../../../../../src/shared/kms/operations'

const key = (state: string): LabKey =>
  ({ keyId: 'k', region: 'us-east-1', accountId: '111122223333', state }) as LabKey
const ARN = 'arn:aws:kms:us-east-1:111122223333:key/k'

function errorOf(fn: () => void): { name: string; message: string } | undefined {
  try {
    fn()
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message }
  }
  return undefined
}

describe('key-state matrix', () => {
  it('has a row, with all four lab states, for every operation that names a key', () => {
    const withKey = OPERATION_NAMES.filter(
      (op) => OPERATIONS[op].keyField || op === 'DeleteAlias' || op === 'ListAliases'
    )
    expect(Object.keys(KEY_STATE_TABLE).sort()).toEqual(
      withKey.filter((op) => op !== 'CreateKey').sort()
    )
    for (const row of Object.values(KEY_STATE_TABLE)) {
      expect(Object.keys(row!).sort()).toEqual([...LAB_KEY_STATES].sort())
    }
  })

  it('answers each note with AWS exception and text', () => {
    expect(errorOf(() => checkKeyState('Encrypt', key('Disabled')))).toEqual({
      name: 'DisabledException',
      message: `${ARN} is disabled.`
    })
    expect(errorOf(() => checkKeyState('Encrypt', key('PendingDeletion')))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${ARN} is pending deletion.`
    })
    expect(errorOf(() => checkKeyState('CancelKeyDeletion', key('Enabled')))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${ARN} is not pending deletion.`
    })
    expect(errorOf(() => checkKeyState('Sign', key('PendingImport')))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${ARN} is pending import.`
    })
    expect(errorOf(() => checkKeyState('GetKeyRotationStatus', key('PendingImport')))).toEqual({
      name: 'UnsupportedOperationException',
      message: `${ARN} origin is EXTERNAL which is not valid for this operation.`
    })
    expect(errorOf(() => checkKeyState('DescribeKey', key('PendingDeletion')))).toBeUndefined()
  })

  it('names states only custom key stores and replicas reach', () => {
    expect(errorOf(() => checkKeyState('Encrypt', key('Unavailable')))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${ARN} is unavailable.`
    })
  })
})
