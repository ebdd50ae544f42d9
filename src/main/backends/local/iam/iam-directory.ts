// Read side of the lab's IAM: principals (lab-admin always exists), managed policies (AWS's and
// the customer's), the identity policies of a principal, access keys, and the enforcement
// setting. Every read is from the in-memory lab state.
import type { LabState } from '../model/lab-state'
import type { NamedPolicy } from '../policy/evaluate'
import { parsePolicy, type PolicyDocument } from '../policy/policy-document'
import type { CallerIdentity } from '../policy/request-context'
import { AWS_MANAGED_POLICIES, awsManagedPolicyArn } from './aws-managed-policies'
import {
  callerIdentity,
  defaultLabAdmin,
  labAdminArn,
  PRINCIPAL_RECORD,
  unknownCaller,
  type LabPrincipal
} from './principal'

export const MANAGED_POLICY_RECORD = 'managed-policy'
export const ACCESS_KEY_RECORD = 'access-key'
export const ENFORCE_FOR_ALL_META = 'iam.enforceForAll'

export interface ManagedPolicyRecord {
  arn: string
  policyName: string
  description: string
  document: string
  createdAt: number
  updatedAt: number
}

export interface AccessKeyRecord {
  accessKeyId: string
  principalArn: string
}

export function accessKeySecretId(accessKeyId: string): string {
  return `access-key/${accessKeyId}`
}

const AWS_POLICIES: ManagedPolicyRecord[] = AWS_MANAGED_POLICIES.map((p) => ({
  arn: awsManagedPolicyArn(p.policyName),
  policyName: p.policyName,
  description: p.description,
  document: JSON.stringify(p.document, null, 4),
  createdAt: 0,
  updatedAt: 0
}))
const AWS_BY_ARN = new Map(AWS_POLICIES.map((p) => [p.arn, p]))
export const AWS_SEARCH_ALIASES = new Map(
  AWS_MANAGED_POLICIES.map((p) => [awsManagedPolicyArn(p.policyName), p.searchAliases ?? []])
)

const parsed = new Map<string, PolicyDocument>()

/** Parses a stored identity policy once (stored policies were validated when written). */
export function parsedIdentityPolicy(text: string): PolicyDocument {
  let doc = parsed.get(text)
  if (!doc) {
    doc = parsePolicy(text, 'identity')
    if (parsed.size > 1000) parsed.clear()
    parsed.set(text, doc)
  }
  return doc
}

export class IamDirectory {
  constructor(
    readonly state: LabState,
    readonly accountId: string
  ) {}

  get labAdminArn(): string {
    return labAdminArn(this.accountId)
  }

  principal(arn: string): LabPrincipal | undefined {
    const stored = this.state.records<LabPrincipal>(PRINCIPAL_RECORD).get(arn)
    if (stored) return stored
    return arn === this.labAdminArn ? defaultLabAdmin(this.accountId) : undefined
  }

  principals(): LabPrincipal[] {
    const stored = [...this.state.records<LabPrincipal>(PRINCIPAL_RECORD).values()]
    const admin = this.principal(this.labAdminArn)!
    const others = stored.filter((p) => p.arn !== admin.arn)
    others.sort((a, b) => a.name.localeCompare(b.name))
    return [admin, ...others]
  }

  /** The identity a call is made as; principals the lab does not know have no policies. */
  caller(principalArn: string | undefined): { identity: CallerIdentity; principal?: LabPrincipal } {
    const arn = principalArn ?? this.labAdminArn
    const principal = this.principal(arn) ?? this.principalBySession(arn)
    if (principal) return { identity: callerIdentity(principal, this.accountId), principal }
    return { identity: unknownCaller(arn, this.accountId) }
  }

  private principalBySession(arn: string): LabPrincipal | undefined {
    const m = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(arn)
    if (!m || m[1] !== this.accountId) return undefined
    return this.principals().find((p) => p.type === 'role' && p.name === m[2])
  }

  managedPolicy(arn: string): ManagedPolicyRecord | undefined {
    return (
      AWS_BY_ARN.get(arn) ?? this.state.records<ManagedPolicyRecord>(MANAGED_POLICY_RECORD).get(arn)
    )
  }

  managedPolicies(): ManagedPolicyRecord[] {
    const own = [...this.state.records<ManagedPolicyRecord>(MANAGED_POLICY_RECORD).values()]
    own.sort((a, b) => a.policyName.localeCompare(b.policyName))
    return [...own, ...AWS_POLICIES]
  }

  attachmentCount(policyArn: string): number {
    return this.principals().filter((p) => p.attachedPolicyArns.includes(policyArn)).length
  }

  /** Inline policies first, then attached managed policies, each parsed. */
  identityPolicies(principal: LabPrincipal | undefined): NamedPolicy[] {
    if (!principal) return []
    const out: NamedPolicy[] = principal.inlinePolicies.map((p) => ({
      source: 'inline',
      name: p.policyName,
      document: parsedIdentityPolicy(p.document)
    }))
    for (const arn of principal.attachedPolicyArns) {
      const policy = this.managedPolicy(arn)
      if (policy) {
        out.push({
          source: 'managed',
          name: policy.policyName,
          arn,
          document: parsedIdentityPolicy(policy.document)
        })
      }
    }
    return out
  }

  enforceForAll(): boolean {
    return this.state.getMeta(ENFORCE_FOR_ALL_META) === 'true'
  }

  /** For the endpoint's SigV4 check: the secret and principal of an active access key. */
  accessKey(accessKeyId: string): { secretAccessKey: string; principalArn: string } | undefined {
    const record = this.state.records<AccessKeyRecord>(ACCESS_KEY_RECORD).get(accessKeyId)
    const secret = this.state.secret(accessKeySecretId(accessKeyId))
    if (!record || !secret) return undefined
    const principal = this.principal(record.principalArn)
    const info = principal?.accessKeys.find((k) => k.accessKeyId === accessKeyId)
    if (!principal || info?.status !== 'Active') return undefined
    return { secretAccessKey: secret.toString('utf8'), principalArn: principal.arn }
  }
}
