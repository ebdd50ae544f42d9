// Contract: the key-state matrix of the developer guide (key-state.html), one case per cell the
// lab can reach: each operation on a key Enabled, Disabled, PendingDeletion and PendingImport
// (an EXTERNAL key), with AWS's exception names and texts. Written out here, apart from the
// lab's own table, so the two check each other. Cases whose operation a target lacks are skipped.
import {
  createPublicKey,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
  constants
} from 'node:crypto'
import { expect, it } from 'vitest'
import type { KeyMetadata } from '../../src/shared/kms/types'
import type { KmsOperationName } from '../../src/shared/kms/operations'
import { contract, expectError, type ContractContext } from './contract'
import {
  createKey,
  KIND_INPUT,
  moveTo,
  STATES,
  unique,
  type KeyKind,
  type LabState
} from './fixtures'

/** ok, or the guide's note: [1] disabled, [3] pd, [4] notPd, [5] pi, [6] ext. */
type Expect = 'ok' | 'disabled' | 'pd' | 'notPd' | 'pi' | 'ext'
type Input = Record<string, unknown>

interface Row {
  op: KmsOperationName
  kind?: KeyKind
  /** Every key of this row is EXTERNAL (the import operations). */
  external?: boolean
  cells: Record<LabState, Expect | { skip: string }>
  /** Runs while the key is still Enabled (or PendingImport); returns the input for `op`. */
  prepare?(c: ContractContext, key: KeyMetadata): Promise<Input>
  /** Other operations the case needs. */
  needs?: KmsOperationName[]
  /** Capabilities (targets.ts) every case of the row needs, besides the key states. */
  requires?: string[]
}

const cells = (E: Expect, D: Expect, PD: Expect, PI: Expect | { skip: string }): Row['cells'] => ({
  Enabled: E,
  Disabled: D,
  PendingDeletion: PD,
  PendingImport: PI
})
const ALWAYS = cells('ok', 'ok', 'ok', 'ok')
const CRYPTO = cells('ok', 'disabled', 'pd', 'pi')
const MANAGE = cells('ok', 'ok', 'pd', 'ok')

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const byId = (key: KeyMetadata): Input => ({ KeyId: key.KeyId })
const principal = (c: ContractContext): string => `arn:aws:iam::${c.t.accountId}:role/contract`

const ROWS: Row[] = [
  { op: 'CancelKeyDeletion', cells: cells('notPd', 'notPd', 'ok', 'notPd') },
  {
    op: 'CreateAlias',
    cells: MANAGE,
    prepare: async (_c, key) => ({ AliasName: `alias/${unique('st')}`, TargetKeyId: key.KeyId })
  },
  {
    op: 'CreateGrant',
    cells: CRYPTO,
    prepare: async (c, key) => ({
      KeyId: key.KeyId,
      GranteePrincipal: principal(c),
      Operations: ['Decrypt']
    })
  },
  {
    op: 'Decrypt',
    needs: ['Encrypt'],
    cells: cells('ok', 'disabled', 'pd', { skip: 'an EXTERNAL key made no ciphertext yet' }),
    prepare: async (c, key) => {
      const { CiphertextBlob } = await c.t.call('Encrypt', {
        KeyId: key.KeyId,
        Plaintext: bytes('x')
      })
      return { KeyId: key.KeyId, CiphertextBlob }
    }
  },
  {
    op: 'DeleteAlias',
    cells: ALWAYS,
    prepare: async (c, key) => {
      const AliasName = `alias/${unique('st')}`
      await c.t.call('CreateAlias', { AliasName, TargetKeyId: key.KeyId })
      return { AliasName }
    }
  },
  { op: 'DeleteImportedKeyMaterial', external: true, cells: cells('ok', 'ok', 'ok', 'ok') },
  {
    op: 'DeriveSharedSecret',
    kind: 'agree',
    requires: ['keyAgreement'],
    cells: CRYPTO,
    prepare: async (_c, key) => {
      const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      const PublicKey = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }))
      return { KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey }
    }
  },
  { op: 'DescribeKey', cells: ALWAYS },
  { op: 'DisableKey', cells: cells('ok', 'ok', 'pd', 'pi') },
  { op: 'DisableKeyRotation', cells: cells('ok', 'disabled', 'pd', 'ext') },
  { op: 'EnableKey', cells: cells('ok', 'ok', 'pd', 'pi') },
  { op: 'EnableKeyRotation', cells: cells('ok', 'disabled', 'pd', 'ext') },
  {
    op: 'Encrypt',
    cells: CRYPTO,
    prepare: async (_c, key) => ({ KeyId: key.KeyId, Plaintext: bytes('secret') })
  },
  {
    op: 'GenerateDataKey',
    cells: CRYPTO,
    prepare: async (_c, key) => ({ KeyId: key.KeyId, KeySpec: 'AES_256' })
  },
  {
    op: 'GenerateDataKeyPair',
    requires: ['dataKeyPairs'],
    cells: CRYPTO,
    prepare: async (_c, key) => ({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256' })
  },
  {
    op: 'GenerateDataKeyPairWithoutPlaintext',
    requires: ['dataKeyPairs'],
    cells: CRYPTO,
    prepare: async (_c, key) => ({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256' })
  },
  {
    op: 'GenerateDataKeyWithoutPlaintext',
    cells: CRYPTO,
    prepare: async (_c, key) => ({ KeyId: key.KeyId, KeySpec: 'AES_256' })
  },
  {
    op: 'GenerateMac',
    kind: 'mac',
    cells: CRYPTO,
    prepare: async (_c, key) => ({
      KeyId: key.KeyId,
      Message: bytes('m'),
      MacAlgorithm: 'HMAC_SHA_256'
    })
  },
  { op: 'GetKeyPolicy', requires: ['defaultPolicyName'], cells: ALWAYS },
  { op: 'GetKeyRotationStatus', cells: cells('ok', 'ok', 'ok', 'ext') },
  {
    op: 'GetParametersForImport',
    external: true,
    cells: cells('ok', 'ok', 'pd', 'ok'),
    prepare: async (_c, key) => ({
      KeyId: key.KeyId,
      WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      WrappingKeySpec: 'RSA_2048'
    })
  },
  { op: 'GetPublicKey', kind: 'sign', cells: CRYPTO },
  {
    op: 'ImportKeyMaterial',
    external: true,
    needs: ['GetParametersForImport'],
    cells: cells('ok', 'ok', 'pd', 'ok'),
    prepare: async (c, key) => {
      const params = await c.t.call('GetParametersForImport', {
        KeyId: key.KeyId,
        WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
        WrappingKeySpec: 'RSA_2048'
      })
      const wrapping = createPublicKey({
        key: Buffer.from(params.PublicKey!),
        format: 'der',
        type: 'spki'
      })
      const EncryptedKeyMaterial = new Uint8Array(
        publicEncrypt(
          { key: wrapping, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
          randomBytes(32)
        )
      )
      return {
        KeyId: key.KeyId,
        ImportToken: params.ImportToken,
        EncryptedKeyMaterial,
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE'
      }
    }
  },
  { op: 'ListAliases', cells: ALWAYS },
  { op: 'ListGrants', cells: ALWAYS },
  { op: 'ListKeyPolicies', cells: ALWAYS },
  { op: 'ListKeyRotations', cells: ALWAYS },
  { op: 'ListResourceTags', cells: ALWAYS },
  {
    op: 'PutKeyPolicy',
    requires: ['defaultPolicyName'],
    cells: ALWAYS,
    prepare: async (c, key) => ({
      KeyId: key.KeyId,
      Policy: (await c.t.call('GetKeyPolicy', { KeyId: key.KeyId })).Policy
    })
  },
  {
    op: 'ReEncrypt',
    needs: ['Encrypt'],
    cells: CRYPTO,
    prepare: async (c, key) => {
      const source = await createKey(c)
      const { CiphertextBlob } = await c.t.call('Encrypt', {
        KeyId: source.KeyId,
        Plaintext: bytes('x')
      })
      return { CiphertextBlob, DestinationKeyId: key.KeyId }
    }
  },
  {
    op: 'RetireGrant',
    needs: ['CreateGrant'],
    cells: cells('ok', 'ok', 'ok', { skip: 'no grant can be made for a key pending import' }),
    prepare: async (c, key) => {
      const { GrantId } = await c.t.call('CreateGrant', {
        KeyId: key.KeyId,
        GranteePrincipal: principal(c),
        RetiringPrincipal: principal(c),
        Operations: ['Decrypt']
      })
      return { KeyId: key.Arn, GrantId }
    }
  },
  {
    op: 'RevokeGrant',
    needs: ['CreateGrant'],
    cells: cells('ok', 'ok', 'ok', { skip: 'no grant can be made for a key pending import' }),
    prepare: async (c, key) => {
      const { GrantId } = await c.t.call('CreateGrant', {
        KeyId: key.KeyId,
        GranteePrincipal: principal(c),
        Operations: ['Decrypt']
      })
      return { KeyId: key.KeyId, GrantId }
    }
  },
  { op: 'RotateKeyOnDemand', cells: CRYPTO },
  { op: 'ScheduleKeyDeletion', cells: cells('ok', 'ok', 'pd', 'ok') },
  {
    op: 'Sign',
    kind: 'sign',
    cells: CRYPTO,
    prepare: async (_c, key) => ({
      KeyId: key.KeyId,
      Message: bytes('m'),
      SigningAlgorithm: 'ECDSA_SHA_256'
    })
  },
  {
    op: 'TagResource',
    cells: MANAGE,
    prepare: async (_c, key) => ({ KeyId: key.KeyId, Tags: [{ TagKey: 'k', TagValue: 'v' }] })
  },
  {
    op: 'UntagResource',
    cells: MANAGE,
    prepare: async (_c, key) => ({ KeyId: key.KeyId, TagKeys: ['k'] })
  },
  {
    op: 'UpdateAlias',
    cells: MANAGE,
    prepare: async (c, key) => {
      const AliasName = `alias/${unique('st')}`
      await c.t.call('CreateAlias', { AliasName, TargetKeyId: (await createKey(c)).KeyId })
      return { AliasName, TargetKeyId: key.KeyId }
    }
  },
  {
    op: 'UpdateKeyDescription',
    cells: MANAGE,
    prepare: async (_c, key) => ({ KeyId: key.KeyId, Description: 'changed' })
  },
  {
    op: 'Verify',
    kind: 'sign',
    needs: ['Sign'],
    cells: cells('ok', 'disabled', 'pd', { skip: 'an EXTERNAL key signed nothing yet' }),
    prepare: async (c, key) => {
      const input = { KeyId: key.KeyId, Message: bytes('m'), SigningAlgorithm: 'ECDSA_SHA_256' }
      const { Signature } = await c.t.call('Sign', input)
      return { ...input, Signature }
    }
  },
  {
    op: 'VerifyMac',
    kind: 'mac',
    needs: ['GenerateMac'],
    cells: cells('ok', 'disabled', 'pd', { skip: 'an EXTERNAL key made no MAC yet' }),
    prepare: async (c, key) => {
      const input = { KeyId: key.KeyId, Message: bytes('m'), MacAlgorithm: 'HMAC_SHA_256' }
      const { Mac } = await c.t.call('GenerateMac', input)
      return { ...input, Mac }
    }
  }
]

const TEXT: Record<Exclude<Expect, 'ok'>, [string, (arn: string) => string]> = {
  disabled: ['DisabledException', (arn) => `${arn} is disabled.`],
  pd: ['KMSInvalidStateException', (arn) => `${arn} is pending deletion.`],
  notPd: ['KMSInvalidStateException', (arn) => `${arn} is not pending deletion.`],
  pi: ['KMSInvalidStateException', (arn) => `${arn} is pending import.`],
  ext: [
    'UnsupportedOperationException',
    (arn) => `${arn} origin is EXTERNAL which is not valid for this operation.`
  ]
}

contract('Key-state matrix (developer guide, key-state.html)', (c) => {
  it('covers every operation that uses an existing key', () => {
    expect(new Set(ROWS.map((r) => r.op)).size).toBe(ROWS.length)
    expect(ROWS).toHaveLength(41)
  })

  for (const row of ROWS) {
    for (const state of STATES) {
      const cell = row.cells[state]
      const external = row.external === true || state === 'PendingImport'
      /** What the case needs of the target: its operations, imported material, key states. */
      const capabilities = [
        ...[row.op, ...(row.needs ?? [])].map((op) => `op:${op}`),
        ...(row.requires ?? []),
        ...(external ? ['importedMaterial'] : []),
        ...(cell !== 'ok' ? ['keyStates'] : [])
      ]
      const skip =
        typeof cell === 'object' ||
        (row.external === true && (state === 'Enabled' || state === 'Disabled')) ||
        c.lacks(...capabilities)
      const expected = typeof cell === 'object' ? `skipped: ${cell.skip}` : cell
      it.skipIf(skip)(`${row.op} on a ${state} key: ${expected}`, async () => {
        const key = await createKey(c, {
          ...KIND_INPUT[row.kind ?? 'sym'],
          ...(external ? { Origin: 'EXTERNAL' } : {})
        })
        const input = row.prepare ? await row.prepare(c, key) : byId(key)
        await moveTo(c, key, state)
        const { KeyMetadata } = await c.t.call('DescribeKey', { KeyId: key.KeyId })
        expect(KeyMetadata!.KeyState).toBe(state)
        const call = c.t.call(row.op, input)
        if (cell === 'ok') {
          await expect(call).resolves.toBeDefined()
          return
        }
        const [name, text] = TEXT[cell as Exclude<Expect, 'ok'>]
        await expectError(call, name, text(key.Arn!))
      })
    }
  }
})
