import { describe, expect, it } from 'vitest'
import { changedKeys } from './jsonDiff'

describe('changedKeys', () => {
  it('finds changed, added and removed keys, comparing nested values by content', () => {
    const before = { name: '甲', roles: ['a', 'b'], scope: { kind: 'unit' }, phone: '138', same: 1 }
    const after = { name: '乙', roles: ['a', 'b'], scope: { kind: 'region' }, extra: true, same: 1 }
    expect([...changedKeys(before, after)].sort()).toEqual(['extra', 'name', 'phone', 'scope'])
  })

  it('treats a missing snapshot as empty', () => {
    expect([...changedKeys(null, { a: 1 })]).toEqual(['a'])
    expect([...changedKeys({ a: 1 }, null)]).toEqual(['a'])
    expect(changedKeys(null, null).size).toBe(0)
  })
})
