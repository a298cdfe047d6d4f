import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { ManualRate } from '@/api'
import RatesDialog from './RatesDialog.vue'

const std = (id: number, code: string, text: string, methods: string[]) => ({ id, code, text, methods })
const rates: ManualRate[] = [
  { part: 'main', standardCode: '1.1.1.1', method: 'survey', rate: 0.8, note: '问卷 300 份', enteredBy: '张三', enteredAt: '2026-11-20T02:00:00Z' },
]

const fetchMock = vi.fn<typeof fetch>()
let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (init?.method === 'PUT' && u === '/api/v1/rounds/7/rates') return new Response(JSON.stringify({ items: JSON.parse(init.body as string).rates }))
    if (u === '/api/v1/rounds/7/rates') return new Response(JSON.stringify({ items: rates }))
    if (u === '/api/v1/frameworks/3/tree') {
      return new Response(JSON.stringify({ framework: { id: 3, minorsId: 5 }, nodes: [], negatives: [], standards: [std(1, '1.1.1.1', '群众满意度', ['survey', 'field'])] }))
    }
    if (u === '/api/v1/frameworks/5/tree') {
      return new Response(JSON.stringify({ framework: { id: 5, minorsId: null }, nodes: [], negatives: [], standards: [std(2, '1.1.1.1', '未成年人活动阵地', ['online'])] }))
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

const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const puts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT').map(([, init]) => JSON.parse(init!.body as string))

describe('RatesDialog', () => {
  it('edits the rates in %, tells the minors’ standards from the main ones, and saves them as 0–1 with their part', async () => {
    const wrapper = mount(RatesDialog, { props: { modelValue: false, roundId: 7, frameworkId: 3 }, attachTo: document.body, global: { plugins: [pinia, ElementPlus] } })
    await wrapper.setProps({ modelValue: true })
    await flushPromises()
    expect(document.querySelectorAll('[data-test="rates-table"] .el-table__body tr')).toHaveLength(1)
    expect(document.body.textContent).toContain('录入：张三')

    el('rate-add')!.click()
    await flushPromises()
    const pickers = wrapper.findAllComponents({ name: 'ElSelectV2' })
    expect(pickers).toHaveLength(2)
    const options = ((pickers[1] as VueWrapper).vm.$props as { options: { value: string; label: string }[] }).options
    expect(options.map((o) => o.value)).toEqual(['main|1.1.1.1', 'minors|1.1.1.1'])
    expect(options[1].label).toBe('1.1.1.1 未成年人活动阵地（未成年人）')
    ;(pickers[1] as VueWrapper).vm.$emit('update:modelValue', 'minors|1.1.1.1')
    await flushPromises()
    ;(wrapper.findAllComponents({ name: 'ElInputNumber' })[1] as VueWrapper).vm.$emit('update:modelValue', 62.5)
    await flushPromises()

    el('rates-save')!.click()
    await flushPromises()
    expect(puts()).toEqual([
      {
        rates: [
          { part: 'main', standardCode: '1.1.1.1', method: 'survey', rate: 0.8, note: '问卷 300 份' },
          { part: 'minors', standardCode: '1.1.1.1', method: 'online', rate: 0.625, note: '' },
        ],
      },
    ])
    expect(wrapper.emitted('saved')).toHaveLength(1)
  })

  it('sends nothing while a row is incomplete, and says why on the row', async () => {
    const wrapper = mount(RatesDialog, { props: { modelValue: false, roundId: 7, frameworkId: 3 }, attachTo: document.body, global: { plugins: [pinia, ElementPlus] } })
    await wrapper.setProps({ modelValue: true })
    await flushPromises()
    el('rate-add')!.click()
    await flushPromises()
    el('rates-save')!.click()
    await flushPromises()
    expect(puts()).toEqual([])
    expect(el('rate-error')?.textContent).toBe('请选择测评标准')
  })
})
