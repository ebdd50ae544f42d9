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
  /** Bumped whenever the lab clock moves: screens read their keys again. */
  const clockEpoch = ref(0)
  /** Real time when `clock` was read, to show lab time running between reads. */
  const clockReadAt = ref(0)

  const connection = computed(() => info.value?.connection)
  const region = computed(() => info.value?.connection.region ?? '')

  async function load(): Promise<void> {
    try {
      info.value = await api.app.getInfo({})
      if (info.value.connection.capabilities.labClock) setClock(await api.lab.getClock({}))
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

  function setClock(state: LabClockState): void {
    clock.value = state
    clockReadAt.value = Date.now()
  }

  async function advanceClock(days: number, hours = 0): Promise<void> {
    setClock(await api.lab.advanceClock({ days, hours }))
    clockEpoch.value++
  }

  async function refreshClock(): Promise<void> {
    if (connection.value?.capabilities.labClock) setClock(await api.lab.getClock({}))
  }

  /** Lab time now, from the last reading and the real time gone by since. */
  function labNow(): number {
    return clock.value ? clock.value.now + (Date.now() - clockReadAt.value) : Date.now()
  }

  return {
    info,
    clock,
    error,
    ready,
    clockEpoch,
    labNow,
    connection,
    region,
    load,
    setRegion,
    advanceClock,
    refreshClock
  }
})
