import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { transferApi, type ImportResult } from '@/api'
import ImportDialog from './ImportDialog.vue'

const fetchMock = vi.fn<typeof fetch>()

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

async function openWithFile() {
  const wrapper = mount(ImportDialog, {
    props: {
      modelValue: false,
      title: '导入人员',
      upload: (file: File) => transferApi.importFile('people', file),
      describe: (r: unknown) => `新增 ${(r as ImportResult).created} 条，更新 ${(r as ImportResult).updated} 条`,
    },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
  const input = document.querySelector<HTMLInputElement>('[data-test=import-file]')!
  expect(input.type).toBe('file')
  Object.defineProperty(input, 'files', { value: [new File(['x'], '人员.xlsx')], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
  return wrapper
}

const submit = () => document.querySelector<HTMLButtonElement>('[data-test=import-submit]')!

describe('ImportDialog', () => {
  it('lists every error of a rejected file and says nothing was imported', async () => {
    const details = [
      { sheet: '人员', row: 3, column: 'D', reason: '单位“某某”不存在' },
      { sheet: '人员', row: 5, column: 'E', reason: '角色“站长”不存在' },
    ]
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ error: { code: 'import_invalid', message: '导入文件有错误', details } }), {
        status: 422,
      }),
    )
    const wrapper = await openWithFile()
    submit().click()
    await flushPromises()

    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/people/import')
    const table = document.querySelector('[data-test=import-errors]')!
    expect(table.textContent).toContain('单位“某某”不存在')
    expect(table.textContent).toContain('角色“站长”不存在')
    expect(document.body.textContent).toContain('文件未导入任何数据，请修改后重新上传')
    expect(document.querySelector('[data-test=import-result]')).toBeNull()
    expect(wrapper.emitted('imported')).toBeUndefined()
  })

  it('reports how many rows were created and updated', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ created: 12, updated: 3 }), { status: 200 }))
    const wrapper = await openWithFile()
    submit().click()
    await flushPromises()

    expect(document.querySelector('[data-test=import-result]')?.textContent?.trim()).toBe('新增 12 条，更新 3 条')
    expect(document.querySelector('[data-test=import-errors]')).toBeNull()
    expect(wrapper.emitted('imported')).toEqual([[{ created: 12, updated: 3 }]])
  })
})
