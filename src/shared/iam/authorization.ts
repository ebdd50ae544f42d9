// Why the lab allowed or denied a call: each (action, resource) check with the policies and
// grants considered, which statement decided, and what to add to allow it. Carried in an
// AccessDeniedException's `details` and answered by the policy simulator.

export type CheckDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'

export type PolicySource = 'key-policy' | 'inline' | 'managed' | 'grant'

export interface StatementTrace {
  /** 0-based position in the policy's Statement list. */
  index: number
  sid?: string
  effect: 'Allow' | 'Deny'
  /** applies: it allows or denies this request; delegates: the key policy's account statement
   *  (it lets IAM policies decide); skipped: it does not apply, see reason. */
  outcome: 'applies' | 'delegates' | 'skipped'
  reason: string
}

export interface PolicyTrace {
  source: PolicySource
  /** "Key policy", a policy name, or a grant id. */
  name: string
  arn?: string
  statements: StatementTrace[]
}

export interface PolicyFix {
  summary: string
  /** Where to add it: an identity policy of the principal, or the key policy. */
  target: 'identity-policy' | 'key-policy' | 'none'
  /** A statement (JSON) that would allow the request, when one can be suggested. */
  statement?: string
}

export interface AuthorizationCheck {
  action: string
  resource: string
  /** key: the key policy, IAM and grants decide; iam: only identity policies (CreateKey, aliases). */
  scope: 'key' | 'iam'
  decision: CheckDecision
  /** Which kind of policy denied (explicitly or by not allowing). */
  deniedIn?: 'identity-based' | 'resource-based'
  /** Whether the key policy lets IAM policies allow this action (the account statement). */
  keyPolicyDelegates?: boolean
  /** Human summary of the statement or grant that decided. */
  decidedBy?: string
  policies: PolicyTrace[]
  /** AWS's AccessDeniedException text, when denied. */
  message?: string
  fix?: PolicyFix
}

export interface AuthorizationExplanation {
  kind: 'keylab.authorization'
  operation: string
  /** The IAM identity (user or role ARN). */
  principalArn: string
  /** What AWS names in messages: the user ARN, or the role's assumed-role session ARN. */
  callerArn: string
  decision: 'Allow' | 'Deny'
  checks: AuthorizationCheck[]
  /** False when the principal is lab-admin and enforcement is off for it (allowed unchecked). */
  enforced: boolean
}

export function isAuthorizationExplanation(value: unknown): value is AuthorizationExplanation {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { kind?: unknown }).kind === 'keylab.authorization'
  )
}
