import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Check, Patrol, PointDetail } from '@/api'
import PatrolFormPage from './PatrolFormPage.vue'
import { draftKey } from './patrolDraft'

const check = (id: number, seq: number, text: string, active = true): Check => ({
  id,
  seq,
  text,
  severity: 'minor',
  caseCategoryId: 2,
  caseCategoryName: '乱扔垃圾',
  standardCodes: ['3.2.1.4'],
  active,
})

const point: PointDetail = {
  id: 5,
  code: 'DW0005',
  name: '人民广场',
  categoryId: 1,
  categoryName: '城市广场',
  lat: 30.5,
  lng: 120.5,
  address: '人民路 1 号',
  regionId: 10,
  regionName: '城关街道',
  grid: '',
  unitId: 3,
  unitName: '城管局',
  chiefUserId: null,
  chiefName: '',
  chiefPhone: '',
  active: true,
  qrToken: 'tok-5',
  lastPatrolAt: null,
  lastResult: null,
  openCases: 0,
  jurisdictionId: 1,
  // Out of order and with an inactive check: the form shows 11, 12, 13.
  checks: [check(13, 3, '无乱贴乱画'), check(11, 1, '地面干净无垃圾'), check(14, 4, '已停用的检查项', false), check(12, 2, '垃圾桶未满溢')],
  patrols: [],
}

function patrol(clientKey: string): Patrol {
  const obs = (id: number, checkId: number, checkText: string, result: 'pass' | 'fail' | 'na', caseCode = '') => ({
    id,
    checkId,
    checkText,
    severity: 'minor' as const,
    standardCodes: [],
    result,
    note: '',
    photos: [],
    caseId: caseCode ? id + 100 : null,
    caseCode,
  })
  return {
    id: 77,
    clientKey,
    pointId: 5,
    pointName: '人民广场',
    categoryName: '城市广场',
    roundId: null,
    roundName: '',
    inspectorId: 9,
    inspectorName: '督查员甲',
    startedAt: '2026-06-01T02:00:00Z',
    submittedAt: '2026-06-01T02:10:00Z',
    lat: 30.5003,
    lng: 120.5,
    distanceMeters: 33,
    far: false,
    note: '',
    pass: 1,
    fail: 2,
    na: 0,
    observations: [obs(1, 11, '地面干净无垃圾', 'fail', 'AJ2026000101'), obs(2, 12, '垃圾桶未满溢', 'fail', 'AJ2026000102'), obs(3, 13, '无乱贴乱画', 'pass')],
  }
}

/** patrolReplies are the planned answers to POST /patrols, in order: 'network' drops the connection. */
const patrolReplies: ('network' | 'ok')[] = []
let fileId = 40
const fetchMock = vi.fn<typeof fetch>()
const patrolPosts = () =>
  fetchMock.mock.calls.filter(([url, init]) => url === '/api/v1/patrols' && init?.method === 'POST').map(([, init]) => JSON.parse(String(init!.body)))

let here = { latitude: 30.5003, longitude: 120.5 }

enableAutoUnmount(afterEach)

beforeEach(() => {
  localStorage.clear()
  patrolReplies.length = 0
  fileId = 40
  here = { latitude: 30.5003, longitude: 120.5 }
  vi.stubGlobal('fetch', fetchMock)
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url)
    if (u === '/api/v1/points/by-token/tok-5' || u === '/api/v1/points/5') return new Response(JSON.stringify(point))
    if (u === '/api/v1/files' && init?.method === 'POST') {
      fileId++
      return new Response(JSON.stringify({ id: fileId, name: `${fileId}.jpg`, contentType: 'image/jpeg', size: 1, sha256: '', uploadedAt: '' }), { status: 201 })
    }
    if (u === '/api/v1/patrols' && init?.method === 'POST') {
      if ((patrolReplies.shift() ?? 'network') === 'network') throw new TypeError('Failed to fetch')
      return new Response(JSON.stringify(patrol(JSON.parse(String(init.body)).clientKey)), { status: 201 })
    }
    throw new Error(`unexpected ${init?.method ?? 'GET'} ${u}`)
  })
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { ...here, accuracy: 10 } } as GeolocationPosition) },
  })
  URL.createObjectURL = vi.fn(() => `blob:photo-${Math.random()}`)
  URL.revokeObjectURL = vi.fn()
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

async function open(props: { token?: string; id?: number; roundId?: number | null } = { token: 'tok-5' }) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push('/patrol/p/tok-5')
  const wrapper = mount(PatrolFormPage, { props, attachTo: document.body, global: { plugins: [router] } })
  await flushPromises()
  return wrapper
}

const el = <T extends Element = HTMLElement>(test: string, root: ParentNode = document) => root.querySelector<T>(`[data-test="${test}"]`)
const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const row = (checkId: number) => document.querySelector<HTMLElement>(`[data-test="patrol-check"][data-check-id="${checkId}"]`)!
const submitButton = () => el<HTMLButtonElement>('patrol-submit')!

async function judge(checkId: number, result: 'pass' | 'fail' | 'na') {
  el(`patrol-${result}`, row(checkId))!.click()
  await flushPromises()
}

async function takePhoto(checkId: number) {
  const input = el<HTMLInputElement>('patrol-photo-input', row(checkId))!
  Object.defineProperty(input, 'files', { value: [new File(['x'], 'p.jpg', { type: 'image/jpeg' })], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

async function typeNote(checkId: number, text: string) {
  const note = el<HTMLTextAreaElement>('patrol-check-note', row(checkId))!
  note.value = text
  note.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function submit() {
  submitButton().click()
  await flushPromises()
}

const saved = () => JSON.parse(localStorage.getItem(draftKey(5, null)) ?? 'null')

describe('PatrolFormPage', () => {
  it('shows the point, the distance from the phone and the active checks in order', async () => {
    await open()
    expect(el('patrol-point-name')?.textContent).toBe('人民广场')
    expect(el('patrol-distance')?.textContent?.trim()).toBe('距点位 33 米')
    expect(el('patrol-far')).toBeNull()
    expect(all('patrol-check').map((r) => r.getAttribute('data-check-id'))).toEqual(['11', '12', '13'])
    expect(all('patrol-check')[0].textContent).toContain('地面干净无垃圾')
    expect(el('patrol-progress')?.textContent).toBe('已检查 0/3')
  })

  it('warns when the phone is over 200 m away, without blocking the submit', async () => {
    here = { latitude: 30.503, longitude: 120.5 }
    await open({ id: 5 })
    expect(el('patrol-distance')?.textContent?.trim()).toBe('距点位 334 米')
    expect(el('patrol-far')?.textContent).toContain('超过 200 米')
    for (const id of [11, 12, 13]) await judge(id, 'pass')
    expect(submitButton().disabled).toBe(false)
  })

  it('enables the submit only when every check is judged and every fail has a photo, and says what is missing', async () => {
    await open()
    expect(submitButton().disabled).toBe(true)
    expect(el('patrol-missing')?.textContent).toContain('还有 3 项未检查')

    await judge(11, 'pass')
    await judge(12, 'fail')
    await judge(13, 'na')
    expect(el('patrol-progress')?.textContent).toBe('已检查 3/3')
    expect(row(12).getAttribute('data-result')).toBe('fail')
    expect(submitButton().disabled).toBe(true)
    expect(el('patrol-missing')?.textContent).toContain('第 2 项判为不合格，须拍照（至少 1 张）')
    expect(el('patrol-photo-input', row(12))?.getAttribute('capture')).toBe('environment')
    expect(el('patrol-photo-input', row(11))).toBeNull()

    await takePhoto(12)
    expect(fetchMock.mock.calls.filter(([u]) => u === '/api/v1/files')).toHaveLength(1)
    expect(all('patrol-photo-thumb')).toHaveLength(1)
    expect(el('patrol-missing')).toBeNull()
    expect(submitButton().disabled).toBe(false)

    // A pass that becomes a fail needs its own photo.
    await judge(13, 'fail')
    expect(submitButton().disabled).toBe(true)
  })

  it('keeps the whole form across a reload: results, notes, photos, clientKey and start time', async () => {
    const first = await open()
    await judge(11, 'pass')
    await judge(12, 'fail')
    await takePhoto(12)
    await typeNote(12, '垃圾桶满溢')
    const before = saved()
    expect(before.clientKey).toMatch(/^[0-9a-f-]{36}$/)
    expect(before.results['12']).toEqual({ result: 'fail', note: '垃圾桶满溢', photos: [{ fileId: 41, url: '/api/v1/files/41?size=thumb', name: '41.jpg' }] })
    expect(before.lat).toBe(30.5003)

    first.unmount()
    document.body.innerHTML = ''
    await open()
    expect(row(11).getAttribute('data-result')).toBe('pass')
    expect(row(12).getAttribute('data-result')).toBe('fail')
    expect(el<HTMLTextAreaElement>('patrol-check-note', row(12))!.value).toBe('垃圾桶满溢')
    expect(el<HTMLImageElement>('patrol-photo-thumb', row(12))!.getAttribute('src')).toBe('/api/v1/files/41?size=thumb')
    expect(el('patrol-progress')?.textContent).toBe('已检查 2/3')
    expect(saved().clientKey).toBe(before.clientKey)
    expect(saved().startedAt).toBe(before.startedAt)
  })

  it('keeps the draft when the network fails, resends the same clientKey, then shows the cases and forgets the draft', async () => {
    await open()
    await judge(11, 'fail')
    await takePhoto(11)
    await typeNote(11, '地面有烟头')
    await judge(12, 'fail')
    await takePhoto(12)
    await judge(13, 'pass')

    patrolReplies.push('network')
    await submit()
    expect(el('patrol-error')?.textContent).toContain('网络不稳定，已保存草稿，可稍后重试')
    expect(el('patrol-result')).toBeNull()
    const key = saved().clientKey
    expect(patrolPosts()).toEqual([
      {
        clientKey: key,
        pointId: 5,
        roundId: null,
        lat: 30.5003,
        lng: 120.5,
        startedAt: saved().startedAt,
        note: '',
        results: [
          { checkId: 11, result: 'fail', note: '地面有烟头', fileIds: [41] },
          { checkId: 12, result: 'fail', note: '', fileIds: [42] },
          { checkId: 13, result: 'pass', note: '', fileIds: [] },
        ],
      },
    ])
    expect(saved().results['11'].photos).toHaveLength(1)

    patrolReplies.push('ok')
    await submit()
    expect(patrolPosts()).toHaveLength(2)
    expect(patrolPosts()[1].clientKey).toBe(key)
    expect(el('patrol-result')).not.toBeNull()
    expect(all('patrol-result-case').map((c) => c.textContent)).toEqual(['AJ2026000101', 'AJ2026000102'])
    expect(all('patrol-result-case')[0].getAttribute('href')).toBe('/cases/101')
    expect(el('patrol-result-pass')?.textContent).toBe('1')
    expect(el('patrol-result-fail')?.textContent).toBe('2')
    expect(localStorage.getItem(draftKey(5, null))).toBeNull()
    expect(el('patrol-back-tasks')?.getAttribute('href')).toBe('/patrol')
  })

  it('keeps a round’s draft apart and sends its roundId', async () => {
    await open({ id: 5, roundId: 3 })
    for (const id of [11, 12, 13]) await judge(id, 'na')
    expect(localStorage.getItem(draftKey(5, 3))).not.toBeNull()
    expect(localStorage.getItem(draftKey(5, null))).toBeNull()
    patrolReplies.push('ok')
    await submit()
    expect(patrolPosts()[0].roundId).toBe(3)
  })

  it('opens the saved draft when the point cannot be loaded without signal', async () => {
    const first = await open()
    await judge(11, 'pass')
    first.unmount()
    document.body.innerHTML = ''
    const online = fetchMock.getMockImplementation()!
    fetchMock.mockImplementation(async (url, init) => {
      if (String(url).startsWith('/api/v1/points/')) throw new TypeError('Failed to fetch')
      return online(url, init)
    })
    await open()
    expect(el('patrol-point-name')?.textContent).toBe('人民广场')
    expect(row(11).getAttribute('data-result')).toBe('pass')
    expect(document.body.textContent).toContain('本机保存的草稿')
  })
})
