// PutKeyPolicy: replaces the key policy with a JSON policy document of at most 32 KB, kept
// verbatim, after the policy checks (grammar, principals, lockout safety unless bypassed).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
import type { Operation } from '../context'
import { keyArnOf } from '../model/key'
import { checkPolicyName } from '../model/key-policy'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'
import { validateKeyPolicy } from '../policy/validate-key-policy'

export const putKeyPolicy: Operation<'PutKeyPolicy'> = (ctx, input) => {
  checkPolicyName(input.PolicyName)
  const policy = input.Policy as string
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('PutKeyPolicy', key)
  validateKeyPolicy(ctx, policy, {
    keyArn: keyArnOf(key),
    bypassPolicyLockoutSafetyCheck: input.BypassPolicyLockoutSafetyCheck,
    operation: 'PutKeyPolicy',
    input: input as unknown as Record<string, unknown>
  })
  if (policy !== key.policy) ctx.state.write(() => ctx.state.putKey({ ...key, policy }))
  return {}
}
