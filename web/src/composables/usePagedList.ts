import { ref, shallowRef } from 'vue'
import type { Page, PageQuery } from '@/api'
import { showError } from '@/utils/notify'

/** usePagedList loads one page of a list endpoint with the current filters. */
export function usePagedList<T, F extends object>(fetchPage: (query: F & PageQuery) => Promise<Page<T>>, filters: () => F) {
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const res = await fetchPage({ ...filters(), page: page.value, pageSize: pageSize.value })
      items.value = res.items ?? []
      total.value = res.total
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }

  /** search goes back to the first page, as a new filter means a new list. */
  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  return { items, total, page, pageSize, loading, load, search }
}
