// Key policy names: KMS has one, `default`. (What a policy document may say is checked by
// policy/validate-key-policy.ts.)
import { NotFoundException } from '../../../../shared/errors'

export const DEFAULT_POLICY_NAME = 'default'

/** GetKeyPolicy and PutKeyPolicy take only the name `default`. */
export function checkPolicyName(name: string | undefined): void {
  if (name === undefined || name === DEFAULT_POLICY_NAME) return
  throw new NotFoundException('No such policy exists')
}
