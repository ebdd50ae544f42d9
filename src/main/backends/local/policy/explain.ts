// AWS's AccessDeniedException texts for a denied check, and what would allow the request:
// the statement to add to an identity policy or to the key policy, or the deny to remove.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
import type { AuthorizationCheck, PolicyFix } from '../../../../shared/iam/authorization'
import type { CheckRequest } from './evaluate'

/** `User: <arn> is not authorized to perform: <action> on resource: <resource> because ...` */
export function denialMessage(
  req: Pick<CheckRequest, 'caller' | 'action' | 'resource'>,
  check: Pick<AuthorizationCheck, 'decision' | 'deniedIn'>,
  denyingPolicyArn?: string
): string {
  const head = `User: ${req.caller.callerArn} is not authorized to perform: ${req.action} on resource: ${req.resource}`
  if (check.decision === 'ExplicitDeny') {
    const where = check.deniedIn === 'identity-based' ? 'an identity-based' : 'a resource-based'
    return `${head} with an explicit deny in ${where} policy${denyingPolicyArn ? `: ${denyingPolicyArn}` : ''}`
  }
  return `${head} because no ${check.deniedIn} policy allows the ${req.action} action`
}

const json = (value: unknown): string => JSON.stringify(value, null, 2)

export function suggestFix(req: CheckRequest, check: AuthorizationCheck): PolicyFix {
  const who = req.caller.principalArn
  if (check.decision === 'ExplicitDeny') {
    return {
      target: 'none',
      summary: `${check.decidedBy} explicitly denies ${req.action}. An explicit deny overrides every allow: remove or narrow that Deny statement.`
    }
  }
  if (check.deniedIn === 'identity-based') {
    const onKey = req.scope === 'key'
    return {
      target: 'identity-policy',
      summary: onKey
        ? `The key policy lets IAM policies decide, but no policy attached to ${who} allows ${req.action} on this key. Attach a policy with this statement:`
        : `No policy attached to ${who} allows ${req.action}${req.resource === '*' ? '' : ` on ${req.resource}`}. Attach a policy with this statement:`,
      statement: json({ Effect: 'Allow', Action: req.action, Resource: req.resource })
    }
  }
  return {
    target: 'key-policy',
    summary: `The key policy neither allows ${who} nor lets IAM policies decide (no statement for the account arn:aws:iam::${req.caller.accountId}:root allows ${req.action}), and no grant allows it. IAM policies alone cannot give access to this key: add this statement to the key policy, or create a grant.`,
    statement: json({
      Sid: `Allow ${req.caller.name} ${req.action}`,
      Effect: 'Allow',
      Principal: { AWS: who },
      Action: req.action,
      Resource: '*'
    })
  }
}
