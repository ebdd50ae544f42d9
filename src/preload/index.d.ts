import type { WireApis } from '../shared/ipc/contract'

declare global {
  interface Window {
    /** Present in the desktop app (preload); absent in a browser, where the web bridge is used. */
    keylab?: WireApis
  }
}

export {}
