import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Cockpit, Me } from '@/api'
import { cockpit } from '@/pages/ranking/testFixtures'
import { useSessionStore } from '@/stores/session'
import CockpitPage from './CockpitPage.vue'

let current: Cockpit
const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.useFakeTimers()
  vi.stubGlobal('fetch', fetchMock)
  fetchMock.mockImplementation(async (url) => {
    const u = String(url)
    if (u === '/api/v1/cockpit') return new Response(JSON.stringify(current))
    if (u === '/api/v1/regions') return new Response(JSON.stringify({ items: [{ id: 1, name: '文明县', parentId: null }], total: 1 }))
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
  const wrapper = mount(CockpitPage, { global: { plugins: [pinia, router], stubs: { CockpitChart: true, CaseMap: true } } })
  await flushPromises()
  return wrapper
}

describe('CockpitPage', () => {
  it('shows today’s figures, the county, the regions by overdue and the ranking’s ends', async () => {
    const w = await open(cockpit())
    const text = (test: string) => w.find(`[data-test="${test}"]`).text()
    expect(w.find('.title').text()).toBe('文明县文明城市创建指挥驾驶舱')
    expect(text('kpi-today')).toContain('6')
    expect(text('kpi-closed')).toContain('2')
    expect(text('kpi-open')).toContain('15')
    expect(text('kpi-overdue')).toContain('4')
    for (const t of ['chart-state', 'chart-source', 'chart-trend', 'cockpit-map', 'cockpit-ranking']) expect(w.find(`[data-test="${t}"]`).exists(), t).toBe(true)
    expect(w.findAll('[data-test="cockpit-regions"] tbody tr').map((r) => r.text())).toEqual(['东城街道53', '城关街道81'])

    const a = w.find('[data-test="cockpit-ranking-A"]')
    expect(a.findAll('[data-test="cockpit-top"]').map((r) => r.find('.name').text())).toEqual(['A1', 'A2', 'A3', 'A4', 'A5'])
    expect(a.findAll('[data-test="cockpit-bottom"]').map((r) => r.find('.name').text())).toEqual(['A8', 'A9', 'A10', 'A11', 'A12'])
    expect(a.findAll('[data-test="cockpit-bottom"] .dot').map((d) => d.attributes('data-color'))).toEqual(['yellow', 'yellow', 'yellow', 'red', 'red'])
    expect(w.find('[data-test="cockpit-ranking-B"]').findAll('[data-test="cockpit-bottom"]')).toHaveLength(0)
  })

  it('says the mock assessment has no score yet, and shows it once there is one', async () => {
    let w = await open(cockpit())
    expect(w.find('[data-test="cockpit-score"]').text()).toContain('模拟测评得分：暂无数据')
    w.unmount()
    w = await open(cockpit({ score: { total: 86.46, weakSpots: ['公益广告', '背街小巷'] } }))
    expect(w.find('[data-test="cockpit-score"]').text()).toContain('86.5')
    expect(w.find('[data-test="cockpit-score"]').text()).toContain('薄弱项：公益广告、背街小巷')
  })

  it('refreshes every minute, and keeps the figures when a refresh fails', async () => {
    const w = await open(cockpit())
    const cockpitCalls = () => fetchMock.mock.calls.filter(([u]) => u === '/api/v1/cockpit').length
    expect(cockpitCalls()).toBe(1)
    current = cockpit({ cases: { ...cockpit().cases, todayIntake: 9 } })
    await vi.advanceTimersByTimeAsync(60_000)
    await flushPromises()
    expect(cockpitCalls()).toBe(2)
    expect(w.find('[data-test="kpi-today"]').text()).toContain('9')

    fetchMock.mockImplementationOnce(async () => new Response(JSON.stringify({ error: { code: 'internal', message: '服务器错误' } }), { status: 500 }))
    await vi.advanceTimersByTimeAsync(60_000)
    await flushPromises()
    expect(w.find('[data-test="kpi-today"]').text()).toContain('9')
    expect(w.find('[data-test="cockpit-error"]').text()).toContain('服务器错误')
    w.unmount()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(cockpitCalls()).toBe(3)
  })
})
