import type { Region } from '@/api'

export interface RegionNode extends Region {
  children?: RegionNode[]
}

/** compareRegions orders by pinyin sort key (regions without one last), then by code. */
export function compareRegions(a: Region, b: Region): number {
  if (a.sortKey !== b.sortKey) {
    if (!a.sortKey) return 1
    if (!b.sortKey) return -1
    return a.sortKey < b.sortKey ? -1 : 1
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0
}

/**
 * buildRegionTree turns the flat list into a tree by parentId. A region whose parent is not in the list
 * (outside the user's scope, or filtered out by a search) becomes a root.
 */
export function buildRegionTree(regions: Region[]): RegionNode[] {
  const nodes = new Map(regions.map((r) => [r.id, { ...r } as RegionNode]))
  const roots: RegionNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId == null ? undefined : nodes.get(node.parentId)
    if (parent && parent !== node) (parent.children ??= []).push(node)
    else roots.push(node)
  }
  const sort = (list: RegionNode[]) => {
    list.sort(compareRegions)
    list.forEach((n) => n.children && sort(n.children))
  }
  sort(roots)
  return roots
}
