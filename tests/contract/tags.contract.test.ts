// Contract: tags on keys: adding, overwriting, removing, listing in pages, and AWS's tag rules.
import { expect, it } from 'vitest'
import { contract, expectError } from './contract'
import { createKey } from './fixtures'

contract('TagResource, UntagResource, ListResourceTags', (c) => {
  it('adds tags, overwrites a value and removes tags by key', async () => {
    const key = await createKey(c)
    await c.t.call('TagResource', {
      KeyId: key.KeyId,
      Tags: [
        { TagKey: 'Team', TagValue: 'blue' },
        { TagKey: 'Env', TagValue: 'lab' }
      ]
    })
    await c.t.call('TagResource', { KeyId: key.Arn, Tags: [{ TagKey: 'Team', TagValue: 'red' }] })
    expect((await c.t.call('ListResourceTags', { KeyId: key.KeyId })).Tags).toEqual([
      { TagKey: 'Team', TagValue: 'red' },
      { TagKey: 'Env', TagValue: 'lab' }
    ])
    await c.t.call('UntagResource', { KeyId: key.KeyId, TagKeys: ['Team', 'NotThere'] })
    const { Tags, Truncated } = await c.t.call('ListResourceTags', { KeyId: key.KeyId })
    expect(Tags).toEqual([{ TagKey: 'Env', TagValue: 'lab' }])
    expect(Truncated).toBe(false)
  })

  it.skipIf(c.lacks('tagRules'))('reserves the aws: prefix', async () => {
    const key = await createKey(c)
    await expectError(
      c.t.call('TagResource', { KeyId: key.KeyId, Tags: [{ TagKey: 'aws:owner', TagValue: 'x' }] }),
      'TagException',
      'Tags beginning with aws: are reserved'
    )
    await expectError(
      c.t.call('CreateKey', { Tags: [{ TagKey: 'AWS:Owner', TagValue: 'x' }] }),
      'TagException',
      'Tags beginning with aws: are reserved'
    )
  })

  it.skipIf(c.lacks('tagRules'))(
    'refuses duplicate keys in one request and more than 50 tags',
    async () => {
      const key = await createKey(c)
      await expectError(
        c.t.call('TagResource', {
          KeyId: key.KeyId,
          Tags: [
            { TagKey: 'Dup', TagValue: '1' },
            { TagKey: 'Dup', TagValue: '2' }
          ]
        }),
        'TagException',
        'Duplicate tag keys: Dup'
      )
      const fifty = Array.from({ length: 50 }, (_, i) => ({ TagKey: `k${i}`, TagValue: `${i}` }))
      await c.t.call('TagResource', { KeyId: key.KeyId, Tags: fifty })
      await expectError(
        c.t.call('TagResource', { KeyId: key.KeyId, Tags: [{ TagKey: 'one-more', TagValue: '' }] }),
        'TagException',
        'Too many tags: a KMS key can have at most 50'
      )
    }
  )

  it('checks tag key and value lengths with AWS text', async () => {
    const key = await createKey(c)
    await expectError(
      c.t.call('TagResource', { KeyId: key.KeyId, Tags: [{ TagKey: '', TagValue: 'v' }] }),
      'ValidationException',
      "1 validation error detected: Value '' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1"
    )
    const long = 'v'.repeat(257)
    await expectError(
      c.t.call('TagResource', { KeyId: key.KeyId, Tags: [{ TagKey: 'k', TagValue: long }] }),
      'ValidationException',
      `1 validation error detected: Value '${long}' at 'tags.1.member.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256`
    )
  })

  it('lists tags in pages', async () => {
    const key = await createKey(c)
    const tags = Array.from({ length: 5 }, (_, i) => ({ TagKey: `t${i}`, TagValue: `${i}` }))
    await c.t.call('TagResource', { KeyId: key.KeyId, Tags: tags })
    const seen: unknown[] = []
    let marker: string | undefined
    do {
      const page = await c.t.call('ListResourceTags', {
        KeyId: key.KeyId,
        Limit: 2,
        Marker: marker
      })
      seen.push(...page.Tags!)
      marker = page.Truncated ? page.NextMarker : undefined
    } while (marker)
    expect(seen).toEqual(tags)
  })
})
