// Key policy checks for CreateKey and PutKeyPolicy: size, grammar, principals that must exist
// in the lab's account, and the policy lockout safety check (the caller must still be able to
// call PutKeyPolicy under the new policy unless BypassPolicyLockoutSafetyCheck is true).
// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#prevent-unmanageable-key
import { MalformedPolicyDocumentException } from '../../../../shared/errors'
import type { OperationContext } from '../context'
import { IamDirectory } from '../iam/iam-directory'
import { evaluateCheck } from './evaluate'
import { INVALID_PRINCIPALS, parsePolicy, type PolicyDocument } from './policy-document'
import { buildContext } from './request-context'

export const MAX_KEY_POLICY_BYTES = 32 * 1024
export const LOCKOUT_MESSAGE =
  'The new key policy will not allow you to update the key policy in the future.'

export interface KeyPolicyCheck {
  /** The ARN of the key the policy is for (for CreateKey, the ARN the new key will have). */
  keyArn: string
  bypassPolicyLockoutSafetyCheck?: boolean
  /** The request, for condition keys (KeySpec, KeyUsage, ... on CreateKey). */
  operation: 'CreateKey' | 'PutKeyPolicy'
  input: Record<string, unknown>
}

/** Throws MalformedPolicyDocumentException in AWS's words when the policy may not be set. */
export function validateKeyPolicy(
  ctx: OperationContext,
  policy: string,
  check: KeyPolicyCheck
): PolicyDocument {
  if (Buffer.byteLength(policy) > MAX_KEY_POLICY_BYTES) {
    throw new MalformedPolicyDocumentException(
      `The key policy exceeds the maximum size of ${MAX_KEY_POLICY_BYTES} bytes.`
    )
  }
  const doc = parsePolicy(policy, 'key')
  const dir = new IamDirectory(ctx.state, ctx.accountId)
  for (const st of doc.statements) {
    const spec = st.principal ?? st.notPrincipal
    if (spec === '*' || !spec) continue
    for (const arn of spec.AWS ?? []) {
      if (!principalExists(dir, arn)) throw new MalformedPolicyDocumentException(INVALID_PRINCIPALS)
    }
  }
  if (check.bypassPolicyLockoutSafetyCheck) return doc
  const { identity, principal } = dir.caller(ctx.caller.principalArn)
  const result = evaluateCheck({
    action: 'kms:PutKeyPolicy',
    resource: check.keyArn,
    scope: 'key',
    caller: identity,
    context: buildContext({
      caller: identity,
      operation: check.operation,
      input: check.input,
      now: ctx.now,
      region: ctx.region
    }),
    keyPolicy: doc,
    identityPolicies: dir.identityPolicies(principal),
    grants: []
  })
  if (result.decision !== 'Allow') throw new MalformedPolicyDocumentException(LOCKOUT_MESSAGE)
  return doc
}

/** Principals of the lab's own account must exist; other accounts' cannot be checked here. */
function principalExists(dir: IamDirectory, arn: string): boolean {
  const m = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):(.+)$/.exec(arn)
  if (!m || m[2] !== dir.accountId) return true
  const resource = m[3]
  if (resource === 'root') return true
  if (m[1] === 'sts') {
    const role = /^assumed-role\/([^/]+)\//.exec(resource)?.[1]
    return dir.principals().some((p) => p.type === 'role' && p.name === role)
  }
  return dir.principal(arn) !== undefined
}
