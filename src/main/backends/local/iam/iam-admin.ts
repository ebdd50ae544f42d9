// Write side of the lab's IAM, with IAM's exception names and texts: creating and deleting
// principals, attaching and detaching managed policies, inline policies, access keys, customer
// managed policies and the enforcement setting. Each change is one lab-state transaction.
import { randomBytes } from 'node:crypto'
import {
  DeleteConflictException,
  EntityAlreadyExistsException,
  InvalidInputException,
  LimitExceededException,
  NoSuchEntityException
} from '../../../../shared/errors'
import type { NewAccessKey, PrincipalType } from '../../../../shared/ipc/iam-api'
import { parsePolicy } from '../policy/policy-document'
import {
  ACCESS_KEY_RECORD,
  accessKeySecretId,
  ENFORCE_FOR_ALL_META,
  MANAGED_POLICY_RECORD,
  type IamDirectory,
  type ManagedPolicyRecord
} from './iam-directory'
import {
  NAME_PATTERN,
  PATH_PATTERN,
  PRINCIPAL_RECORD,
  principalArnOf,
  type LabPrincipal
} from './principal'

const MAX_ATTACHED = 10
const MAX_ACCESS_KEYS = 2
const MAX_POLICY_SIZE = 6144
const TYPE_WORD: Record<PrincipalType, string> = { user: 'user', role: 'role' }

function noSuchPrincipal(arn: string): never {
  const m = /:(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn)
  throw new NoSuchEntityException(
    m ? `The ${m[1]} with name ${m[2]} cannot be found.` : `The principal ${arn} cannot be found.`
  )
}

export function requirePrincipal(dir: IamDirectory, arn: string): LabPrincipal {
  return dir.principal(arn) ?? noSuchPrincipal(arn)
}

/** Checks an identity policy's grammar and size, with IAM's texts. */
export function validateIdentityPolicy(document: string): void {
  parsePolicy(document, 'identity')
  if (document.replace(/\s/g, '').length > MAX_POLICY_SIZE) {
    throw new LimitExceededException(`Cannot exceed quota for PolicySize: ${MAX_POLICY_SIZE}`)
  }
}

function save(dir: IamDirectory, p: LabPrincipal): LabPrincipal {
  dir.state.write(() => dir.state.putRecord(PRINCIPAL_RECORD, p.arn, p))
  return p
}

export function createPrincipal(
  dir: IamDirectory,
  now: number,
  input: { type: PrincipalType; name: string; path?: string; description?: string }
): LabPrincipal {
  const path = input.path ?? '/'
  if (!NAME_PATTERN.test(input.name)) {
    throw new InvalidInputException(
      `The specified value for ${TYPE_WORD[input.type]}Name is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-`
    )
  }
  if (!PATH_PATTERN.test(path)) {
    throw new InvalidInputException(
      'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.'
    )
  }
  const clash = dir
    .principals()
    .find((p) => p.type === input.type && p.name.toLowerCase() === input.name.toLowerCase())
  if (clash) {
    const word = input.type === 'user' ? 'User' : 'Role'
    throw new EntityAlreadyExistsException(`${word} with name ${input.name} already exists.`)
  }
  return save(dir, {
    arn: principalArnOf(dir.accountId, input.type, input.name, path),
    type: input.type,
    name: input.name,
    path,
    description: input.description ?? '',
    createdAt: now,
    attachedPolicyArns: [],
    inlinePolicies: [],
    accessKeys: [],
    builtIn: false
  })
}

export function deletePrincipal(dir: IamDirectory, arn: string): void {
  const p = requirePrincipal(dir, arn)
  if (p.builtIn)
    throw new DeleteConflictException('lab-admin is built into the lab and cannot be deleted.')
  dir.state.write(() => {
    for (const k of p.accessKeys) {
      dir.state.removeRecord(ACCESS_KEY_RECORD, k.accessKeyId)
      dir.state.deleteSecret(accessKeySecretId(k.accessKeyId))
    }
    dir.state.removeRecord(PRINCIPAL_RECORD, arn)
  })
}

export function attachPolicy(dir: IamDirectory, arn: string, policyArn: string): LabPrincipal {
  const p = requirePrincipal(dir, arn)
  if (!dir.managedPolicy(policyArn)) {
    throw new NoSuchEntityException(`Policy ${policyArn} does not exist or is not attachable.`)
  }
  if (p.attachedPolicyArns.includes(policyArn)) return p
  if (p.attachedPolicyArns.length >= MAX_ATTACHED) {
    const q = p.type === 'user' ? 'PoliciesPerUser' : 'PoliciesPerRole'
    throw new LimitExceededException(`Cannot exceed quota for ${q}: ${MAX_ATTACHED}`)
  }
  return save(dir, { ...p, attachedPolicyArns: [...p.attachedPolicyArns, policyArn] })
}

export function detachPolicy(dir: IamDirectory, arn: string, policyArn: string): LabPrincipal {
  const p = requirePrincipal(dir, arn)
  if (!p.attachedPolicyArns.includes(policyArn)) {
    throw new NoSuchEntityException(`Policy ${policyArn} was not found.`)
  }
  return save(dir, {
    ...p,
    attachedPolicyArns: p.attachedPolicyArns.filter((a) => a !== policyArn)
  })
}

export function putInlinePolicy(
  dir: IamDirectory,
  arn: string,
  policyName: string,
  document: string
): LabPrincipal {
  const p = requirePrincipal(dir, arn)
  if (!/^[\w+=,.@-]{1,128}$/.test(policyName)) {
    throw new InvalidInputException(
      'The specified value for policyName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-'
    )
  }
  validateIdentityPolicy(document)
  const inline = p.inlinePolicies.filter((i) => i.policyName !== policyName)
  return save(dir, { ...p, inlinePolicies: [...inline, { policyName, document }] })
}

export function deleteInlinePolicy(
  dir: IamDirectory,
  arn: string,
  policyName: string
): LabPrincipal {
  const p = requirePrincipal(dir, arn)
  if (!p.inlinePolicies.some((i) => i.policyName === policyName)) {
    throw new NoSuchEntityException(`The ${p.type} policy with name ${policyName} cannot be found.`)
  }
  return save(dir, {
    ...p,
    inlinePolicies: p.inlinePolicies.filter((i) => i.policyName !== policyName)
  })
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export function createAccessKey(dir: IamDirectory, now: number, arn: string): NewAccessKey {
  const p = requirePrincipal(dir, arn)
  if (p.accessKeys.length >= MAX_ACCESS_KEYS) {
    throw new LimitExceededException(
      `Cannot exceed quota for AccessKeysPerUser: ${MAX_ACCESS_KEYS}`
    )
  }
  const id =
    (p.type === 'role' ? 'ASIA' : 'AKIA') + [...randomBytes(16)].map((b) => BASE32[b & 31]).join('')
  const secret = randomBytes(30).toString('base64')
  dir.state.write(() => {
    dir.state.putSecret(accessKeySecretId(id), Buffer.from(secret, 'utf8'))
    dir.state.putRecord(ACCESS_KEY_RECORD, id, { accessKeyId: id, principalArn: p.arn })
    dir.state.putRecord(PRINCIPAL_RECORD, p.arn, {
      ...p,
      accessKeys: [...p.accessKeys, { accessKeyId: id, createdAt: now, status: 'Active' }]
    })
  })
  return { accessKeyId: id, secretAccessKey: secret }
}

export function deleteAccessKey(dir: IamDirectory, arn: string, accessKeyId: string): LabPrincipal {
  const p = requirePrincipal(dir, arn)
  if (!p.accessKeys.some((k) => k.accessKeyId === accessKeyId)) {
    throw new NoSuchEntityException(`The Access Key with id ${accessKeyId} cannot be found.`)
  }
  const next = { ...p, accessKeys: p.accessKeys.filter((k) => k.accessKeyId !== accessKeyId) }
  dir.state.write(() => {
    dir.state.removeRecord(ACCESS_KEY_RECORD, accessKeyId)
    dir.state.deleteSecret(accessKeySecretId(accessKeyId))
    dir.state.putRecord(PRINCIPAL_RECORD, p.arn, next)
  })
  return next
}

export function createPolicy(
  dir: IamDirectory,
  now: number,
  input: { policyName: string; description?: string; document: string }
): ManagedPolicyRecord {
  if (!/^[\w+=,.@-]{1,128}$/.test(input.policyName)) {
    throw new InvalidInputException(
      'The specified value for policyName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-'
    )
  }
  const arn = `arn:aws:iam::${dir.accountId}:policy/${input.policyName}`
  if (dir.managedPolicy(arn)) {
    throw new EntityAlreadyExistsException(
      `A policy called ${input.policyName} already exists. Duplicate names are not allowed.`
    )
  }
  validateIdentityPolicy(input.document)
  const record: ManagedPolicyRecord = {
    arn,
    policyName: input.policyName,
    description: input.description ?? '',
    document: input.document,
    createdAt: now,
    updatedAt: now
  }
  dir.state.write(() => dir.state.putRecord(MANAGED_POLICY_RECORD, arn, record))
  return record
}

function ownPolicy(dir: IamDirectory, arn: string): ManagedPolicyRecord {
  const policy = dir.state.records<ManagedPolicyRecord>(MANAGED_POLICY_RECORD).get(arn)
  if (policy) return policy
  if (dir.managedPolicy(arn))
    throw new InvalidInputException(`AWS managed policy ${arn} cannot be changed.`)
  throw new NoSuchEntityException(`Policy ${arn} was not found.`)
}

export function updatePolicy(
  dir: IamDirectory,
  now: number,
  arn: string,
  document: string
): ManagedPolicyRecord {
  const policy = ownPolicy(dir, arn)
  validateIdentityPolicy(document)
  const next = { ...policy, document, updatedAt: now }
  dir.state.write(() => dir.state.putRecord(MANAGED_POLICY_RECORD, arn, next))
  return next
}

export function deletePolicy(dir: IamDirectory, arn: string): void {
  ownPolicy(dir, arn)
  if (dir.attachmentCount(arn) > 0) {
    throw new DeleteConflictException('Cannot delete a policy attached to entities.')
  }
  dir.state.write(() => dir.state.removeRecord(MANAGED_POLICY_RECORD, arn))
}

export function setEnforceForAll(dir: IamDirectory, on: boolean): void {
  dir.state.write(() => dir.state.setMeta(ENFORCE_FOR_ALL_META, String(on)))
}
