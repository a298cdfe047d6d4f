import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { PatrolTasks, Point } from '@/api'
import PatrolHomePage from './PatrolHomePage.vue'

const taskPoint = (pointId: number, pointName: string, doneAt: string | null = null) => ({
  pointId,
  pointName,
  categoryName: '城市广场',
  address: '人民路',
  lat: 30.5,
  lng: 120.5 + pointId / 1000,
  qrToken: `tok-${pointId}`,
  unitName: '城管局',
  inspectorId: 11,
  inspectorName: '王督查',
  doneAt,
  patrolId: doneAt ? pointId + 100 : null,
  fail: 0,
})

let tasks: PatrolTasks
const listed = (id: number, name: string, over: Partial<Point> = {}) => ({
  id,
  code: `DW${id}`,
  name,
  categoryId: 1,
  categoryName: '农贸市场',
  lat: 30.5,
  lng: 120.5,
  address: '解放路',
  regionId: null,
  regionName: '',
  grid: '',
  unitId: 3,
  unitName: '市场监管局',
  chiefUserId: null,
  chiefName: '',
  chiefPhone: '',
  active: true,
  qrToken: `tok-${id}`,
  lastPatrolAt: null,
  lastResult: null,
  openCases: 0,
  ...over,
})

const fetchMock = vi.fn<typeof fetch>()
const json = (body: unknown) => new Response(JSON.stringify(body))
let locates = true

enableAutoUnmount(afterEach)

beforeEach(() => {
  locates = true
  tasks = {
    rounds: [
      {
        roundId: 3,
        roundName: '2026 年第二季度模拟测评',
        endsOn: '2026-06-30',
        points: [taskPoint(1, '人民广场', '2026-06-01T02:00:00Z'), taskPoint(2, '东门菜场'), taskPoint(3, '火车站', '2026-06-02T02:00:00Z'), taskPoint(4, '一中'), taskPoint(5, '汽车站')],
      },
    ],
  }
  vi.stubGlobal('fetch', fetchMock)
  fetchMock.mockImplementation(async (url) => {
    const u = String(url)
    if (u === '/api/v1/patrol/tasks') return json(tasks)
    if (u === '/api/v1/case-settings') return json({ bounds: null })
    if (u === '/api/v1/points/nearby?lat=30.5003&lng=120.5&limit=20') return json({ items: [{ ...listed(7, '解放路菜场', { lastResult: 'fail', openCases: 2 }), distanceMeters: 35 }] })
    if (u === '/api/v1/points?q=%E8%8F%9C%E5%9C%BA&active=true&pageSize=20') return json({ items: [listed(8, '南门菜场')], total: 1, page: 1, pageSize: 20 })
    throw new Error(`unexpected ${u}`)
  })
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) =>
        locates ? ok({ coords: { latitude: 30.5003, longitude: 120.5, accuracy: 10 } } as GeolocationPosition) : fail({ code: 1 } as GeolocationPositionError),
    },
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

/** The map stub shows how many markers it got; a click on it taps the first marker's link. */
const MapStub = { props: ['points'], emits: ['open'], template: '<div data-test="patrol-map" :data-count="points.length" @click="$emit(\'open\', 0)" />' }

let router: Router
async function open() {
  router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push('/patrol')
  mount(PatrolHomePage, { attachTo: document.body, global: { plugins: [createPinia(), router], stubs: { CaseMap: MapStub } } })
  await flushPromises()
}

const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]

describe('PatrolHomePage', () => {
  it('lists the drawn points of each round, the done ones checked, with the progress', async () => {
    await open()
    expect(el('patrol-round')?.textContent).toContain('2026 年第二季度模拟测评')
    expect(el('patrol-round-progress')?.textContent).toBe('已完成 2/5')
    const rows = all('patrol-task-point')
    expect(rows.map((r) => r.getAttribute('data-point-id'))).toEqual(['1', '2', '3', '4', '5'])
    expect(rows[0].textContent).toContain('✓ 已完成')
    expect(rows[0].tagName).toBe('DIV')
    expect(rows[1].getAttribute('href')).toBe('/patrol/point/2?round=3')
    expect(el('patrol-qr-hint')?.textContent).toContain('扫描点位上的二维码')
    // The map shows the three open task points and the phone; a tap on a point's link opens its form in the round.
    expect(el('patrol-map')?.getAttribute('data-count')).toBe('4')
    el('patrol-map')!.click()
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/patrol/point/2?round=3')
  })

  it('lists the points near the phone, and finds points by name', async () => {
    await open()
    const near = all('patrol-point')
    expect(near.map((r) => r.getAttribute('data-point-id'))).toEqual(['7'])
    expect(near[0].textContent).toContain('35 米')
    expect(near[0].textContent).toContain('上次巡查不合格')
    expect(near[0].getAttribute('href')).toBe('/patrol/point/7')

    const search = el<HTMLInputElement>('patrol-search')!
    search.value = '菜场'
    search.dispatchEvent(new Event('input'))
    await flushPromises()
    el('patrol-search-submit')!.click()
    await flushPromises()
    expect(all('patrol-point').map((r) => r.getAttribute('data-point-id'))).toEqual(['8'])
    // Distance from the phone, worked out here for a search result: 0.0003° of latitude.
    expect(all('patrol-point')[0].textContent).toContain('33 米')
  })

  it('opens on the nearby points without tasks, and offers the search when the phone cannot locate', async () => {
    tasks = { rounds: [] }
    locates = false
    await open()
    expect(el('patrol-no-tasks')).not.toBeNull()
    expect(document.querySelector('.el-tabs__item.is-active')?.textContent).toBe('附近点位')
    expect(el('patrol-nearby-error')?.textContent).toContain('未允许定位')
    expect(el('patrol-nearby-error')?.textContent).toContain('请按名称搜索点位')
    expect(fetchMock.mock.calls.some(([u]) => String(u).startsWith('/api/v1/points/nearby'))).toBe(false)
  })
})
