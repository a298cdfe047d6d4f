import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Me, RoleCode, RoundDetail } from '@/api'
import { useSessionStore } from '@/stores/session'
import RoundDetailPage from './RoundDetailPage.vue'

// Confirmations answer yes.
vi.mock('@/utils/notify', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/utils/notify')>()),
  confirmAction: vi.fn(async () => true),
}))

const base: RoundDetail = {
  id: 7, name: '第四季度模拟测评', frameworkId: 3, frameworkName: '测评体系 v2', seed: null, startsOn: '2026-11-01', endsOn: '2026-11-30',
  status: 'draft', categories: [{ categoryId: 1, categoryName: '公交站点', sampleSize: 2, available: 12 }],
  inspectors: [{ userId: 11, name: '王督查', assigned: 0, done: 0 }, { userId: 12, name: '李督查', assigned: 0, done: 0 }],
  pointCount: 0, doneCount: 0, createdAt: '2026-10-30T02:00:00Z', drawnAt: null, closedAt: null, points: [], jurisdictionId: 1,
}
const point = (pointId: number, inspectorId: number, doneAt: string | null = null) => ({
  pointId, pointName: `站点${pointId}`, categoryName: '公交站点', address: '人民路', lat: 30, lng: 120, qrToken: `tok-${pointId}`, unitName: '城管局',
  inspectorId, inspectorName: inspectorId === 11 ? '王督查' : '李督查', doneAt, patrolId: doneAt ? 5 : null, fail: doneAt ? 2 : 0,
})
const drawn: RoundDetail = {
  ...base, status: 'drawn', seed: 20261124, drawnAt: '2026-11-01T01:00:00Z', pointCount: 2, doneCount: 1,
  inspectors: [{ userId: 11, name: '王督查', assigned: 1, done: 1 }, { userId: 12, name: '李督查', assigned: 1, done: 0 }],
  points: [point(21, 11, '2026-11-02T03:00:00Z'), point(22, 12)],
}

let current: RoundDetail
const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (init?.method === 'POST' && u === '/api/v1/rounds/7/draw') return new Response(JSON.stringify((current = drawn)))
    if (init?.method === 'PUT' && u === '/api/v1/rounds/7/points/22') {
      const { inspectorId } = JSON.parse(init.body as string)
      return new Response(JSON.stringify({ ...drawn, points: [drawn.points[0], { ...drawn.points[1], inspectorId, inspectorName: '王督查' }] }))
    }
    if (init?.method === 'POST' && u === '/api/v1/rounds/7/close') return new Response(JSON.stringify((current = { ...drawn, status: 'closed' })))
    if (u === '/api/v1/rounds/7') return new Response(JSON.stringify(current))
    throw new Error(`unexpected ${init?.method ?? 'GET'} ${u}`)
  })
  pinia = createPinia()
  setActivePinia(pinia)
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

async function open(round: RoundDetail, roles: RoleCode[] = ['office_staff']) {
  current = round
  useSessionStore().me = { roles } as unknown as Me
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  const wrapper = mount(RoundDetailPage, { props: { id: 7 }, attachTo: document.body, global: { plugins: [pinia, router, ElementPlus], stubs: { RoundDialog: true, RatesDialog: true } } })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  return wrapper
}
const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const writes = () => fetchMock.mock.calls.filter(([, init]) => init?.method && init.method !== 'GET').map(([u, init]) => `${init!.method} ${u} ${init!.body ?? ''}`.trim())

describe('RoundDetailPage', () => {
  it('draws a draft’s points and then shows the recorded seed and the drawn points', async () => {
    await open(base)
    expect(el('round-seed-value')?.textContent).toBe('抽取时随机生成')
    expect(el('round-score-link')).toBeNull()
    el('round-draw')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    expect(writes()).toEqual(['POST /api/v1/rounds/7/draw'])
    expect(el('round-seed-value')?.textContent).toBe('20261124')
    const rows = document.querySelectorAll('[data-test="round-point"]')
    expect([...rows].map((r) => r.getAttribute('data-point-id'))).toEqual(['21', '22'])
    expect(rows[0].textContent).toContain('站点21')
    expect(el('round-draw')).toBeNull()
    expect(el('round-close')).not.toBeNull()
    expect(el('round-score-link')).not.toBeNull()
  })

  it('shows each inspector’s progress and reassigns a point not yet done', async () => {
    const wrapper = await open(drawn)
    const bars = document.querySelectorAll('[data-test="inspector-progress"]')
    expect([...bars].map((b) => b.textContent?.replace(/\s+/g, ''))).toEqual(['李督查0/1', '王督查1/1'])
    const selects = wrapper.findAllComponents('[data-test="round-reassign"]')
    expect(selects).toHaveLength(1)
    ;(selects[0] as VueWrapper).vm.$emit('change', 11)
    await flushPromises()
    expect(writes()).toEqual(['PUT /api/v1/rounds/7/points/22 {"inspectorId":11}'])
  })

  it('closes a drawn round', async () => {
    await open(drawn)
    el('round-close')!.click()
    await flushPromises()
    expect(writes()).toEqual(['POST /api/v1/rounds/7/close'])
    expect(el('round-status')?.textContent).toBe('已结束')
    expect(el('round-close')).toBeNull()
  })

  it('leaves leaders and inspectors without the office’s buttons', async () => {
    const wrapper = await open(drawn, ['leader'])
    for (const t of ['round-draw', 'round-close', 'round-rates', 'round-edit']) expect(el(t), t).toBeNull()
    expect(el('round-export')).not.toBeNull()
    expect(wrapper.findAllComponents('[data-test="round-reassign"]')).toHaveLength(0)
    expect(document.querySelectorAll('[data-test="round-point"]')).toHaveLength(2)
  })
})
