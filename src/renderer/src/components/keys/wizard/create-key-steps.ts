// The steps of the create-key wizard, in the console's order. A step edits the draft (before the
// key exists) or works on the created key (`phase: 'created'`, e.g. importing key material for
// an EXTERNAL key); another domain adds its step here with one entry.
import type { Component } from 'vue'
import type { KeyDraft } from '../../../lib/key-draft'
import { validateLabels } from './validate-draft'
import ConfigureKeyStep from './ConfigureKeyStep.vue'
import KeyLabelsStep from './KeyLabelsStep.vue'
import KeyAdministratorsStep from './KeyAdministratorsStep.vue'
import KeyUsersStep from './KeyUsersStep.vue'
import ReviewKeyStep from './ReviewKeyStep.vue'
import ImportMaterialStep from '../../import/ImportMaterialStep.vue'

export interface WizardStep {
  id: string
  /** Shown in the step list, e.g. "Configure key". */
  label: string
  /**
   * Props: `draft` (KeyDraft, with `update:draft`), `accountId`; in the created phase also
   * `keyMetadata`. Emits `done` when a created-phase step is finished.
   */
  component: Component
  order: number
  phase?: 'draft' | 'created'
  when?: (draft: KeyDraft) => boolean
  /** Why Next is not possible yet, if it is not. */
  invalid?: (draft: KeyDraft) => string | undefined
}

export const CREATE_KEY_STEPS: WizardStep[] = [
  { id: 'configure', label: 'Configure key', component: ConfigureKeyStep, order: 10 },
  {
    id: 'labels',
    label: 'Add labels',
    component: KeyLabelsStep,
    order: 20,
    invalid: validateLabels
  },
  {
    id: 'administrators',
    label: 'Define key administrative permissions',
    component: KeyAdministratorsStep,
    order: 30
  },
  { id: 'users', label: 'Define key usage permissions', component: KeyUsersStep, order: 40 },
  { id: 'review', label: 'Review', component: ReviewKeyStep, order: 50 },
  {
    id: 'import-material',
    label: 'Import key material',
    component: ImportMaterialStep,
    order: 60,
    phase: 'created',
    when: (draft) => draft.origin === 'EXTERNAL'
  }
]
