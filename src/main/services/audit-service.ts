// The console's audit API: table windows and single records, verification running in worker
// threads (or in slices, so the app stays responsive) that the renderer polls for progress,
// and exports in chunks.
import { randomUUID } from 'node:crypto'
import { LabStoreException, NotFoundException } from '../../shared/errors'
import type { AuditApi, VerifyStatus } from '../../shared/ipc/audit-api'
import { AuditExporter } from '../audit/audit-export'
import type { AuditLog } from '../audit/audit-log'
import { AuditQuery } from '../audit/audit-query'
import { checkpointInfo } from '../audit/checkpoint'
import { Verifier } from '../audit/verifier'
import { runVerifier } from '../audit/verify-run'

const KEPT_JOBS = 4

interface Job {
  status: VerifyStatus
}

export function createAuditService(log: AuditLog | undefined): AuditApi {
  const query = log ? new AuditQuery(log) : undefined
  const jobs = new Map<string, Job>()
  const open = (): { log: AuditLog; query: AuditQuery } => {
    if (!log || !query) throw new LabStoreException('The audit log is not open.')
    return { log, query }
  }

  return {
    async summary() {
      const { log: l } = open()
      const last = l.lastCheckpoint
      return {
        logId: l.logId,
        head: l.headSeq,
        checkpoints: last?.statement.number ?? 0,
        ...(last ? { lastCheckpoint: checkpointInfo(last) } : {}),
        publicKeyFingerprint: l.signingKey.fingerprint
      }
    },
    async query(input) {
      return open().query.page(input)
    },
    async getRecord(input) {
      return open().query.record(input.seq)
    },
    async startVerify() {
      const { log: l } = open()
      await l.checkpointIfBehind()
      const verifier = new Verifier({
        db: l.db,
        dir: l.dir,
        signingKey: l.signingKey,
        upTo: l.headSeq
      })
      const id = randomUUID()
      const job: Job = { status: { id, done: false, checked: 0, total: verifier.total } }
      jobs.set(id, job)
      for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEPT_JOBS)))
        jobs.delete(old)
      const started = { ...job.status }
      void runVerifier(verifier, {
        ...l.verifyAccess,
        onProgress: (checked) => (job.status = { ...job.status, checked })
      })
        .then((report) => {
          job.status = { ...job.status, checked: verifier.checked, done: true, report }
        })
        .catch((e: Error) => {
          const failure = { reason: `verification stopped: ${e.message}` }
          const partial = verifier.report()
          const problems = [failure, ...partial.problems]
          job.status = {
            ...job.status,
            done: true,
            report: { ...partial, ok: false, failure, problems }
          }
        })
      return started
    },
    async verifyStatus(input) {
      const job = jobs.get(input.id)
      if (!job) throw new NotFoundException(`Verification ${input.id} does not exist.`)
      return job.status
    },
    async exportChunk(input) {
      const { log: l } = open()
      const head = Math.min(input.head ?? l.headSeq, l.headSeq)
      return new AuditExporter(l.db, input.format, input.filter, head).chunk(input.cursor)
    }
  }
}
