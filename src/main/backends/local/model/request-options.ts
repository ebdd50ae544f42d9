// Request members every cryptographic operation handles the same way: DryRun (answer
// DryRunOperationException once every check has passed) and Recipient (attested enclaves, which
// the lab does not have).
import { DryRunOperationException, UnsupportedOperationException } from '../../../../shared/errors'

export function checkDryRun(dryRun: boolean | undefined): void {
  if (dryRun) {
    throw new DryRunOperationException(
      'The request would have succeeded, but the DryRun option is set.'
    )
  }
}

/** KeyLab differs from AWS here: there is no Nitro enclave or NitroTPM to attest. */
export function rejectRecipient(recipient: unknown): void {
  if (recipient !== undefined) {
    throw new UnsupportedOperationException(
      "KeyLab's lab does not implement Recipient (attested environments)."
    )
  }
}
