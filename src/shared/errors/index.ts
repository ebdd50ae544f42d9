export * from './kms-error'
export * from './exceptions'
