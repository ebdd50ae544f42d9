// The lab's identities and policies: principals (IAM users and roles) with access keys and
// attached policies, managed policies (AWS's and the user's own), the acting principal of the
// console, and the policy simulator. Available only on the local lab.
import type { AuthorizationExplanation } from '../iam/authorization'

export type PrincipalType = 'user' | 'role'

export interface AccessKeyInfo {
  accessKeyId: string
  createdAt: number
  status: 'Active' | 'Inactive'
}

export interface InlinePolicy {
  policyName: string
  document: string
}

export interface LabPrincipalInfo {
  arn: string
  type: PrincipalType
  name: string
  path: string
  description: string
  createdAt: number
  /** The ARN AWS names in messages: the user ARN, or an assumed-role session ARN for roles. */
  callerArn: string
  attachedPolicyArns: string[]
  inlinePolicies: InlinePolicy[]
  accessKeys: AccessKeyInfo[]
  /** lab-admin: created with the lab, cannot be deleted. */
  builtIn: boolean
}

export interface ManagedPolicyInfo {
  arn: string
  policyName: string
  description: string
  /** AWS managed (shipped with KeyLab) or customer managed (written in the lab). */
  awsManaged: boolean
  document: string
  createdAt: number
  updatedAt: number
  /** How many principals have it attached. */
  attachmentCount: number
}

export interface NewAccessKey {
  accessKeyId: string
  /** Shown once; the lab keeps it sealed to verify request signatures. */
  secretAccessKey: string
}

export interface IamSession {
  /** The principal the console acts as. */
  principalArn: string
  callerArn: string
  /** Enforce policies for lab-admin too (by default lab-admin is not checked). */
  enforceForAll: boolean
  accountId: string
}

export interface PolicyValidation {
  ok: boolean
  error?: { name: string; message: string }
}

export interface SimulateInput {
  principalArn: string
  /** A KMS action, e.g. kms:ImportKeyMaterial. */
  action: string
  /** Key id, key ARN, alias name or alias ARN, for actions on a key. */
  keyId?: string
  encryptionContext?: Record<string, string>
}

export interface IamApi {
  getSession(input: Record<string, never>): Promise<IamSession>
  actAs(input: { principalArn: string }): Promise<IamSession>
  setEnforcement(input: { enforceForAll: boolean }): Promise<IamSession>
  listPrincipals(input: Record<string, never>): Promise<LabPrincipalInfo[]>
  getPrincipal(input: { principalArn: string }): Promise<LabPrincipalInfo>
  createPrincipal(input: {
    type: PrincipalType
    name: string
    path?: string
    description?: string
  }): Promise<LabPrincipalInfo>
  deletePrincipal(input: { principalArn: string }): Promise<void>
  attachPolicy(input: { principalArn: string; policyArn: string }): Promise<LabPrincipalInfo>
  detachPolicy(input: { principalArn: string; policyArn: string }): Promise<LabPrincipalInfo>
  putInlinePolicy(input: {
    principalArn: string
    policyName: string
    document: string
  }): Promise<LabPrincipalInfo>
  deleteInlinePolicy(input: { principalArn: string; policyName: string }): Promise<LabPrincipalInfo>
  createAccessKey(input: { principalArn: string }): Promise<NewAccessKey>
  deleteAccessKey(input: { principalArn: string; accessKeyId: string }): Promise<LabPrincipalInfo>
  listPolicies(input: { search?: string }): Promise<ManagedPolicyInfo[]>
  getPolicy(input: { policyArn: string }): Promise<ManagedPolicyInfo>
  createPolicy(input: {
    policyName: string
    description?: string
    document: string
  }): Promise<ManagedPolicyInfo>
  updatePolicy(input: { policyArn: string; document: string }): Promise<ManagedPolicyInfo>
  deletePolicy(input: { policyArn: string }): Promise<void>
  validatePolicy(input: { document: string }): Promise<PolicyValidation>
  simulate(input: SimulateInput): Promise<AuthorizationExplanation>
}
