import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Me, SubmissionMatrix } from '@/api'
import { useSessionStore } from '@/stores/session'
import MatrixPage from './MatrixPage.vue'

const matrix: SubmissionMatrix = {
  period: '2026-Q4',
  standards: [
    { id: 10, code: 'A1.1', text: '宣传栏', materialRate: 0.8 },
    { id: 11, code: 'A1.2', text: '公益广告', materialRate: null },
  ],
  units: [
    { id: 1, name: '文明办' },
    { id: 2, name: '住建局' },
  ],
  cells: [
    { standardId: 10, unitId: 1, requirementId: 5, state: 'approved', submissionId: 50, grade: 'met' },
    { standardId: 10, unitId: 2, requirementId: 6, state: 'late', submissionId: null, grade: '' },
    { standardId: 11, unitId: 2, requirementId: 7, state: 'submitted', submissionId: 70, grade: '' },
  ],
}

const routes: Record<string, unknown> = {
  '/api/v1/frameworks': { items: [{ id: 3, name: '测评体系', version: 2, kind: 'main', status: 'frozen' }], total: 1 },
  '/api/v1/plans': { items: [] },
  '/api/v1/submissions/matrix?frameworkId=3': matrix,
  '/api/v1/submissions/70': {
    id: 70,
    status: 'submitted',
    values: {},
    files: [],
    requirement: { standardCode: 'A1.2', unitName: '住建局', fields: [] },
    history: [],
  },
}
const fetchMock = vi.fn<typeof fetch>(async (url) => new Response(JSON.stringify(routes[url as string] ?? {})))
let pinia: Pinia

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = { roles: ['office_staff'] } as unknown as Me
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockClear()
  document.body.innerHTML = ''
})

describe('MatrixPage', () => {
  it('asks for the current framework and shows a cell per standard and unit', async () => {
    mount(MatrixPage, { attachTo: document.body, global: { plugins: [pinia] } })
    await flushPromises()

    expect(fetchMock.mock.calls.map(([url]) => url)).toContain('/api/v1/submissions/matrix?frameworkId=3')
    const cells = [...document.querySelectorAll<HTMLElement>('[data-test=matrix-table] [data-test=matrix-cell]')]
    expect(cells.map((c) => [c.dataset.standard, c.dataset.unit, c.dataset.state, c.textContent?.trim()])).toEqual([
      ['A1.1', '文明办', 'approved', '已通过'],
      ['A1.1', '住建局', 'late', '逾期'],
      ['A1.2', '文明办', 'none', '—'],
      ['A1.2', '住建局', 'submitted', '已提交'],
    ])
    const rates = [...document.querySelectorAll('[data-test=matrix-table] [data-test=matrix-rate]')]
    expect(rates.map((r) => r.textContent?.trim())).toEqual(['80%', '无数据'])
  })

  it('opens the submission behind a cell', async () => {
    mount(MatrixPage, { attachTo: document.body, global: { plugins: [pinia] } })
    await flushPromises()
    const cell = document.querySelector<HTMLElement>('[data-test=matrix-cell][data-state=submitted]')!
    cell.click()
    await flushPromises()
    expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/v1/submissions/70')
    expect(document.querySelector('.el-drawer__title')?.textContent).toBe('住建局 · A1.2')

    fetchMock.mockClear()
    document.querySelector<HTMLElement>('[data-test=matrix-cell][data-state=none]')!.click()
    await flushPromises()
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
