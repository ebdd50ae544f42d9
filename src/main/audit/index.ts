// The audit log: open it for a data dir, observe calls and service events, query, verify, export.
export { AuditLog, type AuditLogOptions } from './audit-log'
export { auditObserver, ServiceEventRelay } from './audit-observer'
export { AuditQuery } from './audit-query'
export { AuditExporter } from './audit-export'
export { Verifier } from './verifier'
export { openAuditReader, type AuditReader } from './audit-reader'
