import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Me, Point, RoleCode } from '@/api'
import { useSessionStore } from '@/stores/session'
import PointsPage from './PointsPage.vue'

const point: Point = {
  id: 12, code: 'DW0012', name: '人民路公交站', categoryId: 1, categoryName: '公交站点', lat: 30.1, lng: 120.2, address: '人民路 1 号',
  regionId: 9, regionName: '城关街道', grid: '', unitId: 4, unitName: '城管局', chiefUserId: null, chiefName: '张点长', chiefPhone: '138****5678',
  active: true, qrToken: 'tok', lastPatrolAt: '2026-11-20T02:00:00Z', lastResult: 'fail', openCases: 2, jurisdictionId: 1,
}

const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (u.startsWith('/api/v1/points/map')) return new Response(JSON.stringify({ items: [{ id: 12, name: point.name, categoryName: '公交站点', lat: 30.1, lng: 120.2, unitName: '城管局', lastResult: 'fail' }] }))
    if (u.startsWith('/api/v1/points?')) return new Response(JSON.stringify({ items: [point], total: 1, page: 1, pageSize: 20 }))
    if (u === '/api/v1/point-categories') return new Response(JSON.stringify({ items: [{ id: 1, name: '公交站点', sort: 1, active: true, pointCount: 1, checks: [] }] }))
    if (u.startsWith('/api/v1/regions')) return new Response(JSON.stringify({ items: [], total: 0 }))
    if (u === '/api/v1/case-settings') return new Response(JSON.stringify({ bounds: null }))
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

async function open(roles: RoleCode[]) {
  useSessionStore().me = { roles } as unknown as Me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/points/qr-print', name: 'points-qr-print', component: { template: '<div />' } },
      { path: '/:p(.*)*', component: { template: '<div />' } },
    ],
  })
  const wrapper = mount(PointsPage, { attachTo: document.body, global: { plugins: [pinia, router, ElementPlus], stubs: { CaseMap: true, PointDialog: true } } })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  return wrapper
}
const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const gets = () => fetchMock.mock.calls.map(([u]) => String(u))

describe('PointsPage', () => {
  it('lists points with their last patrol and open cases, and shows a point’s QR code', async () => {
    await open(['office_staff'])
    const row = el('point-row')!
    expect(row.tagName).toBe('TR')
    expect(row.getAttribute('data-point-id')).toBe('12')
    expect(row.textContent).toContain('人民路公交站')
    expect(row.textContent).toContain('138****5678')
    expect(row.querySelector('[data-test="point-last-result"]')?.textContent).toBe('不合格')
    for (const t of ['btn-new', 'btn-import', 'btn-template', 'row-edit', 'row-delete']) expect(el(t), t).not.toBeNull()

    row.querySelector<HTMLElement>('[data-test="point-qr"]')!.click()
    await flushPromises()
    expect(el<HTMLImageElement>('point-qr-image')?.getAttribute('src')).toBe('/api/v1/point-qr/12')
  })

  it('filters, shows the map of the same points, and prints the QR codes of the filtered points', async () => {
    const open_ = vi.fn()
    vi.stubGlobal('open', open_)
    const wrapper = await open(['office_staff'])
    ;(wrapper.findComponent('[data-test="search-active"]') as VueWrapper).vm.$emit('update:modelValue', 'true')
    ;(wrapper.findComponent('[data-test="search-active"]') as VueWrapper).vm.$emit('change', 'true')
    await flushPromises()
    expect(gets()).toContain('/api/v1/points?active=true&page=1&pageSize=20')

    el('points-view-map')!.querySelector('input')!.click()
    await flushPromises()
    expect(gets().at(-1)).toBe('/api/v1/points/map?active=true')

    el('btn-print-qr')!.click()
    expect(open_).toHaveBeenCalledWith('/points/qr-print?active=true', '_blank')
  })

  it('gives units their own points read-only, without the unit filter', async () => {
    await open(['unit_liaison'])
    expect(el('point-row')).not.toBeNull()
    expect(el('search-unitId')).toBeNull()
    for (const t of ['btn-new', 'btn-import', 'row-edit', 'row-delete']) expect(el(t), t).toBeNull()
    expect(el('btn-export')).not.toBeNull()
    expect(el('point-qr')).not.toBeNull()
  })
})
