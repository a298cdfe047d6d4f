import { computed, onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref } from 'vue'
import { caseConfigApi, cockpitApi, type Bounds, type Cockpit } from '@/api'
import { useMetaStore } from '@/stores/meta'
import { heatPoints, pointMarks, sourceOption, stateOption, trendOption } from '@/utils/cockpit'
import { topAndBottom } from '@/utils/ranking'

/** REFRESH_MS is how often the cockpit's figures reload while the page is visible. */
export const REFRESH_MS = 60_000

/**
 * useCockpit loads GET /cockpit for the big screen and the leader's page alike: the figures, the
 * county's bounds for the map, the charts in the page's theme ('dark' or '' for the console), and a
 * reload every minute while the page is visible (and at once when it shows again). A failed reload
 * keeps the last figures and says so. jurisdictionId, when given, is the county the city office picked
 * (undefined: its own); changing it reloads.
 */
export function useCockpit(theme: 'dark' | '', kpiPrefix: string, jurisdictionId?: Ref<number | undefined>) {
  const meta = useMetaStore()
  const data = shallowRef<Cockpit | null>(null)
  const failed = ref('')
  const loading = ref(false)
  const bounds = shallowRef<Bounds | null>(null)

  async function load() {
    loading.value = true
    try {
      data.value = await cockpitApi.get(jurisdictionId?.value)
      failed.value = ''
    } catch (e) {
      failed.value = e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  async function loadBounds() {
    try {
      bounds.value = (await caseConfigApi.settings()).bounds
    } catch {
      bounds.value = null
    }
  }

  if (jurisdictionId) watch(jurisdictionId, () => void load())

  const refresh = () => {
    if (document.visibilityState === 'visible') void load()
  }
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    void load()
    void loadBounds()
    timer = setInterval(refresh, REFRESH_MS)
    document.addEventListener('visibilitychange', refresh)
  })
  onBeforeUnmount(() => {
    clearInterval(timer)
    document.removeEventListener('visibilitychange', refresh)
  })

  const cases = computed(() => data.value?.cases)
  const kpis = computed(() => [
    { test: `${kpiPrefix}kpi-today`, label: '今日新增', value: cases.value?.todayIntake, tone: 'blue' },
    { test: `${kpiPrefix}kpi-closed`, label: '今日办结', value: cases.value?.todayClosed, tone: 'green' },
    { test: `${kpiPrefix}kpi-open`, label: '在办', value: cases.value?.open, tone: 'cyan' },
    { test: `${kpiPrefix}kpi-overdue`, label: '超期', value: cases.value?.overdue, tone: 'red' },
  ])
  const stateChart = computed(() => stateOption(cases.value?.byState ?? {}, meta.caseStateName, theme))
  const sourceChart = computed(() => sourceOption(cases.value?.bySource ?? {}, meta.caseSourceName, theme))
  const trendChart = computed(() => trendOption(cases.value?.trend ?? [], theme))
  // The case heat with the field points drawn over it.
  const heat = computed(() => [...heatPoints(data.value?.heat ?? cases.value?.heat ?? []), ...pointMarks(data.value?.points ?? [])])
  const regions = computed(() =>
    [...(cases.value?.byRegion ?? [])].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name)),
  )
  const rankingClasses = computed(() => {
    const r = data.value?.ranking
    return (['A', 'B'] as const).map((c) => ({ cls: c, ...topAndBottom(r?.[c] ?? [], 5) }))
  })
  const score = computed(() => data.value?.score)

  return { data, failed, loading, bounds, load, cases, kpis, stateChart, sourceChart, trendChart, heat, regions, rankingClasses, score }
}
