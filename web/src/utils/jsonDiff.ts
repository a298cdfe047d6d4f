type Obj = Record<string, unknown> | null | undefined

/** changedKeys lists the top-level keys whose values differ between two audit snapshots. */
export function changedKeys(before: Obj, after: Obj): Set<string> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const changed = new Set<string>()
  for (const k of keys) {
    if (JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])) changed.add(k)
  }
  return changed
}
