import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Me, RoleCode } from '@/api'
import { useSessionStore } from '@/stores/session'
import TargetsPage from './TargetsPage.vue'

const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

// The city (10) above two counties; the list answers for any jurisdiction.
const jurisdictions = [
  { id: 10, code: '620400', name: '白银市', parentId: null, officeUnitId: null, officeName: '' },
  { id: 20, code: '620422', name: '会宁县', parentId: 10, officeUnitId: null, officeName: '' },
  { id: 30, code: '620421', name: '靖远县', parentId: 10, officeUnitId: null, officeName: '' },
]

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url) => {
    const u = String(url)
    if (u === '/api/v1/jurisdictions') return new Response(JSON.stringify({ items: jurisdictions, total: 3 }))
    if (u.startsWith('/api/v1/targets')) return new Response(JSON.stringify({ items: [], total: 0, period: '2026' }))
    throw new Error(`unexpected ${u}`)
  })
  pinia = createPinia()
  setActivePinia(pinia)
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

async function open(roles: RoleCode[], jurisdictionId: number) {
  useSessionStore().me = { roles, unitId: 1, jurisdictionId } as unknown as Me
  mount(TargetsPage, { attachTo: document.body, global: { plugins: [pinia], stubs: { RouterLink: true } } })
  await flushPromises()
}
const el = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const targetCalls = () => fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.startsWith('/api/v1/targets'))

describe('TargetsPage', () => {
  it('lets the city office read a county’s target figures', async () => {
    await open(['office_staff'], 10)
    expect(targetCalls().at(-1)).not.toContain('jurisdictionId')
    el('jurisdiction-option-20')!.querySelector('input')!.click()
    await flushPromises()
    expect(targetCalls().at(-1)).toContain('jurisdictionId=20')
  })

  it('shows a county office no picker', async () => {
    await open(['office_staff'], 20)
    expect(el('jurisdiction-picker')).toBeNull()
  })
})
