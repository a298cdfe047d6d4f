import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Me, SubmissionDetail } from '@/api'
import { useSessionStore } from '@/stores/session'
import SubmissionDrawer from './SubmissionDrawer.vue'

const photo = { id: 40, name: '照片.jpg', contentType: 'image/jpeg', size: 10, sha256: '', uploadedAt: '2026-11-02T00:00:00Z' }
const plan = { id: 41, name: '方案.pdf', contentType: 'application/pdf', size: 10, sha256: '', uploadedAt: '2026-11-02T00:00:00Z' }

const detail: SubmissionDetail = {
  id: 70,
  requirementId: 5,
  period: '2026-Q4',
  version: 2,
  status: 'submitted',
  note: '已设置',
  values: { 数量: '12' },
  files: [photo, plan],
  grade: '',
  comment: '',
  fileComments: {},
  submittedAt: '2026-11-02T01:00:00Z',
  submittedBy: '张三',
  reviewedAt: null,
  reviewedBy: '',
  late: true,
  requirement: {
    id: 5,
    frameworkId: 1,
    standardId: 9,
    standardCode: 'A1.2',
    standardText: '设置公益广告',
    unitId: 3,
    unitName: '住建局',
    cadence: 'quarter',
    description: '',
    fields: [{ name: '数量', required: true }],
    minFiles: 1,
  },
  history: [],
}

const fetchMock = vi.fn<typeof fetch>()
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
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

async function open(sub: SubmissionDetail) {
  fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(sub)))
  const wrapper = mount(SubmissionDrawer, { props: { modelValue: false, submissionId: sub.id }, attachTo: document.body, global: { plugins: [pinia] } })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
  return wrapper
}

const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const type = (test: string, value: string) => {
  const input = el<HTMLTextAreaElement>(test)!
  input.value = value
  input.dispatchEvent(new Event('input'))
}
const reviewBody = () => JSON.parse(fetchMock.mock.calls[1][1]!.body as string)

describe('SubmissionDrawer', () => {
  it('previews the chosen file beside the list', async () => {
    await open(detail)
    const preview = el('review-preview')!
    expect(preview.querySelector('img')?.getAttribute('src')).toBe('/api/v1/files/40')
    preview.querySelectorAll<HTMLElement>('[data-test=preview-file]')[1].click()
    await flushPromises()
    expect(preview.querySelector('img')).toBeNull()
    expect(preview.querySelector('object')?.getAttribute('data')).toBe('/api/v1/files/41')
  })

  it('approves only with a grade', async () => {
    const wrapper = await open(detail)
    el('review-approve')!.click()
    await flushPromises()
    expect(fetchMock).toHaveBeenCalledTimes(1)

    el('review-grade-basic')!.click()
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ ...detail, status: 'approved' })))
    el('review-approve')!.click()
    await flushPromises()
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/submissions/70/review')
    expect(reviewBody()).toEqual({ decision: 'approve', grade: 'basic', comment: '', fileComments: {} })
    expect(wrapper.emitted('reviewed')).toHaveLength(1)
  })

  it('returns only with a comment, sending the comments on files', async () => {
    await open(detail)
    type('review-file-comment', ' 照片模糊 ')
    el('review-return')!.click()
    await flushPromises()
    expect(fetchMock).toHaveBeenCalledTimes(1)

    type('review-comment', '请补充照片')
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ ...detail, status: 'returned' })))
    el('review-return')!.click()
    await flushPromises()
    expect(reviewBody()).toEqual({ decision: 'return', grade: '', comment: '请补充照片', fileComments: { 40: '照片模糊' } })
  })

  it('only shows a version that is not waiting for review, and to leaders', async () => {
    await open({ ...detail, status: 'returned', comment: '不清晰', fileComments: { 40: '请重拍' } })
    expect(el('review-approve')).toBeNull()
    expect(el('review-file-comment')).toBeNull()
    expect(el('review-preview')?.textContent).toContain('请重拍')

    document.body.innerHTML = ''
    useSessionStore().me = { roles: ['leader'] } as unknown as Me
    await open(detail)
    expect(el('review-approve')).toBeNull()
  })
})
