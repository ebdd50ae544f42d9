// Route screens of the console. Hash history works from file:// (desktop) and http (web).
import { createRouter, createWebHashHistory } from 'vue-router'
import KeysView from '../views/KeysView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/keys' },
    { path: '/keys', name: 'keys', component: KeysView },
    {
      path: '/keys/:keyId',
      name: 'key',
      component: () => import('../views/KeyDetailView.vue'),
      props: true
    },
    { path: '/audit', name: 'audit', component: () => import('../views/AuditView.vue') },
    { path: '/settings', name: 'settings', component: () => import('../views/SettingsView.vue') }
  ]
})
