// The console's connection: which backend is active, its region, and the lab clock.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '../bridge'
import type { AppInfo, LabClockState } from '../../../shared/ipc'

export const useAppStore = defineStore('app', () => {
  const info = shallowRef<AppInfo>()
  const clock = shallowRef<LabClockState>()
  const error = shallowRef<Error>()
  const ready = ref(false)

  const connection = computed(() => info.value?.connection)
  const region = computed(() => info.value?.connection.region ?? '')

  async function load(): Promise<void> {
    try {
      info.value = await api.app.getInfo({})
      if (info.value.connection.capabilities.labClock) clock.value = await api.lab.getClock({})
      error.value = undefined
    } catch (e) {
      error.value = e as Error
    } finally {
      ready.value = true
    }
  }

  async function setRegion(next: string): Promise<void> {
    const connectionInfo = await api.app.setRegion({ region: next })
    if (info.value) info.value = { ...info.value, connection: connectionInfo }
  }

  async function advanceClock(days: number): Promise<void> {
    clock.value = await api.lab.advanceClock({ days })
  }

  async function refreshClock(): Promise<void> {
    if (connection.value?.capabilities.labClock) clock.value = await api.lab.getClock({})
  }

  return {
    info,
    clock,
    error,
    ready,
    connection,
    region,
    load,
    setRegion,
    advanceClock,
    refreshClock
  }
})
