import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Me, Person, RoleCode } from '@/api'
import { useSessionStore } from '@/stores/session'
import PeoplePage from './PeoplePage.vue'

const person = (id: number, username: string, realName: string, more: Partial<Person> = {}): Person => ({
  id, username, realName, phoneMasked: '139****5678', unitId: 3, unitName: '甲单位', roles: ['unit_liaison'],
  scope: { kind: 'unit', unitId: 3, regionId: null, regionName: '', regionCode: '' },
  disabled: false, loginLimit: null, lastLoginAt: null, createdAt: '2026-01-01T00:00:00Z', mustChangePassword: false,
  jurisdictionId: 1, jurisdictionName: '会宁县', ...more,
})

// 01:15 UTC is 09:15 in Beijing.
const guessed = person(7, 'a_member', '甲成员', { loginLimit: { until: '2026-03-02T01:15:00Z', addresses: 2 } })
const calm = person(8, 'b_member', '乙成员')
const stopped = person(9, 'c_member', '丙成员', { disabled: true, loginLimit: { until: '2026-03-02T01:15:00Z', addresses: 1 } })

const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
let people: Person[]
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-02T01:05:00Z'), toFake: ['Date'] })
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  people = [guessed, calm, stopped]
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    const method = init?.method ?? 'GET'
    if (method === 'GET' && u.startsWith('/api/v1/people?')) return new Response(JSON.stringify({ items: people, total: people.length, page: 1, pageSize: 20 }))
    if (method === 'POST' && u === '/api/v1/people/7/unlock') {
      people = [{ ...guessed, loginLimit: null }, calm, stopped]
      return new Response(null, { status: 204 })
    }
    if (method === 'GET' && u.startsWith('/api/v1/regions')) return new Response(JSON.stringify({ items: [], total: 0 }))
    throw new Error(`unexpected ${method} ${u}`)
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

async function open(roles: RoleCode[]) {
  useSessionStore().me = { roles } as unknown as Me
  mount(PeoplePage, { attachTo: document.body, global: { plugins: [pinia, ElementPlus], stubs: { PersonDialog: true, TableToolbar: true } } })
  await flushPromises()
}

/** row finds the table row of a person by user name. */
const row = (username: string) =>
  [...document.querySelectorAll<HTMLElement>('.el-table__body-wrapper tr')].find((tr) => tr.textContent?.includes(username))!
const inRow = (username: string, test: string) => row(username).querySelector<HTMLElement>(`[data-test="${test}"]`)

describe('PeoplePage', () => {
  it('shows an account someone is guessing at as limited, until when and from how many addresses, with 解锁', async () => {
    await open(['security_admin'])
    expect(inRow('a_member', 'person-status')?.textContent).toBe('登录受限至 09:15（2 个地址）')
    expect(inRow('a_member', 'row-unlock')?.textContent?.trim()).toBe('解锁')
    expect(inRow('b_member', 'person-status')?.textContent).toBe('正常')
    expect(inRow('b_member', 'row-unlock')).toBeNull()
    // A disabled account cannot sign in anyway: no limit shown, nothing to lift.
    expect(inRow('c_member', 'person-status')?.textContent).toBe('已停用')
    expect(inRow('c_member', 'row-unlock')).toBeNull()
  })

  it('lifts the limit after asking, and shows the account as normal again', async () => {
    await open(['security_admin'])
    inRow('a_member', 'row-unlock')!.click()
    await flushPromises()
    const box = document.querySelector<HTMLElement>('.el-message-box')!
    expect(box.textContent).toContain('“甲成员”的登录限制')
    expect(box.textContent).toContain('2 个地址')
    ;[...box.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === '确定')!.click()
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u, init]) => String(u) === '/api/v1/people/7/unlock' && init?.method === 'POST')).toBe(true)
    expect(inRow('a_member', 'person-status')?.textContent).toBe('正常')
    expect(inRow('a_member', 'row-unlock')).toBeNull()
  })

  it('offers 解锁 only to those who may lift the limit', async () => {
    await open(['unit_head'])
    expect(inRow('a_member', 'person-status')?.textContent).toBe('登录受限至 09:15（2 个地址）')
    expect(inRow('a_member', 'row-unlock')).toBeNull()
  })
})
