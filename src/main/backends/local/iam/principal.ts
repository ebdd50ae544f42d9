// The lab's IAM identities as stored records: users and roles with their attached managed
// policies, inline policies and access keys, and the built-in lab-admin user.
import type { AccessKeyInfo, InlinePolicy, PrincipalType } from '../../../../shared/ipc/iam-api'
import type { CallerIdentity } from '../policy/request-context'

export const PRINCIPAL_RECORD = 'principal'
export const LAB_ADMIN_NAME = 'lab-admin'
/** The session name the lab gives role sessions (AWS: the RoleSessionName of AssumeRole). */
export const ROLE_SESSION_NAME = 'KeyLab'

export interface LabPrincipal {
  arn: string
  type: PrincipalType
  name: string
  /** IAM path, "/" by default. */
  path: string
  description: string
  createdAt: number
  attachedPolicyArns: string[]
  inlinePolicies: InlinePolicy[]
  accessKeys: AccessKeyInfo[]
  builtIn: boolean
}

export const NAME_PATTERN = /^[\w+=,.@-]{1,64}$/
export const PATH_PATTERN = /^\/([\x21-\x7e]{0,510}\/)?$/

export function principalArnOf(
  accountId: string,
  type: PrincipalType,
  name: string,
  path = '/'
): string {
  return `arn:aws:iam::${accountId}:${type}${path}${name}`
}

export function labAdminArn(accountId: string): string {
  return principalArnOf(accountId, 'user', LAB_ADMIN_NAME)
}

export const ADMINISTRATOR_ACCESS_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess'

/** lab-admin as it exists before anything about it was changed: full rights, no keys. */
export function defaultLabAdmin(accountId: string): LabPrincipal {
  return {
    arn: labAdminArn(accountId),
    type: 'user',
    name: LAB_ADMIN_NAME,
    path: '/',
    description:
      'The lab administrator: full rights. The console acts as it unless told otherwise.',
    createdAt: 0,
    attachedPolicyArns: [ADMINISTRATOR_ACCESS_ARN],
    inlinePolicies: [],
    accessKeys: [],
    builtIn: true
  }
}

/** The ARN AWS names a caller by: the user, or the role's assumed-role session. */
export function callerArnOf(
  p: Pick<LabPrincipal, 'arn' | 'type' | 'name'>,
  accountId: string
): string {
  return p.type === 'role'
    ? `arn:aws:sts::${accountId}:assumed-role/${p.name}/${ROLE_SESSION_NAME}`
    : p.arn
}

export function callerIdentity(p: LabPrincipal, accountId: string): CallerIdentity {
  return {
    principalArn: p.arn,
    callerArn: callerArnOf(p, accountId),
    accountId,
    type: p.type,
    name: p.name
  }
}

/** A caller the directory does not know (e.g. an ARN from elsewhere): no policies at all. */
export function unknownCaller(arn: string, accountId: string): CallerIdentity {
  const m =
    /^arn:aws:(iam|sts)::(\d{12}):(user|role|assumed-role)\/(?:.*\/)?([^/]+?)(?:\/[^/]+)?$/.exec(
      arn
    )
  const role = m?.[3] !== 'user'
  return {
    principalArn: arn,
    callerArn: arn,
    accountId: m?.[2] ?? accountId,
    type: role ? 'role' : 'user',
    name: m?.[4] ?? arn
  }
}
