import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { Me, RoleCode } from '@/api'
import { useSessionStore } from '@/stores/session'
import BulletinsPage from './BulletinsPage.vue'
import { bulletin, cityJurisdictions } from './testFixtures'

const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
let router: Router
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-24T04:00:00Z'))
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (init?.method === 'POST') return new Response(JSON.stringify(bulletin({ id: 8 })), { status: 201 })
    if (u === '/api/v1/jurisdictions') return new Response(JSON.stringify({ items: cityJurisdictions, total: 3 }))
    if (u.startsWith('/api/v1/bulletins')) return new Response(JSON.stringify({ items: [bulletin({ status: 'published' })] }))
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
  useSessionStore().me = { roles, unitId: 2, jurisdictionId } as unknown as Me
  router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push('/bulletins')
  mount(BulletinsPage, { attachTo: document.body, global: { plugins: [pinia, router] } })
  await flushPromises()
}
const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)

describe('BulletinsPage', () => {
  it('asks units for published bulletins only, without 新建', async () => {
    await open(['unit_liaison'])
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/bulletins?status=published')
    expect(el('btn-new')).toBeNull()
    expect(el('search-status')).toBeNull()
    const row = el('bulletins-table')!.querySelector('.el-table__body tr')!
    expect(row.textContent).toContain('月通报')
    expect(row.textContent).toContain('2026 年 11 月')
    expect(row.querySelector('[data-test=bulletin-status]')?.textContent?.trim()).toBe('已发布')
  })

  it('drafts a bulletin of last week by default, or of the chosen kind, and opens it', async () => {
    await open(['office_staff'])
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/bulletins')
    el('btn-new')!.click()
    await flushPromises()
    el<HTMLElement>('field-kind-quarter')!.querySelector('input')!.click()
    await flushPromises()
    el('dialog-save')!.click()
    await flushPromises()
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!
    expect(post[0]).toBe('/api/v1/bulletins')
    expect(JSON.parse(post[1]!.body as string)).toEqual({ kind: 'quarter', period: '2026-Q3' })
    expect(router.currentRoute.value.path).toBe('/bulletins/8')
  })

  it('lets the city office list one county’s bulletins', async () => {
    await open(['office_leader'], 1)
    el<HTMLElement>('jurisdiction-option-10')!.querySelector('input')!.click()
    await flushPromises()
    expect(fetchMock.mock.calls.map(([u]) => u).at(-1)).toBe('/api/v1/bulletins?jurisdictionId=10')
    expect(el('bulletins-table')!.textContent).toContain('会宁县')
  })
})
