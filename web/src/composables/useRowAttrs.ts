import { onBeforeUnmount, watch, type Ref } from 'vue'

/**
 * useRowAttrs puts attributes (data-test, data-code …) on el-table's <tr> rows, which el-table cannot do by itself:
 * bind `:row-class-name="rowClass"` on the table and `ref` an element around it. rowClass tags each row with a
 * class naming its attributes; they are set after every render of the rows (a MutationObserver watches the table).
 */
export function useRowAttrs<T extends object>(root: Ref<HTMLElement | undefined>, attrsOf: (row: T) => Record<string, string>) {
  const ids = new WeakMap<object, number>()
  const attrs = new Map<number, Record<string, string>>()
  let seq = 0

  function rowClass({ row }: { row: T }): string {
    let id = ids.get(row)
    if (id == null) {
      id = ++seq
      ids.set(row, id)
    }
    attrs.set(id, attrsOf(row))
    return `row-attrs-${id}`
  }

  function apply(): void {
    root.value?.querySelectorAll<HTMLElement>('tr[class*="row-attrs-"]').forEach((tr) => {
      const m = /(?:^|\s)row-attrs-(\d+)(?:\s|$)/.exec(tr.className)
      const a = m ? attrs.get(Number(m[1])) : undefined
      if (!a) return
      for (const [k, v] of Object.entries(a)) if (tr.getAttribute(k) !== v) tr.setAttribute(k, v)
    })
  }

  let observer: MutationObserver | null = null
  // The element may come later (a table in a drawer renders when the drawer first opens): watch for it.
  watch(
    root,
    (el) => {
      observer?.disconnect()
      observer = null
      if (!el) return
      apply()
      if (typeof MutationObserver !== 'undefined') {
        // Only rows coming and going and class changes: setting data-* attributes does not wake it again.
        observer = new MutationObserver(apply)
        observer.observe(el, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] })
      }
    },
    { immediate: true, flush: 'post' },
  )
  onBeforeUnmount(() => observer?.disconnect())

  return { rowClass, apply }
}
