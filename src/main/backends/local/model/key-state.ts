// Key-state checks with AWS's exception names and texts ("<key ARN> is disabled.", ...). The
// developer guide's key-state table decides which check each operation makes.
// https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
import { DisabledException, KMSInvalidStateException } from '../../../../shared/errors'
import { keyArnOf, type LabKey } from './key'

const STATE_TEXT: Record<string, string> = {
  PendingDeletion: 'pending deletion',
  PendingImport: 'pending import',
  PendingReplicaDeletion: 'pending replica deletion',
  Unavailable: 'unavailable',
  Creating: 'creating',
  Updating: 'updating'
}

/** For operations that need an Enabled key (every cryptographic operation). */
export function requireEnabled(key: LabKey): void {
  if (key.state === 'Enabled') return
  const arn = keyArnOf(key)
  if (key.state === 'Disabled') throw new DisabledException(`${arn} is disabled.`)
  throw new KMSInvalidStateException(`${arn} is ${STATE_TEXT[key.state] ?? key.state}.`)
}

/** For management operations that every state but PendingDeletion allows. */
export function requireNotPendingDeletion(key: LabKey): void {
  if (key.state === 'PendingDeletion') {
    throw new KMSInvalidStateException(`${keyArnOf(key)} is pending deletion.`)
  }
}
