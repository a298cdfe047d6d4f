import { computed, shallowRef } from 'vue'
import { caseConfigApi, type CaseCategory } from '@/api'

/**
 * useCaseCategories loads the case categories for selects and names; `active` are the ones new cases may use.
 * A failure leaves the list empty: the select is a helper, the page's own list reports errors.
 */
export function useCaseCategories() {
  const categories = shallowRef<CaseCategory[]>([])
  const active = computed(() => categories.value.filter((c) => c.active))

  async function load(): Promise<void> {
    try {
      categories.value = (await caseConfigApi.categories()).items ?? []
    } catch {
      categories.value = []
    }
  }

  return { categories, active, load }
}
