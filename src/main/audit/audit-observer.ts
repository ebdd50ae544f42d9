// How adapters hand their calls to the audit log: a CallObserver (the console's kms-service and
// the HTTP endpoint await it before answering), and a relay for the lab's own service events,
// which the engine emits from the moment it opens, before the log may be attached.
import type { CallObserver, ServiceEvent, ServiceEventListener } from '../backends/call-record'
import type { AuditLog } from './audit-log'

/** The observer to give an adapter: each call is on disk in the log before it resolves. */
export function auditObserver(log: AuditLog): CallObserver {
  return (call) => log.recordCall(call)
}

/** Give `listener` to the engine (EngineOptions.onServiceEvent), then attach the log. */
export class ServiceEventRelay {
  private log?: AuditLog
  private early: ServiceEvent[] = []

  readonly listener: ServiceEventListener = (event) => {
    if (this.log) this.log.recordServiceEvent(event)
    else this.early.push(event)
  }

  attach(log: AuditLog): void {
    this.log = log
    for (const event of this.early.splice(0)) log.recordServiceEvent(event)
  }
}
