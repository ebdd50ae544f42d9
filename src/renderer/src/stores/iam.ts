// The lab's identities: the principal the console acts as, the principals and the managed
// policies, and the changes made to them (each answered by main, then reflected here).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '../bridge'
import type { AuthorizationExplanation } from '../../../shared/iam/authorization'
import type {
  IamSession,
  LabPrincipalInfo,
  ManagedPolicyInfo,
  PolicyValidation,
  SimulateInput,
  PrincipalType
} from '../../../shared/ipc/iam-api'

export const useIamStore = defineStore('iam', () => {
  const session = shallowRef<IamSession>()
  const principals = shallowRef<LabPrincipalInfo[]>([])
  const policies = shallowRef<ManagedPolicyInfo[]>([])
  const loaded = ref(false)

  const acting = computed(() => principals.value.find((p) => p.arn === session.value?.principalArn))

  function replace(p: LabPrincipalInfo): LabPrincipalInfo {
    const i = principals.value.findIndex((x) => x.arn === p.arn)
    principals.value =
      i >= 0 ? principals.value.map((x, j) => (j === i ? p : x)) : [...principals.value, p]
    return p
  }

  async function loadSession(): Promise<void> {
    session.value = await api.iam.getSession({})
  }

  async function load(): Promise<void> {
    const [s, list, pols] = await Promise.all([
      api.iam.getSession({}),
      api.iam.listPrincipals({}),
      api.iam.listPolicies({})
    ])
    session.value = s
    principals.value = list
    policies.value = pols
    loaded.value = true
  }

  async function actAs(principalArn: string): Promise<void> {
    session.value = await api.iam.actAs({ principalArn })
  }

  async function setEnforcement(enforceForAll: boolean): Promise<void> {
    session.value = await api.iam.setEnforcement({ enforceForAll })
  }

  async function createPrincipal(input: {
    type: PrincipalType
    name: string
    description?: string
  }): Promise<LabPrincipalInfo> {
    return replace(await api.iam.createPrincipal(input))
  }

  async function deletePrincipal(principalArn: string): Promise<void> {
    await api.iam.deletePrincipal({ principalArn })
    principals.value = principals.value.filter((p) => p.arn !== principalArn)
    await loadSession()
  }

  async function attach(principalArn: string, policyArns: string[]): Promise<void> {
    for (const policyArn of policyArns)
      replace(await api.iam.attachPolicy({ principalArn, policyArn }))
    policies.value = await api.iam.listPolicies({})
  }

  async function detach(principalArn: string, policyArn: string): Promise<void> {
    replace(await api.iam.detachPolicy({ principalArn, policyArn }))
    policies.value = await api.iam.listPolicies({})
  }

  async function putInline(principalArn: string, policyName: string, document: string) {
    return replace(await api.iam.putInlinePolicy({ principalArn, policyName, document }))
  }

  async function deleteInline(principalArn: string, policyName: string): Promise<void> {
    replace(await api.iam.deleteInlinePolicy({ principalArn, policyName }))
  }

  async function createAccessKey(principalArn: string) {
    const key = await api.iam.createAccessKey({ principalArn })
    replace(await api.iam.getPrincipal({ principalArn }))
    return key
  }

  async function deleteAccessKey(principalArn: string, accessKeyId: string): Promise<void> {
    replace(await api.iam.deleteAccessKey({ principalArn, accessKeyId }))
  }

  async function createPolicy(input: {
    policyName: string
    description?: string
    document: string
  }): Promise<ManagedPolicyInfo> {
    const created = await api.iam.createPolicy(input)
    policies.value = await api.iam.listPolicies({})
    return created
  }

  /** Managed policies whose name matches (the attach dialog's search); not kept. */
  const searchPolicies = (search: string): Promise<ManagedPolicyInfo[]> =>
    api.iam.listPolicies({ search })

  const validatePolicy = (document: string): Promise<PolicyValidation> =>
    api.iam.validatePolicy({ document })

  /** Would the principal be allowed the action (on the key)? With the evaluator's reasons. */
  const simulate = (input: SimulateInput): Promise<AuthorizationExplanation> =>
    api.iam.simulate(input)

  async function deletePolicy(policyArn: string): Promise<void> {
    await api.iam.deletePolicy({ policyArn })
    policies.value = policies.value.filter((p) => p.arn !== policyArn)
  }

  return {
    session,
    principals,
    policies,
    loaded,
    acting,
    load,
    loadSession,
    actAs,
    setEnforcement,
    createPrincipal,
    deletePrincipal,
    attach,
    detach,
    putInline,
    deleteInline,
    createAccessKey,
    deleteAccessKey,
    createPolicy,
    deletePolicy,
    searchPolicies,
    validatePolicy,
    simulate
  }
})
