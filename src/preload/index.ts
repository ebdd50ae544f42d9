// The preload bridge: exposes `window.keylab`, one function per method of the contract, each a
// plain ipcRenderer.invoke on its channel. Nothing else of Electron reaches the page.
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS, channelOf } from '../shared/ipc/contract'

const keylab: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
for (const [api, methods] of Object.entries(API_METHODS)) {
  keylab[api] = {}
  for (const method of Object.keys(methods)) {
    const channel = channelOf(api, method)
    keylab[api][method] = (input: unknown) => ipcRenderer.invoke(channel, input ?? {})
  }
}

contextBridge.exposeInMainWorld('keylab', keylab)
