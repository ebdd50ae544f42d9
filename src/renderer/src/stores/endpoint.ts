// The lab's KMS endpoint as Settings shows it: running or not, its URL and its credentials.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { api } from '../bridge'
import type { EndpointStatus } from '../../../shared/ipc'

export const useEndpointStore = defineStore('endpoint', () => {
  const status = shallowRef<EndpointStatus>()

  async function load(): Promise<void> {
    status.value = await api.endpoint.status({})
  }

  async function start(port: number): Promise<void> {
    status.value = await api.endpoint.start({ port })
  }

  async function stop(): Promise<void> {
    status.value = await api.endpoint.stop({})
  }

  return { status, load, start, stop }
})
