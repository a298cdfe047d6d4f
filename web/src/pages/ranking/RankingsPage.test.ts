import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Me, RoleCode } from '@/api'
import { useSessionStore } from '@/stores/session'
import RankingsPage from './RankingsPage.vue'
import { cityJurisdictions, countyRanking, ranking } from './testFixtures'

const settings = { weights: { onTime: 30, rework: 15, overdue: 15, satisfaction: 15, submission: 15, tasks: 10 }, greenAtLeast: 85, redBelow: 60 }
const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-24T04:00:00Z'))
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (init?.method === 'PUT') return new Response(init.body as string)
    if (u === '/api/v1/jurisdictions') return new Response(JSON.stringify({ items: cityJurisdictions, total: 3 }))
    if (u.startsWith('/api/v1/rankings/jurisdictions?')) return new Response(JSON.stringify(countyRanking()))
    if (u.startsWith('/api/v1/rankings?')) return new Response(JSON.stringify(ranking({ period: new URL(u, 'http://x').searchParams.get('period')! })))
    if (u === '/api/v1/ranking-settings') return new Response(JSON.stringify(settings))
    throw new Error(`unexpected ${init?.method ?? 'GET'} ${u}`)
  })
  pinia = createPinia()
  setActivePinia(pinia)
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

async function open(roles: RoleCode[], jurisdictionId?: number) {
  useSessionStore().me = { roles, unitId: 1, jurisdictionId } as unknown as Me
  mount(RankingsPage, { attachTo: document.body, global: { plugins: [pinia], stubs: { RouterLink: true } } })
  await flushPromises()
}
const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const gets = () => fetchMock.mock.calls.filter(([, init]) => !init?.method || init.method === 'GET').map(([u]) => u)
async function type(test: string, value: string) {
  const input = el<HTMLInputElement>(test)!
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('RankingsPage', () => {
  it('ranks this month by default, both classes, and moves by period', async () => {
    await open(['leader'])
    expect(gets()).toEqual(['/api/v1/rankings?period=2026-11'])
    expect(el('ranking-A')?.querySelectorAll('.el-table__body tr')).toHaveLength(3)
    expect(el('ranking-B')?.querySelectorAll('.el-table__body tr')).toHaveLength(1)
    expect(el('ranking-title')?.textContent).toBe('2026 年 11 月')

    el('period-prev')!.click()
    await flushPromises()
    expect(gets().at(-1)).toBe('/api/v1/rankings?period=2026-10')

    el<HTMLElement>('period-kind-week')!.querySelector('input')!.click()
    await flushPromises()
    expect(gets().at(-1)).toBe('/api/v1/rankings?period=2026-W48')
  })

  it('opens every figure of a unit in the drawer, with — for no data', async () => {
    await open(['office_staff'])
    el('ranking-A')!.querySelector<HTMLElement>('.el-table__body tr td')!.click()
    await flushPromises()
    const drawer = el('figures-drawer')!
    expect(drawer.textContent).toContain('按期办结率90%')
    expect(el('figure-casesReceived')?.textContent).toBe('12')
    expect(el('figure-satisfaction')?.textContent).toBe('—')
    expect(el('figure-notices')?.textContent).toBe('0')
  })

  it('offers the settings only to the office', async () => {
    await open(['leader'])
    expect(el('btn-ranking-settings')).toBeNull()
    expect(el('btn-export')).not.toBeNull()
  })

  it('refuses weights that do not add up to 100, then saves them', async () => {
    await open(['office_leader'])
    el('btn-ranking-settings')!.click()
    await flushPromises()
    expect(el<HTMLInputElement>('field-weight-onTime')?.value).toBe('30')
    await type('field-weight-onTime', '40')
    expect(el('weight-sum')?.textContent).toBe('110')
    el('dialog-save')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 100))
    expect([...document.querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim())).toEqual(['各项权重之和须为 100（现为 110）'])
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false)

    await type('field-weight-tasks', '0')
    await type('field-greenAtLeast', '90')
    el('dialog-save')!.click()
    await flushPromises()
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')!
    expect(put[0]).toBe('/api/v1/ranking-settings')
    expect(JSON.parse(put[1]!.body as string)).toEqual({
      weights: { onTime: 40, rework: 15, overdue: 15, satisfaction: 15, submission: 15, tasks: 0 },
      greenAtLeast: 90,
      redBelow: 60,
      lockedBelow: [],
    })
    // The ranking reloads with the new weights.
    expect(gets().filter((u) => String(u).startsWith('/api/v1/rankings'))).toHaveLength(2)
  })

  it('lets the city office pick a county, and ranks its counties as wholes in 县区排名', async () => {
    await open(['office_staff'], 1)
    const picker = el('jurisdiction-picker')!
    expect([...picker.querySelectorAll('.el-radio-button')].map((b) => b.textContent?.trim())).toEqual(['本级', '会宁县', '靖远县'])
    expect(gets().filter((u) => String(u).startsWith('/api/v1/rankings'))).toEqual(['/api/v1/rankings?period=2026-11'])

    el<HTMLElement>('jurisdiction-option-20')!.querySelector('input')!.click()
    await flushPromises()
    expect(gets().at(-1)).toBe('/api/v1/rankings?period=2026-11&jurisdictionId=20')
    el<HTMLElement>('jurisdiction-option-0')!.querySelector('input')!.click()
    await flushPromises()
    expect(gets().at(-1)).toBe('/api/v1/rankings?period=2026-11')

    document.querySelector<HTMLElement>('#tab-counties')!.click()
    await flushPromises()
    expect(gets().at(-1)).toBe('/api/v1/rankings/jurisdictions?period=2026-11')
    const rows = [...el('county-ranking')!.querySelectorAll('.el-table__body tr')]
    expect(rows).toHaveLength(2)
    expect(rows[0].textContent).toContain('会宁县')
    expect(rows[0].textContent).toContain('90%')
    expect(rows[0].textContent).toContain('64.5%')
    expect(rows[0].querySelector('[data-test=county-color]')?.textContent?.trim()).toBe('绿')
    expect(rows[0].querySelector('[data-test=county-movement]')?.textContent).toBe('↑1')
    expect(rows[1].textContent).toContain('靖远县')
    expect(rows[1].querySelector('[data-test=county-rank]')?.textContent).toBe('2')
    expect(rows[1].querySelector('[data-test=county-color]')?.textContent?.trim()).toBe('红')
    expect(el('county-notes')?.textContent).toContain('本期测评')
    // The period moves the county ranking too; the tab's export is the counties'.
    el('period-prev')!.click()
    await flushPromises()
    expect(gets().at(-1)).toBe('/api/v1/rankings/jurisdictions?period=2026-10')
    expect(el('btn-export')).toBeNull()
    expect(el('btn-export-counties')).not.toBeNull()
  })

  it('gives a county office no picker and no county tab', async () => {
    await open(['office_staff'], 10)
    expect(el('jurisdiction-picker')).toBeNull()
    expect(el('ranking-tabs')).toBeNull()
    expect(el('ranking-A')).not.toBeNull()
  })

  it('asks units for no jurisdictions at all', async () => {
    await open(['unit_liaison'], 10)
    expect(gets()).toEqual(['/api/v1/rankings?period=2026-11'])
  })
})
