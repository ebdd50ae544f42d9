// The console's connection: which backend is active, its region, the lab clock, and what is in
// progress (long listings here or in main, MFA prompts from main, watched with a long poll).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '../bridge'
import type {
  AppInfo,
  ConnectionInfo,
  ConsoleActivity,
  LabClockState,
  ProgressTask
} from '../../../shared/ipc'

export interface TaskHandle {
  update(done: number, total?: number): void
  finish(): void
}

const RETRY_MS = 2_000

export const useAppStore = defineStore('app', () => {
  const info = shallowRef<AppInfo>()
  const clock = shallowRef<LabClockState>()
  const error = shallowRef<Error>()
  const ready = ref(false)
  const activity = shallowRef<ConsoleActivity>({ version: 0, prompts: [], tasks: [] })
  const localTasks = shallowRef<ProgressTask[]>([])
  /** Bumped whenever the lab clock moves: screens read their keys again. */
  const clockEpoch = ref(0)
  /** Real time when `clock` was read, to show lab time running between reads. */
  const clockReadAt = ref(0)

  const connection = computed(() => info.value?.connection)
  const region = computed(() => info.value?.connection.region ?? '')
  const prompts = computed(() => activity.value.prompts)
  const tasks = computed(() => [...localTasks.value, ...activity.value.tasks])

  async function load(): Promise<void> {
    try {
      info.value = await api.app.getInfo({})
      await refreshClock()
      error.value = undefined
      watchActivity()
    } catch (e) {
      error.value = e as Error
    } finally {
      ready.value = true
    }
  }

  /** Adopts the connection the connections API switched to (and the regions it offers). */
  async function applyConnection(next: ConnectionInfo): Promise<void> {
    const fresh = await api.app.getInfo({})
    info.value = { ...fresh, connection: next }
    await refreshClock()
    watchActivity()
  }

  async function setRegion(next: string): Promise<void> {
    const connectionInfo = await api.app.setRegion({ region: next })
    if (info.value) info.value = { ...info.value, connection: connectionInfo }
  }

  function setClock(state: LabClockState | undefined): void {
    clock.value = state
    clockReadAt.value = Date.now()
  }

  async function advanceClock(days: number, hours = 0): Promise<void> {
    setClock(await api.lab.advanceClock({ days, hours }))
    clockEpoch.value++
  }

  /** Lab time now, from the last reading and the real time gone by since. */
  function labNow(): number {
    return clock.value ? clock.value.now + (Date.now() - clockReadAt.value) : Date.now()
  }

  async function refreshClock(): Promise<void> {
    setClock(connection.value?.capabilities.labClock ? await api.lab.getClock({}) : undefined)
  }

  // The long poll runs while on AWS (credentials may need an MFA code at any call) and while a
  // connections call is held; the lab never needs it.
  let holds = 0
  let watching = false
  const shouldWatch = (): boolean => holds > 0 || connection.value?.kind === 'aws'

  function watchActivity(): void {
    if (watching || !shouldWatch()) return
    watching = true
    void (async () => {
      try {
        while (shouldWatch()) {
          try {
            activity.value = await api.app.watchActivity({ after: activity.value.version })
          } catch {
            await new Promise((r) => setTimeout(r, RETRY_MS))
          }
        }
      } finally {
        watching = false
      }
    })()
  }

  /** Runs a call that may need the user (an MFA code), watching main's activity meanwhile. */
  async function hold<T>(fn: () => Promise<T>): Promise<T> {
    holds++
    watchActivity()
    try {
      return await fn()
    } finally {
      holds--
    }
  }

  let taskSeq = 0
  /** A progress task shown in the top bar while a listing runs in the renderer. */
  function task(label: string, total?: number): TaskHandle {
    const id = `local-${++taskSeq}`
    const set = (t: ProgressTask | undefined): void => {
      const rest = localTasks.value.filter((x) => x.id !== id)
      localTasks.value = t ? [...rest, t] : rest
    }
    let current = total
    set({ id, label, done: 0, total })
    return {
      update: (done, nextTotal) => {
        current = nextTotal ?? current
        set({ id, label, done, total: current })
      },
      finish: () => set(undefined)
    }
  }

  return {
    info,
    clock,
    error,
    ready,
    connection,
    region,
    clockEpoch,
    labNow,
    prompts,
    tasks,
    load,
    applyConnection,
    setRegion,
    advanceClock,
    refreshClock,
    hold,
    task
  }
})
