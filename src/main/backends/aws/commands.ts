// One SDK command per KMS operation, found by name for every operation of the shared table, so
// the AWS backend is table-driven and an operation added to OPERATIONS needs nothing here.
import * as sdk from '@aws-sdk/client-kms'
import type { KMSClient } from '@aws-sdk/client-kms'
import { OPERATION_NAMES, type KmsOperationName } from '../../../shared/kms/operations'

type CommandName = `${KmsOperationName}Command`
// Fails to compile if @aws-sdk/client-kms lacks a command for an operation of the table.
const exported: Pick<typeof sdk, CommandName> = sdk

/** A command ready for `client.send`. */
export type AnyCommand = Parameters<KMSClient['send']>[0]
export type CommandFactory = (input: unknown) => AnyCommand

export const COMMANDS = Object.fromEntries(
  OPERATION_NAMES.map((op) => {
    const Command = exported[`${op}Command`] as unknown as new (input: unknown) => AnyCommand
    return [op, (input: unknown) => new Command(input)]
  })
) as Record<KmsOperationName, CommandFactory>
