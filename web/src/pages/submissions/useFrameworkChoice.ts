import { ref, shallowRef } from 'vue'
import { frameworkApi, planApi, type Framework, type Id } from '@/api'
import { showError } from '@/utils/notify'
import { currentFrameworkId } from '@/utils/submission'

/** useFrameworkChoice loads the framework versions for a picker that starts on the campaign's current one. */
export function useFrameworkChoice() {
  const frameworks = shallowRef<Framework[]>([])
  const frameworkId = ref<Id>()

  async function load(): Promise<void> {
    try {
      const [list, plans] = await Promise.all([frameworkApi.list(), planApi.list().catch(() => ({ items: [] }))])
      frameworks.value = list.items ?? []
      frameworkId.value = currentFrameworkId(frameworks.value, plans.items ?? [])
    } catch (e) {
      showError(e)
    }
  }

  return { frameworks, frameworkId, load }
}
