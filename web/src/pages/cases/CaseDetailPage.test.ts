import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CaseDetail, Me } from '@/api'
import { useSessionStore } from '@/stores/session'
import CaseDetailPage from './CaseDetailPage.vue'

function detail(over: Partial<CaseDetail>): CaseDetail {
  return {
    id: 7,
    code: 'AJ2026000007',
    jurisdictionId: null,
    jurisdictionName: '',
    source: 'resident_snap',
    externalId: '',
    state: 'new',
    closing: '',
    categoryId: 2,
    categoryName: '乱扔垃圾',
    categoryPath: '事件 / 乱扔垃圾',
    description: '路口垃圾堆放',
    address: '人民路 12 号',
    lat: 30.5,
    lng: 120.5,
    regionId: 10,
    regionName: '城关街道',
    pointId: null,
    leadUnitId: null,
    leadUnitName: '',
    coUnits: [],
    reporterName: '',
    reporterPhone: '138****5678',
    createdAt: '2026-05-06T01:00:00Z',
    registeredAt: null,
    dispatchedAt: null,
    acceptedAt: null,
    deadline: null,
    reportedAt: null,
    closedAt: null,
    overdue: false,
    remainingMinutes: null,
    limitMinutes: 960,
    reworkCount: 0,
    returnCount: 0,
    hopCount: 0,
    reopenCount: 0,
    extensionPending: false,
    mergedInto: null,
    rating: null,
    ratingComment: '',
    beforePhotos: [
      {
        fileId: 41,
        name: 'a.jpg',
        phase: 'before',
        takenAt: '2026-05-06T00:50:00Z',
        lat: 30.5,
        lng: 120.51,
        receivedAt: '2026-05-06T01:00:00Z',
        width: 800,
        height: 600,
        thumbUrl: '',
        url: '',
        distanceMeters: 960,
      },
    ],
    afterPhotos: [],
    timeline: [
      { id: 1, at: '2026-05-06T01:00:00Z', kind: 'created', actorName: '市民', unitName: '', note: '', photos: [], data: {} },
      { id: 2, at: '2026-05-06T02:00:00Z', kind: 'note', actorName: '李四', unitName: '县文明办', note: '已电话联系', photos: [], data: {} },
    ],
    duplicates: [],
    actions: [],
    extension: null,
    spans: [],
    ...over,
  }
}

let current: CaseDetail
const fetchMock = vi.fn<typeof fetch>()
/** posts lists the POSTs made, with their JSON bodies. */
const posts = () =>
  fetchMock.mock.calls
    .filter(([, init]) => init?.method === 'POST')
    .map(([url, init]) => [url, init?.body ? JSON.parse(init.body as string) : undefined])

let pinia: Pinia
enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (init?.method === 'POST') return new Response(JSON.stringify(current), { status: 200 })
    if (u === '/api/v1/cases/7') return new Response(JSON.stringify(current))
    if (u === '/api/v1/case-categories') return new Response(JSON.stringify({ items: [] }))
    if (u === '/api/v1/regions') return new Response(JSON.stringify({ items: [], total: 0 }))
    if (u === '/api/v1/case-settings') return new Response(JSON.stringify({ workStart: '09:00', workEnd: '17:00', bounds: null }))
    throw new Error(`unexpected ${init?.method ?? 'GET'} ${u}`)
  })
  pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = { roles: ['office_staff'], unitId: 1 } as unknown as Me
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

async function open(c: CaseDetail) {
  current = c
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push('/cases/7')
  mount(CaseDetailPage, { props: { id: 7 }, attachTo: document.body, global: { plugins: [pinia, router], stubs: { CaseMap: true } } })
  await flushPromises()
}

const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const actionTests = () => [...document.querySelectorAll('[data-test=case-actions] [data-test^=action-]')].map((b) => b.getAttribute('data-test'))
const click = async (test: string) => {
  el(test)!.click()
  await flushPromises()
}
async function errorsShown() {
  await new Promise((r) => setTimeout(r, 150))
  return [...document.querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim())
}
async function type(test: string, value: string) {
  const input = el<HTMLInputElement | HTMLTextAreaElement>(test)!
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('CaseDetailPage', () => {
  it('shows each tier’s time with the case, the current holder as 办理中', async () => {
    await open(
      detail({
        spans: [
          { holder: '白银市创城办', office: true, from: '2026-05-06T01:00:00Z', to: '2026-05-06T02:00:00Z', workingMinutes: 60 },
          { holder: '县住建局', office: false, from: '2026-05-06T02:00:00Z', to: null, workingMinutes: 600 },
        ],
      }),
    )
    const rows = [...document.querySelectorAll('[data-test=case-spans] .el-table__body tr')].map((r) => r.textContent ?? '')
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatch(/创城办\s*白银市创城办/)
    expect(rows[0]).toContain('1 小时')
    expect(rows[1]).toMatch(/单位\s*县住建局/)
    expect(rows[1]).toContain('办理中')
    expect(rows[1]).toContain('1 天 2 小时')
  })

  it('shows the case, its photos with their distance, and the timeline by kind', async () => {
    await open(detail({ state: 'closed', closing: 'not_ours' }))
    expect(el('case-code')?.textContent).toBe('AJ2026000007')
    expect(el('case-state')?.textContent?.trim()).toBe('已结案（非职责范围）')
    expect(el('case-reporter')?.textContent).toContain('138****5678')
    expect(el('photos-before')?.textContent).toContain('距案发地 960 米（超过 200 米，请核实）')
    expect(el('photos-after')?.textContent).toContain('暂无照片')
    expect(all('timeline-event').map((e) => e.getAttribute('data-kind'))).toEqual(['created', 'note'])
    expect(all('timeline-event')[1].textContent).toContain('已电话联系')
    expect(actionTests()).toEqual([])
  })

  it('offers exactly the actions the server lists, verify as pass and fail', async () => {
    await open(detail({ state: 'verifying', actions: ['verify', 'note'] }))
    expect(actionTests()).toEqual(['action-verify-pass', 'action-verify-fail', 'action-note'])
  })

  it('dispatches through its dialog and reloads the case', async () => {
    await open(detail({ actions: ['register', 'decline', 'dispatch', 'merge', 'note'] }))
    expect(actionTests()).toEqual(['action-register', 'action-decline', 'action-dispatch', 'action-merge', 'action-note'])

    await click('action-dispatch')
    expect(el('case-action-dialog')).not.toBeNull()
    expect(el('field-unitId')).not.toBeNull()
    expect(el('field-coUnitIds')).not.toBeNull()
    await type('field-note', '请尽快处理')
    const gets = fetchMock.mock.calls.filter(([u]) => u === '/api/v1/cases/7').length
    await click('dialog-save')

    expect(posts()).toEqual([['/api/v1/cases/7/dispatch', { unitId: null, coUnitIds: [], note: '请尽快处理' }]])
    expect(fetchMock.mock.calls.filter(([u]) => u === '/api/v1/cases/7').length).toBe(gets + 1)
  })

  it('needs a reason before a verification fails, and sends the decision', async () => {
    await open(detail({ state: 'verifying', actions: ['verify'] }))
    await click('action-verify-fail')
    expect(el('photo-file')?.getAttribute('type')).toBe('file')
    await click('dialog-save')
    expect(await errorsShown()).toEqual(['请写明不通过的原因'])
    expect(posts()).toEqual([])

    await type('field-note', '垃圾仍未清理')
    await click('dialog-save')
    expect(posts()).toEqual([['/api/v1/cases/7/verify', { decision: 'fail', note: '垃圾仍未清理', fileIds: [], lat: null, lng: null }]])
  })

  it('closes with the chosen closing and shows the server’s refusal on its field', async () => {
    await open(detail({ state: 'handling', actions: ['close'] }))
    fetchMock.mockImplementationOnce(
      async () => new Response(JSON.stringify({ error: { code: 'invalid', message: '请说明结案理由', field: 'note' } }), { status: 400 }),
    )
    await click('action-close')
    await click('field-closing-not_fixed')
    await click('dialog-save')
    expect(posts()).toEqual([['/api/v1/cases/7/close', { closing: 'not_fixed', note: '' }]])
    expect(await errorsShown()).toEqual(['请说明结案理由'])
  })

  it('converts an extension in working days to minutes', async () => {
    await open(detail({ state: 'handling', actions: ['request_extension'] }))
    await click('action-extension')
    await type('field-minutes', '2')
    await click('field-minutesUnit-day')
    await type('field-reason', '需要协调施工单位')
    await click('dialog-save')
    expect(posts()).toEqual([['/api/v1/cases/7/extension', { minutes: 960, reason: '需要协调施工单位' }]])
  })
})
