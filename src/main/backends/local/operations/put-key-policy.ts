// PutKeyPolicy: replaces the key policy with a JSON document of at most 32 KB, kept verbatim.
// BypassPolicyLockoutSafetyCheck is accepted; the lockout check belongs to the policy engine.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
import type { Operation } from '../context'
import { checkPolicyDocument, checkPolicyName } from '../model/key-policy'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'

export const putKeyPolicy: Operation<'PutKeyPolicy'> = (ctx, input) => {
  checkPolicyName(input.PolicyName)
  const policy = input.Policy as string
  checkPolicyDocument(policy)
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('PutKeyPolicy', key)
  if (policy !== key.policy) ctx.state.write(() => ctx.state.putKey({ ...key, policy }))
  return {}
}
