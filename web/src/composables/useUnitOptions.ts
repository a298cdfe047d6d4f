import { ref } from 'vue'
import { unitApi, type Id, type UnitRef } from '@/api'

/**
 * useUnitOptions backs the remote unit selects: it searches units by name on the server (there may be
 * hundreds) and keeps the chosen ones among the options, or the select would show their bare ids.
 */
export function useUnitOptions(chosen: () => Id[], exclude: () => Id | null | undefined = () => null) {
  const options = ref<UnitRef[]>([])
  const loading = ref(false)
  /** searched tells whether the list holds search results or only the initial options. */
  const searched = ref(false)

  /** seed shows the units the record already names, before any search. */
  function seed(initial: UnitRef[]): void {
    options.value = initial
    searched.value = false
  }

  async function search(q: string): Promise<void> {
    loading.value = true
    try {
      const found = (await unitApi.list({ q: q.trim(), pageSize: 50 })).items
        .filter((u) => u.id !== exclude())
        .map((u) => ({ id: u.id, name: u.name }))
      const kept = options.value.filter((o) => chosen().includes(o.id) && !found.some((f) => f.id === o.id))
      options.value = [...kept, ...found]
      searched.value = true
    } catch {
      // The options stay as they were; typing again retries.
    } finally {
      loading.value = false
    }
  }

  function onVisible(open: boolean): void {
    if (open && !searched.value) void search('')
  }

  return { options, loading, seed, search, onVisible }
}
