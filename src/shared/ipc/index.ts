export * from './contract'
export type * from './app-api'
export type * from './lab-api'
export type * from './audit-api'
