// GetKeyPolicy: the key policy, exactly as it was written.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html
import type { Operation } from '../context'
import { checkPolicyName, DEFAULT_POLICY_NAME } from '../model/key-policy'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'

export const getKeyPolicy: Operation<'GetKeyPolicy'> = (ctx, input) => {
  checkPolicyName(input.PolicyName)
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('GetKeyPolicy', key)
  return { Policy: key.policy, PolicyName: DEFAULT_POLICY_NAME }
}
