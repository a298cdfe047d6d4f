import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent, h } from 'vue'
import type { Me, RoleCode, Sanction } from '@/api'
import { useSessionStore } from '@/stores/session'
import SanctionsPage from './SanctionsPage.vue'

const sanction: Sanction = {
  id: 3,
  kind: 'talk',
  unitId: 2,
  unitName: '城管局',
  jurisdictionId: 10,
  jurisdictionName: '会宁县',
  caseId: 41,
  caseCode: 'AJ2026000041',
  title: '约谈城管局分管领导',
  body: '占道经营反复出现',
  occurredAt: '2026-11-20T16:00:00Z',
  files: [{ id: 9, name: '约谈记录.pdf', contentType: 'application/pdf', size: 10, sha256: '', uploadedAt: '' }],
  createdBy: '张三',
  createdAt: '2026-11-21T01:00:00Z',
}

/** UnitSelect is stubbed as an input taking a unit id. */
const UnitSelectStub = defineComponent({
  props: { modelValue: { type: Number, default: null } },
  emits: ['update:modelValue'],
  setup(_, { emit, attrs }) {
    return () => h('input', { 'data-test': attrs['data-test'], onInput: (e: Event) => emit('update:modelValue', Number((e.target as HTMLInputElement).value)) })
  },
})

const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (init?.method === 'POST') return new Response(JSON.stringify(sanction), { status: 201 })
    if (u.startsWith('/api/v1/sanctions')) return new Response(JSON.stringify({ items: [sanction] }))
    if (u.startsWith('/api/v1/cases?')) {
      const q = new URL(u, 'http://x').searchParams.get('q')
      return new Response(JSON.stringify({ items: q === 'AJ2026000041' ? [{ id: 41, code: 'AJ2026000041' }] : [], total: 0, page: 1, pageSize: 20 }))
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

async function open(roles: RoleCode[]) {
  useSessionStore().me = { roles, unitId: 2 } as unknown as Me
  mount(SanctionsPage, { attachTo: document.body, global: { plugins: [pinia], stubs: { RouterLink: { template: '<a><slot /></a>' }, UnitSelect: UnitSelectStub } } })
  await flushPromises()
}
const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
async function type(test: string, value: string) {
  const input = el<HTMLInputElement | HTMLTextAreaElement>(test)!
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}
const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST').map(([u, init]) => [u, JSON.parse(init!.body as string)])

describe('SanctionsPage', () => {
  it('lists sanctions with their kind, case and files; a unit gets no unit filter and no 新增', async () => {
    await open(['unit_liaison'])
    const row = el('sanctions-table')!.querySelector('.el-table__body tr')!
    expect(row.querySelector('[data-test=sanction-kind]')?.textContent?.trim()).toBe('约谈')
    expect(row.textContent).toContain('AJ2026000041')
    expect(row.textContent).toContain('约谈记录.pdf')
    expect(row.textContent).toContain('2026-11-21') // 16:00 UTC is the next day in Beijing
    expect(el('search-unitId')).toBeNull()
    expect(el('search-kind')).not.toBeNull()
    expect(el('btn-new')).toBeNull()
  })

  it('records a sanction, finding its case by code', async () => {
    await open(['office_staff'])
    expect(el('search-unitId')).not.toBeNull()
    el('btn-new')!.click()
    await flushPromises()
    el<HTMLElement>('field-kind-exposure')!.querySelector('input')!.click()
    await type('field-unitId', '2')
    await type('field-caseId', 'AJ2026000041')
    await type('field-title', '曝光占道经营')
    await type('field-body', '见附件')
    el('dialog-save')!.click()
    await flushPromises()
    expect(posts()).toEqual([
      ['/api/v1/sanctions', { kind: 'exposure', unitId: 2, caseId: 41, title: '曝光占道经营', body: '见附件', occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fileIds: [] }],
    ])
  })

  it('says so when the case code is not found, and sends nothing', async () => {
    await open(['office_leader'])
    el('btn-new')!.click()
    await flushPromises()
    await type('field-unitId', '2')
    await type('field-caseId', 'AJ0000')
    await type('field-title', '督办')
    el('dialog-save')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 100))
    expect([...document.querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim())).toEqual(['未找到案件“AJ0000”'])
    expect(posts()).toEqual([])
  })
})
