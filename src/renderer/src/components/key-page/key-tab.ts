// A tab of the key page. Each domain (lifecycle, cryptography, imported material, policy) lists
// its own tabs in its folder; the key page shows those that apply to the key at hand.
import type { Component } from 'vue'
import type { KeyMetadata } from '../../../../shared/kms/types'
import type { ConnectionInfo } from '../../../../shared/ipc'

export interface KeyTab {
  id: string
  label: string
  /** Receives `keyMetadata` (KeyMetadata) and may emit `changed` to have the key described again. */
  component: Component
  /** Lower comes first. */
  order: number
  when?: (key: KeyMetadata, connection: ConnectionInfo | undefined) => boolean
}
