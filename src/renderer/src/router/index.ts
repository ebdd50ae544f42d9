// Route screens of the console. Hash history works from file:// (desktop) and http (web).
import { createRouter, createWebHashHistory } from 'vue-router'
import KeysView from '../views/KeysView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/keys' },
    { path: '/keys', name: 'keys', component: KeysView },
    {
      path: '/keys/create',
      name: 'key-create',
      component: () => import('../views/CreateKeyView.vue')
    },
    {
      path: '/keys/:keyId',
      name: 'key',
      component: () => import('../views/KeyDetailView.vue'),
      props: true
    },
    {
      path: '/aws-managed-keys',
      name: 'aws-managed-keys',
      component: () => import('../views/AwsManagedKeysView.vue')
    },
    { path: '/aliases', name: 'aliases', component: () => import('../views/AliasesView.vue') },
    {
      path: '/iam/principals',
      name: 'principals',
      component: () => import('../views/PrincipalsView.vue')
    },
    {
      path: '/iam/policies',
      name: 'policies',
      component: () => import('../views/PoliciesView.vue')
    },
    {
      path: '/iam/policies/create',
      name: 'policy-create',
      component: () => import('../views/CreatePolicyView.vue')
    },
    {
      path: '/iam/simulator',
      name: 'simulator',
      component: () => import('../views/PolicySimulatorView.vue')
    },
    { path: '/audit', name: 'audit', component: () => import('../views/AuditView.vue') },
    { path: '/settings', name: 'settings', component: () => import('../views/SettingsView.vue') }
  ]
})
