import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Me, Round } from '@/api'
import { useSessionStore } from '@/stores/session'
import RoundDialog from './RoundDialog.vue'

const frameworks = [
  { id: 3, name: '测评体系', version: 2, kind: 'main', status: 'frozen' },
  { id: 4, name: '测评体系', version: 3, kind: 'main', status: 'draft' },
  { id: 5, name: '未成年人', version: 1, kind: 'minors', status: 'frozen' },
]
const categories = [
  { id: 1, name: '公交站点', description: '', sort: 10, active: true, pointCount: 12, checks: [] },
  { id: 2, name: '农贸市场', description: '', sort: 20, active: true, pointCount: 3, checks: [] },
]
const people = [{ id: 11, realName: '王督查', unitName: '创城办', disabled: false }, { id: 12, realName: '李督查', unitName: '', disabled: false }]
const created: Round = {
  id: 9, name: '第四季度', frameworkId: 3, frameworkName: '测评体系', seed: 42, startsOn: '2026-11-01', endsOn: '2026-11-30', status: 'draft',
  categories: [], inspectors: [], pointCount: 0, doneCount: 0, createdAt: '', drawnAt: null, closedAt: null, jurisdictionId: 1,
}

const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (init?.method === 'POST' && u === '/api/v1/rounds') return new Response(JSON.stringify(created), { status: 201 })
    if (u === '/api/v1/frameworks') return new Response(JSON.stringify({ items: frameworks, total: 3 }))
    if (u === '/api/v1/plans') return new Response(JSON.stringify({ items: [] }))
    if (u === '/api/v1/point-categories') return new Response(JSON.stringify({ items: categories }))
    if (u.startsWith('/api/v1/people?')) return new Response(JSON.stringify({ items: people, total: 2, page: 1, pageSize: 200 }))
    throw new Error(`unexpected ${init?.method ?? 'GET'} ${u}`)
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

const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
async function type(input: HTMLInputElement, value: string) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}
const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST').map(([u, init]) => [u, JSON.parse(init!.body as string)])

async function open() {
  const wrapper = mount(RoundDialog, { props: { modelValue: false, round: null }, attachTo: document.body, global: { plugins: [pinia, ElementPlus] } })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
  return wrapper
}

describe('RoundDialog', () => {
  it('lists inspectors and every category with its points, and creates a round with the sampled ones', async () => {
    const wrapper = await open()
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('/api/v1/people?role=inspector&pageSize=200')
    const samples = document.querySelectorAll<HTMLInputElement>('input[data-test="round-sample"]')
    expect([...samples].map((s) => s.getAttribute('data-category-id'))).toEqual(['1', '2'])
    expect(el<HTMLInputElement>('round-seed')!.placeholder).toBe('留空则随机生成并记录')

    await type(el<HTMLInputElement>('round-name')!, '第四季度')
    await type(el<HTMLInputElement>('round-seed')!, '42')
    await type(samples[0], '5')
    expect(el('round-sample-total')?.textContent).toBe('5')
    ;(wrapper.findComponent('[data-test="round-inspectors"]') as VueWrapper).vm.$emit('update:modelValue', [11, 12])
    wrapper.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', ['2026-11-01', '2026-11-30'])
    await flushPromises()

    el('round-save')!.click()
    await flushPromises()
    expect(posts()).toEqual([
      ['/api/v1/rounds', {
        name: '第四季度', frameworkId: 3, seed: 42, startsOn: '2026-11-01', endsOn: '2026-11-30',
        categories: [{ categoryId: 1, categoryName: '公交站点', available: 12, sampleSize: 5 }], inspectorIds: [11, 12],
      }],
    ])
    expect(wrapper.emitted('saved')?.[0]).toEqual([created])
  })

  it('sends no seed when the field is empty, and refuses a sample larger than the points available', async () => {
    const wrapper = await open()
    await type(el<HTMLInputElement>('round-name')!, '第四季度')
    const samples = document.querySelectorAll<HTMLInputElement>('input[data-test="round-sample"]')
    await type(samples[1], '4')
    ;(wrapper.findComponent('[data-test="round-inspectors"]') as VueWrapper).vm.$emit('update:modelValue', [11])
    wrapper.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', ['2026-11-01', '2026-11-30'])
    await flushPromises()
    el('round-save')!.click()
    await flushPromises()
    expect(posts()).toEqual([])
    expect(document.body.textContent).toContain('只有 3 个点位可抽')

    await type(samples[1], '3')
    el('round-save')!.click()
    await flushPromises()
    expect(posts()[0][1]).toMatchObject({ seed: null, categories: [{ categoryId: 2, sampleSize: 3 }] })
  })
})
