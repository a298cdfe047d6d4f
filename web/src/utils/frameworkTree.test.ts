import { describe, expect, it } from 'vitest'
import type { FrameworkNode, Standard } from '@/api/types'
import { branchKeys, buildFrameworkTree, compareCodes, filterFrameworkTree, findItem, type TreeItem } from './frameworkTree'

function node(id: number, parentId: number | null, level: 1 | 2 | 3, code: string, name: string, weight = 1): FrameworkNode {
  return { id, parentId, level, code, name, part: 'basic', weight, scoreMode: 'rate' }
}

function standard(id: number, contentId: number, code: string, text: string, metric = ''): Standard {
  return {
    id, contentId, code, text, metric, methods: ['field'], comparator: metric ? '>=' : '', threshold: metric ? 90 : null,
    threshold2: null, measureUnit: metric ? '%' : '', categories: [], leadUnits: [], responsibleUnits: [],
  }
}

/** shape renders a tree as nested codes, to compare whole trees at once. */
function shape(items: TreeItem[]): unknown[] {
  return items.map((i) => (i.children ? { [i.code]: shape(i.children) } : i.code))
}

const nodes = [
  node(1, null, 1, '1', '公共文明', 20),
  node(2, 1, 2, '1.10', '交通秩序', 8),
  node(3, 1, 2, '1.2', '公共设施', 12),
  node(4, 3, 3, '1.2.1', '公交站点'),
  node(5, null, 1, '2', '社会环境', 30),
  node(6, 2, 3, '1.10.1', '文明出行'),
]
const standards = [
  standard(11, 4, '1.2.1.2', '站台整洁，无乱张贴'),
  standard(10, 4, '1.2.1.1', '城区公交站点设置合理', '公交站点覆盖率'),
  standard(12, 6, '1.10.1.1', '机动车礼让斑马线'),
]

describe('compareCodes', () => {
  it('orders numbers by value, not as text', () => {
    expect(['1.10', '1.2', '1.1', '10', '2'].sort(compareCodes)).toEqual(['1.1', '1.2', '1.10', '2', '10'])
    expect(['A10', 'A2', 'B1'].sort(compareCodes)).toEqual(['A2', 'A10', 'B1'])
  })

  it('puts a parent code before its children', () => {
    expect(['1.2.1', '1.2', '1'].sort(compareCodes)).toEqual(['1', '1.2', '1.2.1'])
  })
})

describe('buildFrameworkTree', () => {
  const tree = buildFrameworkTree(nodes, standards)

  it('nests items, indicators, contents and standards, ordered by code', () => {
    expect(shape(tree)).toEqual([
      { '1': [{ '1.2': [{ '1.2.1': ['1.2.1.1', '1.2.1.2'] }] }, { '1.10': [{ '1.10.1': ['1.10.1.1'] }] }] },
      '2',
    ])
  })

  it('gives each row its level, name and weight; standards carry their text and no weight', () => {
    const content = tree[0].children![0].children![0]
    expect([content.level, content.name, content.weight, content.key]).toEqual([3, '公交站点', 1, 'n4'])
    const std = content.children![0]
    expect([std.level, std.name, std.weight, std.key, std.standard?.id]).toEqual([4, '城区公交站点设置合理', null, 's10', 10])
    expect(tree[1]).toMatchObject({ level: 1, name: '社会环境', weight: 30 })
  })

  it('finds any item by key', () => {
    expect(findItem(tree, 's12')?.code).toBe('1.10.1.1')
    expect(findItem(tree, 'n5')?.name).toBe('社会环境')
    expect(findItem(tree, 'n99')).toBeUndefined()
  })

  it('keeps items whose parent is missing, at the root', () => {
    const orphans = buildFrameworkTree([node(7, 99, 2, '3.1', '孤儿')], [standard(20, 98, '9.9.9.1', '孤立标准')])
    expect(shape(orphans)).toEqual(['3.1', '9.9.9.1'])
  })

  it('does not change its input', () => {
    const input = [...nodes]
    buildFrameworkTree(input, standards)
    expect(input).toEqual(nodes)
    expect('children' in nodes[0]).toBe(false)
  })
})

describe('filterFrameworkTree', () => {
  const tree = buildFrameworkTree(nodes, standards)

  it('reveals a standard by its metric, with the path to it', () => {
    const found = filterFrameworkTree(tree, '公交站点覆盖率')
    expect(shape(found)).toEqual([{ '1': [{ '1.2': [{ '1.2.1': ['1.2.1.1'] }] }] }])
    expect(branchKeys(found)).toEqual(['n1', 'n3', 'n4'])
  })

  it('matches standard text and codes', () => {
    expect(shape(filterFrameworkTree(tree, '斑马线'))).toEqual([{ '1': [{ '1.10': [{ '1.10.1': ['1.10.1.1'] }] }] }])
    expect(shape(filterFrameworkTree(tree, '1.2.1.2'))).toEqual([{ '1': [{ '1.2': [{ '1.2.1': ['1.2.1.2'] }] }] }])
  })

  it('keeps the whole subtree of a matching node', () => {
    expect(shape(filterFrameworkTree(tree, '交通秩序'))).toEqual([{ '1': [{ '1.10': [{ '1.10.1': ['1.10.1.1'] }] }] }])
    expect(shape(filterFrameworkTree(tree, '社会环境'))).toEqual(['2'])
  })

  it('ignores case and surrounding spaces, and keeps everything for an empty query', () => {
    const lower = buildFrameworkTree([node(1, null, 1, 'A1', 'Wifi 覆盖')], [])
    expect(shape(filterFrameworkTree(lower, ' wifi '))).toEqual(['A1'])
    expect(filterFrameworkTree(tree, '  ')).toBe(tree)
  })

  it('finds nothing for an unknown word, leaving the tree as it was', () => {
    expect(filterFrameworkTree(tree, '不存在的词')).toEqual([])
    expect(shape(tree)[0]).toEqual({ '1': [{ '1.2': [{ '1.2.1': ['1.2.1.1', '1.2.1.2'] }] }, { '1.10': [{ '1.10.1': ['1.10.1.1'] }] }] })
  })
})
