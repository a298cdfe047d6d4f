import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { Requirement, Submission, TodoItem } from '@/api'
import SubmitDrawer from './SubmitDrawer.vue'

const requirement: Requirement = {
  id: 5,
  frameworkId: 1,
  standardId: 9,
  standardCode: 'A1.2',
  standardText: '设置公益广告',
  unitId: 3,
  unitName: '住建局',
  cadence: 'quarter',
  description: '上传公益广告照片',
  fields: [
    { name: '数量', required: true },
    { name: '备注', required: false },
  ],
  minFiles: 1,
}

const file = { id: 40, name: '照片.jpg', contentType: 'image/jpeg', size: 10, sha256: '', uploadedAt: '2026-11-02T00:00:00Z' }

function submission(over: Partial<Submission>): Submission {
  return {
    id: 70,
    requirementId: 5,
    period: '2026-Q4',
    version: 1,
    status: 'draft',
    note: '已设置',
    values: { 数量: '12', 备注: '' },
    files: [file],
    grade: '',
    comment: '',
    fileComments: {},
    submittedAt: null,
    submittedBy: '',
    reviewedAt: null,
    reviewedBy: '',
    late: false,
    ...over,
  }
}

const fetchMock = vi.fn<typeof fetch>()
/** calls lists the requests made, as "METHOD path" with the JSON body. */
const calls = () =>
  fetchMock.mock.calls.map(([url, init]) => [`${init?.method} ${url}`, init?.body ? JSON.parse(init.body as string) : undefined])

/** answer replies to each request by its "METHOD path", in order of the given routes. */
function answer(routes: Record<string, () => Response>) {
  fetchMock.mockImplementation(async (url, init) => {
    const route = routes[`${init?.method} ${url}`]
    if (!route) throw new Error(`unexpected ${init?.method} ${url}`)
    return route()
  })
}
const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status })

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

async function open(item: TodoItem) {
  const wrapper = mount(SubmitDrawer, { props: { modelValue: false, item }, attachTo: document.body })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
  return wrapper
}

const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const click = async (test: string) => {
  el(test)!.click()
  await flushPromises()
}
/** errorsShown waits out the form items' 100 ms debounce before they show an error, then lists them. */
async function errorsShown() {
  await new Promise((r) => setTimeout(r, 150))
  return [...document.querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim())
}

describe('SubmitDrawer', () => {
  it('shows a returned item’s comments and resubmits it as a new version with its files', async () => {
    const returned = submission({ status: 'returned', comment: '照片不清晰', fileComments: { 40: '请重拍' } })
    answer({
      'GET /api/v1/submissions/70': json({ ...returned, requirement, history: [returned] }),
      'POST /api/v1/requirements/5/submissions': json(submission({ id: 71, version: 2 }), 201),
      'POST /api/v1/submissions/71/submit': json(submission({ id: 71, version: 2, status: 'submitted' })),
    })
    const wrapper = await open({ requirement, period: '2026-Q4', deadline: '2027-01-10', state: 'returned', submission: returned })

    expect(el('sub-comment')?.textContent).toBe('照片不清晰')
    expect(document.body.textContent).toContain('照片.jpg：请重拍')
    expect(el<HTMLInputElement>('sub-field-数量')?.value).toBe('12')
    expect(el('sub-history')?.textContent).toContain('第 1 版')

    await click('sub-submit')
    expect(calls().slice(1)).toEqual([
      [
        'POST /api/v1/requirements/5/submissions',
        { note: '已设置', values: { 数量: '12', 备注: '' }, fileIds: [40], period: '2026-Q4' },
      ],
      ['POST /api/v1/submissions/71/submit', undefined],
    ])
    expect(wrapper.emitted('changed')).toHaveLength(1)
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
  })

  it('saves into the draft it already has', async () => {
    const draft = submission({})
    answer({
      'GET /api/v1/submissions/70': json({ ...draft, requirement, history: [draft] }),
      'PUT /api/v1/submissions/70': json(draft),
    })
    await open({ requirement, period: '2026-Q4', deadline: '2027-01-10', state: 'draft', submission: draft })
    const note = el<HTMLTextAreaElement>('sub-note')!
    note.value = '补充说明'
    note.dispatchEvent(new Event('input'))

    await click('sub-save')
    expect(calls()[1]).toEqual(['PUT /api/v1/submissions/70', { note: '补充说明', values: { 数量: '12', 备注: '' }, fileIds: [40], period: '2026-Q4' }])
    expect(el('sub-comment')).toBeNull()
  })

  it('asks for required fields and files before submitting, and shows the server’s refusal on its field', async () => {
    answer({
      'POST /api/v1/requirements/5/submissions': json(submission({ values: { 数量: '3' }, files: [] }), 201),
      'POST /api/v1/submissions/70/submit': json({ error: { code: 'invalid', message: '数量必须是整数', field: 'values.数量' } }, 400),
    })
    await open({ requirement: { ...requirement, minFiles: 0 }, period: '2026-Q4', deadline: '2027-01-10', state: 'missing', submission: null })

    await click('sub-submit')
    expect(fetchMock).not.toHaveBeenCalled()
    expect(await errorsShown()).toEqual(['请填写数量'])

    const input = el<HTMLInputElement>('sub-field-数量')!
    input.value = '3'
    input.dispatchEvent(new Event('input'))
    await click('sub-submit')
    expect(calls().map(([route]) => route)).toEqual(['POST /api/v1/requirements/5/submissions', 'POST /api/v1/submissions/70/submit'])
    expect(await errorsShown()).toEqual(['数量必须是整数'])
  })
})
