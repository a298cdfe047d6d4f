import { computed, shallowRef } from 'vue'
import { regionApi, type Region } from '@/api'
import { buildRegionTree } from '@/utils/regionTree'

/**
 * useRegionTree loads the regions in the user's scope for tree-selects (value = id, label = name).
 * A failure leaves the options empty: the select is a helper, the page's own list reports errors.
 */
export function useRegionTree() {
  const regions = shallowRef<Region[]>([])
  const tree = computed(() => buildRegionTree(regions.value))

  async function load(): Promise<void> {
    try {
      regions.value = (await regionApi.list()).items ?? []
    } catch {
      regions.value = []
    }
  }

  return { tree, load }
}
