import { computed, shallowRef } from 'vue'
import { frameworkApi, planApi, type Framework, type Id, type Standard } from '@/api'
import { compareCodes } from '@/utils/frameworkTree'
import { currentFrameworkId } from '@/utils/submission'

/**
 * useCurrentStandards loads the standards of the campaign's current framework (the newest plan's, else the newest
 * frozen main version) and of its minors' framework, for pickers of standard codes ("3.2.1.4 标准内容").
 * A failure leaves the list empty; the codes already chosen still show.
 */
export function useCurrentStandards() {
  const frameworks = shallowRef<Framework[]>([])
  const framework = shallowRef<Framework | null>(null)
  const standards = shallowRef<Standard[]>([])
  const loading = shallowRef(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const [list, plans] = await Promise.all([frameworkApi.list(), planApi.list().catch(() => ({ items: [] }))])
      frameworks.value = list.items ?? []
      const id: Id | undefined = currentFrameworkId(frameworks.value, plans.items ?? [])
      framework.value = frameworks.value.find((f) => f.id === id) ?? null
      if (!id) return
      const ids = [id, framework.value?.minorsId].filter((x): x is Id => x != null)
      const trees = await Promise.all(ids.map((fid) => frameworkApi.tree(fid).catch(() => null)))
      const all = trees.flatMap((t) => t?.standards ?? [])
      const seen = new Set<string>()
      standards.value = all.filter((s) => !seen.has(s.code) && seen.add(s.code)).sort((a, b) => compareCodes(a.code, b.code))
    } catch {
      standards.value = []
    } finally {
      loading.value = false
    }
  }

  const byCode = computed(() => new Map(standards.value.map((s) => [s.code, s])))
  /** label is "code 标准内容", or the bare code when the standard is not in the current framework. */
  const label = (code: string) => {
    const s = byCode.value.get(code)
    return s ? `${s.code} ${s.text}` : code
  }

  return { frameworks, framework, standards, loading, load, byCode, label }
}
