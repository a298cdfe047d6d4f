import type { FrameworkNode, Standard } from '@/api/types'

/** TreeLevel is 1 测评项目, 2 测评指标, 3 测评内容 or 4 测评标准. */
export type TreeLevel = 1 | 2 | 3 | 4

export const levelNames: Record<TreeLevel, string> = { 1: '测评项目', 2: '测评指标', 3: '测评内容', 4: '测评标准' }

/** TreeItem is one row of the framework tree: a node of levels 1–3, or a standard under its content. */
export interface TreeItem {
  /** key is unique across nodes and standards: n<id> or s<id>. */
  key: string
  level: TreeLevel
  code: string
  /** name is the node's name, or the standard's text. */
  name: string
  /** weight is the node's points; standards have none. */
  weight: number | null
  node?: FrameworkNode
  standard?: Standard
  children?: TreeItem[]
}

/** compareCodes orders codes naturally, numbers by value: 1.2 before 1.10, A2 before A10. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split(/(\d+)/)
  const pb = b.split(/(\d+)/)
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue
    // split puts the digit runs at the odd positions.
    if (i % 2 === 1) return Number(pa[i]) - Number(pb[i]) || pa[i].length - pb[i].length
    return pa[i] < pb[i] ? -1 : 1
  }
  return pa.length - pb.length
}

/**
 * buildFrameworkTree nests the nodes by parentId and puts each standard under its content (contentId),
 * siblings ordered by code. An item whose parent is missing becomes a root rather than being lost.
 */
export function buildFrameworkTree(nodes: FrameworkNode[], standards: Standard[]): TreeItem[] {
  const items = new Map<string, TreeItem>()
  for (const n of nodes) {
    items.set(`n${n.id}`, { key: `n${n.id}`, level: n.level, code: n.code, name: n.name, weight: n.weight, node: n })
  }
  const roots: TreeItem[] = []
  const attach = (item: TreeItem, parentId: number | null) => {
    const parent = parentId == null ? undefined : items.get(`n${parentId}`)
    if (parent) (parent.children ??= []).push(item)
    else roots.push(item)
  }
  for (const n of nodes) attach(items.get(`n${n.id}`)!, n.parentId)
  for (const s of standards) {
    attach({ key: `s${s.id}`, level: 4, code: s.code, name: s.text, weight: null, standard: s }, s.contentId)
  }
  const sort = (list: TreeItem[]) => {
    list.sort((a, b) => compareCodes(a.code, b.code))
    list.forEach((i) => i.children && sort(i.children))
  }
  sort(roots)
  return roots
}

/** matchesItem tells whether an item's code, name, standard text or metric contains the query (any case). */
export function matchesItem(item: TreeItem, q: string): boolean {
  const needle = q.trim().toLowerCase()
  if (!needle) return true
  const fields = [item.code, item.name, item.standard?.metric ?? '']
  return fields.some((f) => f.toLowerCase().includes(needle))
}

/**
 * filterFrameworkTree keeps the items matching the query, with their ancestors (the path to them)
 * and their whole subtree; an empty query keeps everything. The input is not changed.
 */
export function filterFrameworkTree(tree: TreeItem[], q: string): TreeItem[] {
  if (!q.trim()) return tree
  return tree.flatMap((item): TreeItem[] => {
    if (matchesItem(item, q)) return [item]
    const children = filterFrameworkTree(item.children ?? [], q)
    return children.length ? [{ ...item, children }] : []
  })
}

/** branchKeys lists the keys of every item that has children, to expand a filtered tree fully. */
export function branchKeys(tree: TreeItem[]): string[] {
  return tree.flatMap((i) => (i.children?.length ? [i.key, ...branchKeys(i.children)] : []))
}

/** findItem finds the item with the key anywhere in the tree. */
export function findItem(tree: TreeItem[], key: string): TreeItem | undefined {
  for (const item of tree) {
    if (item.key === key) return item
    const found = item.children && findItem(item.children, key)
    if (found) return found
  }
  return undefined
}
