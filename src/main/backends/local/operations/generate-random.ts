// GenerateRandom: 1 to 1024 random bytes from the CSPRNG. No KMS key is involved.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html
import { randomBytes } from 'node:crypto'
import { CustomKeyStoreNotFoundException, ValidationException } from '../../../../shared/errors'
import type { Operation } from '../context'
import { rejectRecipient } from '../model/request-options'

export const generateRandom: Operation<'GenerateRandom'> = (_ctx, input) => {
  // validate
  if (input.NumberOfBytes === undefined) {
    throw new ValidationException('Please specify either number of bytes or key spec.')
  }
  if (input.CustomKeyStoreId !== undefined) {
    throw new CustomKeyStoreNotFoundException(
      `Custom key store ${input.CustomKeyStoreId} does not exist.`
    )
  }
  rejectRecipient(input.Recipient)
  // act, respond
  return { Plaintext: randomBytes(input.NumberOfBytes) }
}
