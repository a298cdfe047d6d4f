import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Me, PointCategory, RoleCode } from '@/api'
import { useSessionStore } from '@/stores/session'
import PointCategoriesPage from './PointCategoriesPage.vue'

const category: PointCategory = {
  id: 1, name: '公交站点', description: '', sort: 10, active: true, pointCount: 12, jurisdictionId: 1, jurisdictionName: '会宁县', editable: true,
  checks: [
    { id: 101, seq: 1, text: '站台无垃圾', severity: 'minor', caseCategoryId: 7, caseCategoryName: '乱扔垃圾', standardCodes: ['1.1.1.1'], active: true },
    { id: 102, seq: 2, text: '无乱张贴', severity: 'major', caseCategoryId: 7, caseCategoryName: '乱扔垃圾', standardCodes: ['1.1.1.2'], active: true },
    { id: 103, seq: 3, text: '旧检查项', severity: 'minor', caseCategoryId: 7, caseCategoryName: '乱扔垃圾', standardCodes: ['1.1.1.2'], active: false },
  ],
}
let putAnswer: () => Response
const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  putAnswer = () => new Response(JSON.stringify(category))
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (init?.method === 'PUT' && u === '/api/v1/point-categories/1/checks') return putAnswer()
    if (u === '/api/v1/point-categories') return new Response(JSON.stringify({ items: [category] }))
    if (u === '/api/v1/case-categories') return new Response(JSON.stringify({ items: [{ id: 7, code: 'E1', name: '乱扔垃圾', parentId: null, kind: 'event', active: true }] }))
    if (u === '/api/v1/frameworks') return new Response(JSON.stringify({ items: [{ id: 3, name: '测评体系', version: 2, kind: 'main', status: 'frozen', minorsId: null }] }))
    if (u === '/api/v1/plans') return new Response(JSON.stringify({ items: [] }))
    if (u === '/api/v1/frameworks/3/tree') {
      return new Response(JSON.stringify({ nodes: [], negatives: [], standards: [{ id: 1, code: '1.1.1.1', text: '站台整洁' }, { id: 2, code: '1.1.1.2', text: '无乱张贴' }] }))
    }
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

async function open(roles: RoleCode[] = ['office_staff']) {
  useSessionStore().me = { roles } as unknown as Me
  mount(PointCategoriesPage, { attachTo: document.body, global: { plugins: [pinia, ElementPlus] } })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
}
const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-test="category-check-row"]')]
const puts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT').map(([, init]) => JSON.parse(init!.body as string))

describe('PointCategoriesPage', () => {
  it('edits the selected category’s active checks: reorder, add, and save the whole list', async () => {
    await open()
    expect(el('point-category')?.getAttribute('data-category-id')).toBe('1')
    expect(rows()).toHaveLength(2)
    expect(document.body.textContent).toContain('已停用（保留历史）：旧检查项')

    rows()[1].querySelector<HTMLElement>('[data-test="check-up"]')!.click()
    await flushPromises()
    expect(rows().map((r) => r.querySelector<HTMLTextAreaElement>('[data-test="check-text"]')!.value)).toEqual(['无乱张贴', '站台无垃圾'])

    el('check-add')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    expect(rows()).toHaveLength(3)
    // The new row lacks its text, case category and standards: nothing is sent, each field says why.
    el('checks-save')!.click()
    await flushPromises()
    expect(puts()).toEqual([])
    expect(rows()[2].textContent).toContain('请填写检查内容')
    expect(rows()[2].textContent).toContain('至少关联一条测评标准')

    rows()[2].querySelector<HTMLElement>('[data-test="check-remove"]')!.click()
    await flushPromises()
    el('checks-save')!.click()
    await flushPromises()
    expect(puts()).toEqual([
      {
        checks: [
          { id: 102, text: '无乱张贴', severity: 'major', caseCategoryId: 7, standardCodes: ['1.1.1.2'] },
          { id: 101, text: '站台无垃圾', severity: 'minor', caseCategoryId: 7, standardCodes: ['1.1.1.1'] },
        ],
      },
    ])
  })

  it('shows a server error next to the field of the row it names', async () => {
    putAnswer = () =>
      new Response(JSON.stringify({ error: { code: 'invalid', message: '第 2 项关联的测评标准“9.9”不存在', field: 'checks[1].standardCodes' } }), { status: 400 })
    await open()
    el('checks-save')!.click()
    await flushPromises()
    const errors = rows().map((r) => r.querySelector('[data-test="check-error"]')?.textContent ?? '')
    expect(errors).toEqual(['', '第 2 项关联的测评标准“9.9”不存在'])
  })

  it('shows the checklist read-only to others', async () => {
    await open(['inspector'])
    expect(rows()).toHaveLength(2)
    for (const t of ['check-add', 'checks-save', 'check-text', 'btn-new-category', 'row-edit']) expect(el(t), t).toBeNull()
    expect(rows()[0].textContent).toContain('站台无垃圾')
    expect(rows()[0].textContent).toContain('1.1.1.1')
  })
})
