// Saved connections (the local lab, AWS profiles, custom endpoints) and the AWS profiles found on
// this computer; adding, testing, removing and switching, through the connections API.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { api } from '../bridge'
import { useAppStore } from './app'
import type {
  AddConnectionInput,
  AwsProfilesInfo,
  ConnectionSummary,
  ConnectionTest
} from '../../../shared/ipc'

export const useConnectionsStore = defineStore('connections', () => {
  const app = useAppStore()
  const list = shallowRef<ConnectionSummary[]>([])
  const profiles = shallowRef<AwsProfilesInfo>()

  async function load(): Promise<void> {
    list.value = await api.connections.list({})
  }

  async function loadProfiles(): Promise<AwsProfilesInfo> {
    profiles.value = await api.connections.profiles({})
    return profiles.value
  }

  async function add(input: AddConnectionInput): Promise<ConnectionSummary> {
    const added = await api.connections.add(input)
    await load()
    return added
  }

  async function remove(id: string): Promise<void> {
    const wasActive = list.value.find((c) => c.id === id)?.active
    list.value = await api.connections.remove({ id })
    if (wasActive) await app.load()
  }

  async function activate(id: string): Promise<void> {
    const info = await app.hold(() => api.connections.activate({ id }))
    await app.applyConnection(info)
    await load()
  }

  function test(id: string): Promise<ConnectionTest> {
    return app.hold(() => api.connections.test({ id }))
  }

  async function answerMfa(promptId: string, code?: string): Promise<void> {
    await api.connections.answerMfa(code === undefined ? { promptId } : { promptId, code })
  }

  return { list, profiles, load, loadProfiles, add, remove, activate, test, answerMfa }
})
