// Reads a key policy the way the KMS console's default view does: key administrators, key users
// (and other AWS accounts), whether IAM policies are enabled (the account root statement) and
// whether administrators may delete the key. Statements it does not recognize are listed as is.
import { CONSOLE_POLICY_SIDS } from '../../../../shared/iam/console-key-policy'

export interface PolicyPrincipal {
  arn: string
  /** user/role name, account id, or the value itself. */
  name: string
  kind: 'user' | 'role' | 'account' | 'session' | 'service' | 'any' | 'other'
}

export interface OtherStatement {
  sid: string
  effect: string
  principals: PolicyPrincipal[]
  actions: string[]
}

export interface KeyPolicyView {
  iamEnabled: boolean
  administrators: PolicyPrincipal[]
  adminsCanDelete: boolean
  users: PolicyPrincipal[]
  otherAccounts: PolicyPrincipal[]
  others: OtherStatement[]
}

const ADMIN_SID = CONSOLE_POLICY_SIDS.administrators
const USE_SID = CONSOLE_POLICY_SIDS.users
const GRANT_SID = CONSOLE_POLICY_SIDS.grants

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]

export function describePrincipal(value: string): PolicyPrincipal {
  if (value === '*') return { arn: value, name: 'Everyone (*)', kind: 'any' }
  let m = /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(value) ?? /^(\d{12})$/.exec(value)
  if (m) return { arn: value, name: m[1], kind: 'account' }
  m = /^arn:aws[a-z-]*:iam::\d{12}:(user|role)\/(?:.*\/)?([^/]+)$/.exec(value)
  if (m) return { arn: value, name: m[2], kind: m[1] as 'user' | 'role' }
  m = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/([^/]+)\/(.+)$/.exec(value)
  if (m) return { arn: value, name: `${m[1]} (session ${m[2]})`, kind: 'session' }
  if (value.endsWith('.amazonaws.com')) return { arn: value, name: value, kind: 'service' }
  return { arn: value, name: value, kind: 'other' }
}

function principalsOf(st: Record<string, unknown>): PolicyPrincipal[] {
  const p = st.Principal
  if (p === '*') return [describePrincipal('*')]
  if (!p || typeof p !== 'object') return []
  const o = p as Record<string, unknown>
  return [...list(o.AWS), ...list(o.Service)].map(describePrincipal)
}

/** Undefined when the text is not a JSON policy document. */
export function readKeyPolicy(policy: string, accountId?: string): KeyPolicyView | undefined {
  let doc: { Statement?: unknown }
  try {
    doc = JSON.parse(policy)
  } catch {
    return undefined
  }
  const statements = (
    Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : []
  ) as Record<string, unknown>[]
  const view: KeyPolicyView = {
    iamEnabled: false,
    administrators: [],
    adminsCanDelete: false,
    users: [],
    otherAccounts: [],
    others: []
  }
  const seen = (xs: PolicyPrincipal[], p: PolicyPrincipal) => xs.some((x) => x.arn === p.arn)
  for (const st of statements) {
    const principals = principalsOf(st)
    const actions = list(st.Action)
    const isRoot = principals.some(
      (p) => p.kind === 'account' && (!accountId || p.name === accountId)
    )
    if (st.Effect === 'Allow' && isRoot && actions.includes('kms:*') && principals.length === 1) {
      view.iamEnabled = true
    } else if (st.Sid === ADMIN_SID) {
      view.administrators.push(...principals)
      view.adminsCanDelete = actions.some((a) => ['kms:ScheduleKeyDeletion', 'kms:*'].includes(a))
    } else if (st.Sid === USE_SID || st.Sid === GRANT_SID) {
      for (const p of principals) {
        const other = p.kind === 'account' && p.name !== accountId
        const into = other ? view.otherAccounts : view.users
        if (!seen(into, p)) into.push(p)
      }
    } else {
      view.others.push({
        sid: String(st.Sid ?? ''),
        effect: String(st.Effect),
        principals,
        actions
      })
    }
  }
  return view
}
