// The lab's identities as the console manages them (principals, policies, access keys), the
// principal the console acts as, the enforcement setting and the policy simulator. Each call
// runs on the lab engine's state and is on disk before it answers.
import { NoSuchEntityException, UnsupportedOperationException } from '../../shared/errors'
import type {
  IamApi,
  IamSession,
  LabPrincipalInfo,
  ManagedPolicyInfo
} from '../../shared/ipc/iam-api'
import type { OperationContext } from '../backends/local/context'
import type { LabEngine } from '../backends/local/engine'
import * as admin from '../backends/local/iam/iam-admin'
import {
  AWS_SEARCH_ALIASES,
  IamDirectory,
  type ManagedPolicyRecord
} from '../backends/local/iam/iam-directory'
import { callerArnOf, type LabPrincipal } from '../backends/local/iam/principal'
import { simulate } from '../backends/local/policy/simulate'
import type { Session } from './session'

export function createIamService(session: Session): IamApi {
  const run = <T>(fn: (dir: IamDirectory, ctx: OperationContext) => T, asPrincipal?: string) => {
    const engine: LabEngine | undefined = session.lab
    if (!engine) {
      throw new UnsupportedOperationException('Lab identities exist only on the local lab.')
    }
    return engine.admin({ region: session.region, principalArn: asPrincipal }, (ctx) =>
      fn(new IamDirectory(ctx.state, ctx.accountId), ctx)
    )
  }
  const info = (dir: IamDirectory, p: LabPrincipal): LabPrincipalInfo => ({
    ...p,
    callerArn: callerArnOf(p, dir.accountId)
  })
  const policyInfo = (dir: IamDirectory, p: ManagedPolicyRecord): ManagedPolicyInfo => ({
    ...p,
    awsManaged: p.arn.startsWith('arn:aws:iam::aws:'),
    attachmentCount: dir.attachmentCount(p.arn)
  })
  const sessionOf = (dir: IamDirectory): IamSession => {
    const arn = session.principalArn ?? dir.labAdminArn
    const p = dir.principal(arn)
    return {
      principalArn: arn,
      callerArn: p ? callerArnOf(p, dir.accountId) : arn,
      enforceForAll: dir.enforceForAll(),
      accountId: dir.accountId
    }
  }

  return {
    getSession: () => run(sessionOf),
    actAs: (input) =>
      run((dir) => {
        const p = admin.requirePrincipal(dir, input.principalArn)
        session.principalArn = p.arn === dir.labAdminArn ? undefined : p.arn
        return sessionOf(dir)
      }),
    setEnforcement: (input) =>
      run((dir) => {
        admin.setEnforceForAll(dir, input.enforceForAll)
        return sessionOf(dir)
      }),
    listPrincipals: () => run((dir) => dir.principals().map((p) => info(dir, p))),
    getPrincipal: (input) =>
      run((dir) => info(dir, admin.requirePrincipal(dir, input.principalArn))),
    createPrincipal: (input) =>
      run((dir, ctx) => info(dir, admin.createPrincipal(dir, ctx.now, input))),
    deletePrincipal: (input) =>
      run((dir) => {
        admin.deletePrincipal(dir, input.principalArn)
        if (session.principalArn === input.principalArn) session.principalArn = undefined
      }),
    attachPolicy: (input) =>
      run((dir) => info(dir, admin.attachPolicy(dir, input.principalArn, input.policyArn))),
    detachPolicy: (input) =>
      run((dir) => info(dir, admin.detachPolicy(dir, input.principalArn, input.policyArn))),
    putInlinePolicy: (input) =>
      run((dir) =>
        info(dir, admin.putInlinePolicy(dir, input.principalArn, input.policyName, input.document))
      ),
    deleteInlinePolicy: (input) =>
      run((dir) => info(dir, admin.deleteInlinePolicy(dir, input.principalArn, input.policyName))),
    createAccessKey: (input) =>
      run((dir, ctx) => admin.createAccessKey(dir, ctx.now, input.principalArn)),
    deleteAccessKey: (input) =>
      run((dir) => info(dir, admin.deleteAccessKey(dir, input.principalArn, input.accessKeyId))),
    listPolicies: (input) =>
      run((dir) => {
        const q = input.search?.trim().toLowerCase() ?? ''
        return dir
          .managedPolicies()
          .filter(
            (p) =>
              !q ||
              p.policyName.toLowerCase().includes(q) ||
              (AWS_SEARCH_ALIASES.get(p.arn) ?? []).some((a) => a.toLowerCase().includes(q))
          )
          .map((p) => policyInfo(dir, p))
      }),
    getPolicy: (input) =>
      run((dir) => {
        const p = dir.managedPolicy(input.policyArn)
        if (!p) throw new NoSuchEntityException(`Policy ${input.policyArn} was not found.`)
        return policyInfo(dir, p)
      }),
    createPolicy: (input) =>
      run((dir, ctx) => policyInfo(dir, admin.createPolicy(dir, ctx.now, input))),
    updatePolicy: (input) =>
      run((dir, ctx) =>
        policyInfo(dir, admin.updatePolicy(dir, ctx.now, input.policyArn, input.document))
      ),
    deletePolicy: (input) => run((dir) => admin.deletePolicy(dir, input.policyArn)),
    validatePolicy: async (input) => {
      try {
        admin.validateIdentityPolicy(input.document)
        return { ok: true }
      } catch (e) {
        const err = e as Error
        return { ok: false, error: { name: err.name, message: err.message } }
      }
    },
    simulate: (input) => run((_dir, ctx) => simulate(ctx, input), input.principalArn)
  }
}
