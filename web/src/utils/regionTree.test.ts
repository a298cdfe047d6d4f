import { describe, expect, it } from 'vitest'
import type { Region } from '@/api'
import { buildRegionTree, type RegionNode } from './regionTree'

let nextId = 1
function region(code: string, name: string, parentId: number | null, sortKey = ''): Region {
  return { id: nextId++, code, name, level: '', parentId, sortKey, hasBoundary: false }
}

/** shape renders a tree as nested names, to compare whole trees at once. */
function shape(nodes: RegionNode[]): unknown[] {
  return nodes.map((n) => (n.children ? { [n.name]: shape(n.children) } : n.name))
}

describe('buildRegionTree', () => {
  it('nests regions under their parents by parentId', () => {
    const county = region('620422', '会宁县', null)
    const town = region('620422100', '会师镇', county.id)
    const village = region('620422100001', '东关村', town.id)
    const tree = buildRegionTree([village, town, county])
    expect(shape(tree)).toEqual([{ 会宁县: [{ 会师镇: ['东关村'] }] }])
    expect(tree[0].children?.[0].children?.[0].children).toBeUndefined()
  })

  it('sorts siblings by sortKey, then by code, with keyless regions last', () => {
    const root = region('610100', '西安市', null)
    const list = [
      region('610100003', '雁塔区', root.id, 'yanta'),
      region('610100002', '长安区', root.id, 'changan'),
      region('610100009', '碑林区', root.id, 'beilin'),
      region('610100007', '无键乙', root.id),
      region('610100005', '无键甲', root.id),
      region('610100001', '同键二', root.id, 'zz'),
      region('610100000', '同键一', root.id, 'zz'),
      root,
    ]
    expect(shape(buildRegionTree(list))).toEqual([
      { 西安市: ['碑林区', '长安区', '雁塔区', '同键一', '同键二', '无键甲', '无键乙'] },
    ])
  })

  it('puts regions whose parent is missing at the root, sorted with the others', () => {
    const a = region('620422100', '乙镇', 9999, 'b')
    const b = region('620422200', '甲镇', 8888, 'a')
    const c = region('620422200001', '某村', b.id)
    expect(shape(buildRegionTree([a, c, b]))).toEqual([{ 甲镇: ['某村'] }, '乙镇'])
  })

  it('does not change the input list', () => {
    const root = region('620422', '会宁县', null)
    const child = region('620422100', '会师镇', root.id)
    const input = [child, root]
    buildRegionTree(input)
    expect(input).toEqual([child, root])
    expect('children' in root).toBe(false)
  })

  it('returns an empty tree for no regions', () => {
    expect(buildRegionTree([])).toEqual([])
  })
})
