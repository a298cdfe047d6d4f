import { computed, shallowRef } from 'vue'
import { frameworkApi, type Id, type Standard } from '@/api'
import { compareCodes } from '@/utils/frameworkTree'

/**
 * useStandardIndex loads a framework's standards once, to link a task's standard codes to their pages
 * and to offer them when editing a task. A failure leaves it empty: the codes then show as plain text.
 */
export function useStandardIndex() {
  const standards = shallowRef<Standard[]>([])
  let loadedFor: Id | null = null

  async function load(frameworkId: Id | null | undefined): Promise<void> {
    if (!frameworkId || frameworkId === loadedFor) return
    loadedFor = frameworkId
    try {
      const tree = await frameworkApi.tree(frameworkId)
      standards.value = [...tree.standards].sort((a, b) => compareCodes(a.code, b.code))
    } catch {
      standards.value = []
      loadedFor = null
    }
  }

  const byCode = computed(() => new Map(standards.value.map((s) => [s.code, s])))
  /** link is the standard page of a code, or undefined when the code is not in the framework. */
  const link = (code: string) => {
    const s = byCode.value.get(code)
    return s && loadedFor ? `/framework/${loadedFor}/standards/${s.id}` : undefined
  }

  return { standards, load, link }
}
