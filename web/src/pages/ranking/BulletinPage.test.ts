import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { Bulletin, Me, RoleCode } from '@/api'
import { useSessionStore } from '@/stores/session'
import BulletinPage from './BulletinPage.vue'
import { bulletin } from './testFixtures'

// Confirmations answer yes.
vi.mock('@/utils/notify', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/utils/notify')>()),
  confirmAction: vi.fn(async () => true),
}))

let current: Bulletin
const fetchMock = vi.fn<typeof fetch>()
const calls = () => fetchMock.mock.calls.filter(([, init]) => init?.method && init.method !== 'GET').map(([url, init]) => `${init?.method} ${url}`)

let pinia: Pinia
let router: Router
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (init?.method === 'DELETE') return new Response(null, { status: 204 })
    if (init?.method === 'POST' || init?.method === 'PUT') return new Response(JSON.stringify(current))
    if (u === '/api/v1/bulletins/5') return new Response(JSON.stringify(current))
    throw new Error(`unexpected ${init?.method ?? 'GET'} ${u}`)
  })
  pinia = createPinia()
  setActivePinia(pinia)
})

afterEach(() => {
  page = null
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

let page: { unmount: () => void } | null = null
async function open(b: Bulletin, roles: RoleCode[], unitId = 1) {
  page?.unmount()
  document.body.innerHTML = ''
  current = b
  useSessionStore().me = { roles, unitId } as unknown as Me
  router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push('/bulletins/5')
  page = mount(BulletinPage, { props: { id: 5 }, attachTo: document.body, global: { plugins: [pinia, router] } })
  await flushPromises()
}

const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const buttons = () =>
  ['btn-save', 'btn-regenerate', 'btn-delete', 'btn-approve', 'btn-publish'].filter((test) => el(test) !== null)
const click = async (test: string) => {
  el(test)!.click()
  await flushPromises()
}

describe('BulletinPage', () => {
  it('shows the bulletin, its ranking tables and red units with links to their overdue cases', async () => {
    await open(bulletin({ status: 'published', publishedAt: '2026-12-02T02:00:00Z' }), ['leader'])
    expect(el('bulletin-title')?.textContent).toBe('关于2026年11月文明城市创建工作情况的通报')
    expect(el('bulletin-status')?.textContent?.trim()).toBe('已发布')
    expect(el('bulletin-summary')?.textContent).toBe('全县责任单位按 A、B 类分别排名。')
    expect(el('ranking-A')).not.toBeNull()
    expect(el('ranking-B')).not.toBeNull()
    expect(all('red-unit')).toHaveLength(1)
    expect(all('red-unit')[0].textContent).toContain('城管局')
    const link = el<HTMLAnchorElement>('overdue-case')!.querySelector('a')!
    expect(link.getAttribute('href')).toBe('/cases/41')
    expect(link.textContent).toBe('AJ2026000041')
    expect(['btn-xlsx', 'btn-docx', 'btn-pdf'].map((t) => el(t) !== null)).toEqual([true, true, true])
  })

  it.each([
    ['draft', ['office_leader'], ['btn-save', 'btn-regenerate', 'btn-delete', 'btn-approve']],
    ['draft', ['office_staff'], ['btn-save', 'btn-regenerate', 'btn-delete']],
    ['draft', ['leader'], []],
    ['approved', ['office_leader'], ['btn-publish']],
    ['approved', ['office_staff'], ['btn-publish']],
    ['approved', ['leader'], []],
    ['published', ['office_leader'], []],
    ['published', ['office_staff'], []],
    ['published', ['unit_liaison'], []],
    ['published', ['unit_head'], []],
  ] as [Bulletin['status'], RoleCode[], string[]][])('%s for %s offers %j', async (status, roles, want) => {
    await open(bulletin({ status }), roles)
    expect(buttons()).toEqual(want)
    // Title and summary are editable exactly while the office may save the draft.
    expect(el('field-title') !== null).toBe(want.includes('btn-save'))
    expect(el('field-summary') !== null).toBe(want.includes('btn-save'))
    expect(el('bulletin-status')?.textContent?.trim()).toBe({ draft: '草稿', approved: '已审核', published: '已发布' }[status])
  })

  it('saves the edited title and summary of a draft', async () => {
    await open(bulletin({ status: 'draft' }), ['office_staff'])
    const title = el<HTMLInputElement>('field-title')!
    title.value = '十一月通报'
    title.dispatchEvent(new Event('input'))
    await flushPromises()
    await click('btn-save')
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')!
    expect(put[0]).toBe('/api/v1/bulletins/5')
    expect(JSON.parse(put[1]!.body as string)).toEqual({ title: '十一月通报', summary: '全县责任单位按 A、B 类分别排名。' })
  })

  it('approves, publishes, regenerates and deletes through their endpoints', async () => {
    await open(bulletin({ status: 'draft' }), ['office_leader'])
    await click('btn-regenerate')
    await click('btn-approve')
    expect(calls()).toEqual(['POST /api/v1/bulletins/5/regenerate', 'POST /api/v1/bulletins/5/approve'])

    fetchMock.mockClear()
    await open(bulletin({ status: 'approved' }), ['office_staff'])
    await click('btn-publish')
    expect(calls()).toEqual(['POST /api/v1/bulletins/5/publish'])

    fetchMock.mockClear()
    await open(bulletin({ status: 'draft' }), ['office_staff'])
    await click('btn-delete')
    expect(calls()).toEqual(['DELETE /api/v1/bulletins/5'])
    expect(router.currentRoute.value.path).toBe('/bulletins')
  })

  it('shows only its own figures to a unit, and colours and moves for every unit of its class', async () => {
    await open(bulletin({ status: 'published' }), ['unit_liaison'], 2)
    const rows = [...el('ranking-A')!.querySelectorAll('.el-table__body tr')]
    const cells = (r: Element) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim())
    // rank, movement, unit, score, colour, 案件数 …
    expect(cells(rows[0]).slice(0, 6)).toEqual(['1', '↑2', '住建局', '91.2', '绿', '—'])
    expect(cells(rows[1]).slice(0, 6)).toEqual(['2', '↓1', '城管局', '58', '红', '30'])
    expect(cells(rows[2]).slice(0, 6)).toEqual(['—', '—', '档案馆', '—', '—', '—'])
    expect(rows[0].querySelector('[data-test=unit-color]')?.classList.contains('color-green')).toBe(true)
    expect(rows[1].querySelector('[data-test=movement]')?.className).toBe('move-down')
  })

  it('says why when the bulletin cannot be shown (a unit asking for an unpublished one)', async () => {
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ error: { code: 'forbidden', message: '通报发布后才能查看' } }), { status: 403 }))
    await open(bulletin(), ['unit_head'])
    expect(document.querySelector('.el-result__title')?.textContent).toBe('通报发布后才能查看')
    expect(buttons()).toEqual([])
    expect(el('ranking-A')).toBeNull()
  })
})
