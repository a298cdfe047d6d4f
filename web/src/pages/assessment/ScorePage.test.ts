import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Me, ObservationRow, Score } from '@/api'
import { useSessionStore } from '@/stores/session'
import ScorePage from './ScorePage.vue'

function score(over: Partial<Score> = {}): Score {
  const weak = {
    code: '1.1.1.1', text: '站台整洁', contentCode: '1.1.1', methods: ['field'], rate: 0.5, pointsLost: 1.25,
    field: { pass: 1, fail: 1, na: 0 }, target: null, material: null, manual: {}, previousRate: 0.75,
  }
  return {
    scope: 'round', roundId: 7, from: '2026-11-01', to: '2026-11-20', frameworkId: 3, frameworkName: '测评体系', computedAt: '2026-11-21T02:00:00Z',
    total: 86.456, basic: 78.2, special: 8.256, deductions: 2, eligible: false, reasons: ['发生一票否决事项：重大安全事故'], combined: null,
    minors: { total: 82, gate: 80, weight: 10, passed: true, nodes: [], standards: [] },
    nodes: [
      { code: '1', name: '公共文明', level: 1, part: 'basic', weight: 100, points: 78.2, max: 90, rate: 0.87, grade: '', deducted: 2 },
      { code: '1.1', name: '公共设施', level: 2, part: 'basic', weight: 100, points: 78.2, max: 90, rate: 0.87, grade: '', deducted: 2 },
      { code: '1.1.1', name: '公交站点', level: 3, part: 'basic', weight: 100, points: 78.2, max: 90, rate: 0.87, grade: 'B', deducted: 2 },
      { code: '2', name: '特色', level: 1, part: 'special', weight: 20, points: null, max: 0, rate: null, grade: '', deducted: 0 },
    ],
    standards: [weak, { ...weak, code: '1.1.1.2', text: '无乱张贴', rate: null, pointsLost: null, field: null, previousRate: null }],
    weakSpots: [weak],
    units: [{ unitId: 4, unitName: '城管局', pointsLost: 1.25, fail: 1 }],
    regions: [{ regionId: 9, name: '城关街道', pointsLost: 1.25, fail: 1 }],
    events: [],
    previous: { roundId: 6, name: '第三季度', total: 80 },
    ...over,
  }
}

const observation: ObservationRow = {
  id: 51, patrolId: 5, pointId: 12, pointName: '人民路公交站', categoryName: '公交站点', unitName: '城管局', regionName: '城关街道',
  checkText: '站台无垃圾', result: 'fail', note: '有烟头', observedAt: '2026-11-10T02:00:00Z', inspectorName: '王督查',
  photos: [{ fileId: 88, name: 'a.jpg', phase: 'before', takenAt: null, lat: null, lng: null, receivedAt: '', width: 10, height: 10, thumbUrl: '/api/v1/files/88?size=thumb', url: '/api/v1/files/88', distanceMeters: null }],
  caseId: 41, caseCode: 'AJ2026000041',
}

const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url) => {
    const u = String(url)
    if (u === '/api/v1/rounds/7/score') return new Response(JSON.stringify(score()))
    if (u === '/api/v1/rounds/7') return new Response(JSON.stringify({ id: 7, name: '第四季度模拟测评', points: [], inspectors: [], categories: [] }))
    if (u.startsWith('/api/v1/scores/live')) return new Response(JSON.stringify(score({ scope: 'live', roundId: null, eligible: true, reasons: [] })))
    if (u === '/api/v1/scores/trend') return new Response(JSON.stringify({ items: [] }))
    if (u.startsWith('/api/v1/scores/observations')) return new Response(JSON.stringify({ items: [observation], total: 1, page: 1, pageSize: 20 }))
    throw new Error(`unexpected GET ${u}`)
  })
  pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = { roles: ['office_staff'] } as unknown as Me
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

async function open(path: string, roundId: number | null) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push(path)
  mount(ScorePage, { props: { roundId }, attachTo: document.body, global: { plugins: [pinia, router, ElementPlus], stubs: { CockpitChart: true } } })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
}
const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const gets = () => fetchMock.mock.calls.map(([u]) => String(u))

describe('ScorePage', () => {
  it('shows a round’s totals, the minors’ gate and why it is not eligible', async () => {
    await open('/assessment/rounds/7/score', 7)
    expect(gets()).toContain('/api/v1/rounds/7/score')
    expect(el('score-title')?.textContent).toBe('第四季度模拟测评')
    expect(el('score-total')?.textContent).toBe('86.46')
    expect(el('score-basic')?.textContent).toContain('78.2 / 100')
    expect(el('score-special')?.textContent).toContain('8.26 / 20')
    expect(el('score-deductions')?.textContent).toBe('−2')
    expect(el('score-minors-gate')?.textContent).toBe('达标（门槛 80 分）')
    expect(el('score-reasons')?.textContent).toContain('一票否决')
    expect(el('score-eligible')).toBeNull()
    expect(el('score-previous')?.textContent).toContain('↑6.46')
  })

  it('tags each standard row of the weak spots and the tree with its code, rates as percentages and null as —', async () => {
    await open('/assessment/rounds/7/score', 7)
    const weak = el('score-weak-spots')!.querySelector('[data-test="score-standard"][data-code="1.1.1.1"]')!
    expect(weak.tagName).toBe('TR')
    expect(weak.querySelector('[data-test="score-rate"]')?.textContent).toBe('50%')
    expect(weak.querySelector('[data-test="score-rate-change"]')?.textContent?.trim()).toBe('↓25')
    const tree = el('score-tree')!
    expect(tree.querySelector('[data-test="score-standard"][data-code="1.1.1.2"] [data-test="score-rate"]')?.textContent).toBe('—')
    expect(tree.querySelector('[data-test="score-node"][data-code="1"]')?.textContent).toContain('78.2 / 90')
    expect(tree.querySelector('[data-test="score-node"][data-code="2"]')?.textContent).toContain('— / 0')
    expect(tree.querySelector('[data-test="score-node"][data-code="1.1.1"]')?.textContent).toContain('B')
  })

  it('opens the observations behind a standard with their photos and cases', async () => {
    await open('/assessment/rounds/7/score', 7)
    el('score-weak-spots')!.querySelector<HTMLElement>('[data-test="score-standard"] td')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    expect(gets().find((u) => u.startsWith('/api/v1/scores/observations'))).toBe('/api/v1/scores/observations?roundId=7&standardCode=1.1.1.1&page=1&pageSize=20')
    const drawer = el('score-observations')!
    const row = drawer.querySelector('[data-test="score-observation"]')!
    expect(row.textContent).toContain('人民路公交站')
    expect(row.textContent).toContain('王督查')
    expect(row.textContent).toContain('AJ2026000041')
    const img = row.querySelector<HTMLImageElement>('img[data-test="score-photo"]')!
    expect(img.getAttribute('src')).toBe('/api/v1/files/88?size=thumb')

    drawer.querySelector<HTMLElement>('[data-test="observations-result-fail"] input')!.click()
    await flushPromises()
    expect(gets().at(-1)).toBe('/api/v1/scores/observations?roundId=7&standardCode=1.1.1.1&result=fail&page=1&pageSize=20')
  })

  it('reads the live score over ?days= (30 by default) and asks the observations of that window', async () => {
    await open('/assessment/live?days=7', null)
    expect(gets()).toContain('/api/v1/scores/live?days=7')
    expect(el('score-title')?.textContent).toBe('实时得分（近 7 天）')
    expect(el('score-eligible')?.textContent).toBe('具备')
    el('score-units')!.querySelector<HTMLElement>('.el-table__body tr td')!.click()
    await flushPromises()
    expect(gets().at(-1)).toBe('/api/v1/scores/observations?live=true&days=7&unitId=4&result=fail&page=1&pageSize=20')
  })

  it('opens the failures of a region losing points', async () => {
    await open('/assessment/live?days=7', null)
    expect(el('score-regions')?.textContent).toContain('城关街道')
    el('score-regions')!.querySelector<HTMLElement>('.el-table__body tr td')!.click()
    await flushPromises()
    expect(gets().at(-1)).toBe('/api/v1/scores/observations?live=true&days=7&regionId=9&result=fail&page=1&pageSize=20')
  })

  it('defaults the live window to 30 days', async () => {
    await open('/assessment/live', null)
    expect(gets()).toContain('/api/v1/scores/live?days=30')
  })
})
