import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Cockpit, Me } from '@/api'
import { cityJurisdictions, cockpit } from '@/pages/ranking/testFixtures'
import { useSessionStore } from '@/stores/session'
import LeaderPage from './LeaderPage.vue'

let current: Cockpit
const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.useFakeTimers()
  vi.stubGlobal('fetch', fetchMock)
  fetchMock.mockImplementation(async (url) => {
    const u = String(url)
    if (u === '/api/v1/cockpit' || u.startsWith('/api/v1/cockpit?')) return new Response(JSON.stringify(current))
    if (u === '/api/v1/jurisdictions') return new Response(JSON.stringify({ items: cityJurisdictions, total: 3 }))
    if (u === '/api/v1/case-settings') return new Response(JSON.stringify({ bounds: null }))
    throw new Error(`unexpected GET ${u}`)
  })
  pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = { roles: ['leader'], scope: { kind: 'all' } } as unknown as Me
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  fetchMock.mockReset()
})

async function open(c: Cockpit) {
  current = c
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  const wrapper = mount(LeaderPage, { global: { plugins: [pinia, router, ElementPlus], stubs: { CockpitChart: true, CaseMap: true } } })
  await flushPromises()
  return { wrapper, router }
}

const cockpitCalls = () => fetchMock.mock.calls.filter(([u]) => u === '/api/v1/cockpit').length

describe('LeaderPage', () => {
  it('shows today’s figures, “暂无数据” for the score, the ranking’s ends and the time of the data', async () => {
    const { wrapper: w } = await open(cockpit())
    const text = (test: string) => w.find(`[data-test="${test}"]`).text()
    expect(w.find('[data-test="leader"]').exists()).toBe(true)
    expect(text('leader-kpi-today')).toContain('今日新增')
    expect(text('leader-kpi-today')).toContain('6')
    expect(text('leader-kpi-closed')).toContain('2')
    expect(text('leader-kpi-open')).toContain('15')
    expect(text('leader-kpi-overdue')).toContain('4')
    expect(text('leader-score')).toContain('暂无数据')
    expect(text('leader-updated')).toContain('14:30:00')
    for (const t of ['leader-chart-state', 'leader-chart-source', 'leader-chart-trend', 'leader-map', 'leader-regions']) {
      expect(w.find(`[data-test="${t}"]`).exists(), t).toBe(true)
    }
    const a = w.find('[data-test="leader-ranking-A"]')
    expect(a.findAll('[data-test="leader-top"] .name').map((n) => n.text())).toEqual(['A1', 'A2', 'A3', 'A4', 'A5'])
    expect(a.findAll('[data-test="leader-bottom"] .dot').map((d) => d.attributes('data-color'))).toEqual(['yellow', 'yellow', 'yellow', 'red', 'red'])
    expect(w.find('[data-test="leader-ranking-more"]').attributes('href')).toBe('/rankings')
  })

  it('shows the score and its weak spots once there is one', async () => {
    const { wrapper: w } = await open(cockpit({ score: { total: 86.46, weakSpots: ['公益广告', '背街小巷'] } }))
    const score = w.find('[data-test="leader-score"]').text()
    expect(score).toContain('86.5')
    expect(score).toContain('公益广告')
    expect(score).toContain('背街小巷')
    expect(score).not.toContain('暂无数据')
  })

  it('reloads on 刷新 and every minute while visible, and opens the big screen', async () => {
    const { wrapper: w, router } = await open(cockpit())
    expect(cockpitCalls()).toBe(1)
    current = cockpit({ cases: { ...cockpit().cases, todayIntake: 9 } })
    await w.find('[data-test="leader-refresh"]').trigger('click')
    await flushPromises()
    expect(cockpitCalls()).toBe(2)
    expect(w.find('[data-test="leader-kpi-today"]').text()).toContain('9')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(cockpitCalls()).toBe(3)

    await w.find('[data-test="btn-big-screen"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/cockpit')
    w.unmount()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(cockpitCalls()).toBe(3)
  })

  it('lets the city leader put a county on the board', async () => {
    useSessionStore().me = { roles: ['leader'], scope: { kind: 'region' }, jurisdictionId: 1 } as unknown as Me
    const { wrapper: w } = await open(cockpit())
    expect(w.find('[data-test="jurisdiction-picker"]').text()).toContain('会宁县')
    await w.find('[data-test="jurisdiction-option-10"] input').trigger('change')
    await flushPromises()
    expect(fetchMock.mock.calls.map(([u]) => u).at(-1)).toBe('/api/v1/cockpit?jurisdictionId=10')
  })
})
