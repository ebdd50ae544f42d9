// Parsing a policy document (key policy or IAM identity policy) into statements, with the
// grammar checks AWS makes and its MalformedPolicyDocumentException texts.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
import { MalformedPolicyDocumentException } from '../../../../shared/errors'
import { parseOperator } from './conditions'

export type PolicyKind = 'key' | 'identity'

/** `*` (anyone) or the principal types with their values. */
export type PrincipalSpec = '*' | Partial<Record<'AWS' | 'Service' | 'Federated', string[]>>

/** operator -> condition key -> values (as strings). */
export type ConditionBlock = Record<string, Record<string, string[]>>

export interface Statement {
  index: number
  sid?: string
  effect: 'Allow' | 'Deny'
  principal?: PrincipalSpec
  notPrincipal?: PrincipalSpec
  action?: string[]
  notAction?: string[]
  resource?: string[]
  notResource?: string[]
  condition?: ConditionBlock
}

export interface PolicyDocument {
  version?: string
  id?: string
  statements: Statement[]
}

const SYNTAX = 'Syntax errors in policy.'
export const INVALID_PRINCIPALS = 'Policy contains a statement with one or more invalid principals.'
const TOP_FIELDS = new Set(['Version', 'Id', 'Statement'])
const STATEMENT_FIELDS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition'
])
const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser'])

function malformed(message: string): never {
  throw new MalformedPolicyDocumentException(message)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

function stringList(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v]
  if (!list.length || list.some((s) => typeof s !== 'string')) malformed(SYNTAX)
  return list as string[]
}

export function parsePolicy(text: string, kind: PolicyKind): PolicyDocument {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    malformed(SYNTAX)
  }
  if (!isObject(doc)) malformed(SYNTAX)
  for (const field of Object.keys(doc)) if (!TOP_FIELDS.has(field)) malformed(SYNTAX)
  const version = doc.Version
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    malformed('The policy failed legacy parsing')
  }
  if (doc.Id !== undefined && typeof doc.Id !== 'string') malformed(SYNTAX)
  const raw = doc.Statement
  if (raw === undefined) malformed(SYNTAX)
  const list = Array.isArray(raw) ? raw : [raw]
  const statements = list.map((s, i) => parseStatement(s, i, kind))
  if (kind === 'identity') {
    const sids = statements.map((s) => s.sid).filter((s) => s !== undefined && s !== '')
    if (new Set(sids).size !== sids.length) {
      malformed('Statement IDs (SID) in a single policy must be unique.')
    }
  }
  return { version: version as string | undefined, id: doc.Id as string | undefined, statements }
}

function parseStatement(raw: unknown, index: number, kind: PolicyKind): Statement {
  if (!isObject(raw)) malformed(SYNTAX)
  for (const field of Object.keys(raw)) if (!STATEMENT_FIELDS.has(field)) malformed(SYNTAX)
  if (raw.Sid !== undefined && typeof raw.Sid !== 'string') malformed(SYNTAX)
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') malformed(SYNTAX)
  const st: Statement = { index, effect: raw.Effect, sid: raw.Sid as string | undefined }

  if (raw.Principal !== undefined && raw.NotPrincipal !== undefined) malformed(SYNTAX)
  if (kind === 'identity' && (raw.Principal !== undefined || raw.NotPrincipal !== undefined)) {
    malformed('Policy document should not specify a principal.')
  }
  if (kind === 'key') {
    if (raw.Principal === undefined && raw.NotPrincipal === undefined) malformed(INVALID_PRINCIPALS)
    if (raw.Principal !== undefined) st.principal = parsePrincipal(raw.Principal)
    else st.notPrincipal = parsePrincipal(raw.NotPrincipal)
  }

  if (raw.Action !== undefined && raw.NotAction !== undefined) malformed(SYNTAX)
  if (raw.Action === undefined && raw.NotAction === undefined) {
    malformed('Policy statement must contain actions.')
  }
  const actions = stringList(raw.Action ?? raw.NotAction)
  for (const a of actions) checkAction(a)
  if (raw.Action !== undefined) st.action = actions
  else st.notAction = actions

  if (raw.Resource !== undefined && raw.NotResource !== undefined) malformed(SYNTAX)
  if (raw.Resource === undefined && raw.NotResource === undefined) {
    malformed('Policy statement must contain resources.')
  }
  const resources = stringList(raw.Resource ?? raw.NotResource)
  for (const r of resources) {
    if (r !== '*' && !r.startsWith('arn:')) malformed(`Resource ${r} must be in ARN format or "*".`)
  }
  if (raw.Resource !== undefined) st.resource = resources
  else st.notResource = resources

  if (raw.Condition !== undefined) st.condition = parseCondition(raw.Condition)
  return st
}

function checkAction(action: string): void {
  if (action === '*') return
  const parts = action.split(':')
  if (parts.length < 2 || !parts[0]) {
    malformed('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.')
  }
  if (parts.length > 2) malformed('Actions/Condition can contain only one colon.')
  if (!/^[a-zA-Z0-9-]+$/.test(parts[0])) malformed(`Vendor ${parts[0]} is not valid`)
}

function parsePrincipal(raw: unknown): PrincipalSpec {
  if (raw === '*') return '*'
  if (!isObject(raw)) malformed(INVALID_PRINCIPALS)
  const spec: Partial<Record<'AWS' | 'Service' | 'Federated', string[]>> = {}
  for (const [type, value] of Object.entries(raw)) {
    if (!PRINCIPAL_TYPES.has(type)) malformed(INVALID_PRINCIPALS)
    const values = Array.isArray(value) ? value : [value]
    if (!values.length || values.some((v) => typeof v !== 'string')) malformed(INVALID_PRINCIPALS)
    if (type === 'CanonicalUser') continue
    spec[type as 'AWS' | 'Service' | 'Federated'] = values as string[]
  }
  for (const v of spec.AWS ?? []) if (!isAwsPrincipal(v)) malformed(INVALID_PRINCIPALS)
  return spec
}

const AWS_PRINCIPAL =
  /^(\*|\d{12}|arn:aws[a-z-]*:iam::\d{12}:(root|(user|role)(\/[\w+=,.@-]+)+)|arn:aws[a-z-]*:sts::\d{12}:assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+)$/

export function isAwsPrincipal(value: string): boolean {
  return AWS_PRINCIPAL.test(value)
}

function parseCondition(raw: unknown): ConditionBlock {
  if (!isObject(raw)) malformed(SYNTAX)
  const block: ConditionBlock = {}
  for (const [operator, keys] of Object.entries(raw)) {
    if (!parseOperator(operator) || !isObject(keys)) malformed(SYNTAX)
    const byKey: Record<string, string[]> = {}
    for (const [key, value] of Object.entries(keys)) {
      if (!key.includes(':')) {
        malformed('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.')
      }
      const values = Array.isArray(value) ? value : [value]
      if (values.some((v) => !['string', 'number', 'boolean'].includes(typeof v))) {
        malformed(SYNTAX)
      }
      byKey[key] = values.map(String)
    }
    block[operator] = byKey
  }
  return block
}
