import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import SnapPage from './SnapPage.vue'
import { DRAFT_KEY, MINE_KEY } from './snapDraft'

const form = {
  categories: [
    { id: 1, name: '市容环境', parentId: null },
    { id: 2, name: '乱扔垃圾', parentId: 1 },
  ],
  regions: [{ id: 10, name: '城关街道', parentId: null }],
  bounds: { minLat: 30, minLng: 120, maxLat: 31, maxLng: 121 },
}

const fetchMock = vi.fn<typeof fetch>(async (url) => {
  if (url === '/api/v1/public/case-form') return new Response(JSON.stringify(form))
  throw new Error(`unexpected ${url}`)
})

/** FakeXhr stands in for XMLHttpRequest: each send records its form and answers with the next planned reply. */
type Reply = { status: number; body: unknown } | 'network'
const replies: Reply[] = []
const sent: { url: string; form: FormData }[] = []
class FakeXhr {
  status = 0
  responseText = ''
  url = ''
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  open(_method: string, url: string) {
    this.url = url
  }
  setRequestHeader() {}
  getResponseHeader() {
    return 'application/json'
  }
  send(body: FormData) {
    sent.push({ url: this.url, form: body })
    const reply = replies.shift() ?? 'network'
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
      if (reply === 'network') return this.onerror?.()
      this.status = reply.status
      this.responseText = JSON.stringify(reply.body)
      this.onload?.()
    }, 0)
  }
}

enableAutoUnmount(afterEach)

beforeEach(() => {
  localStorage.clear()
  replies.length = 0
  sent.length = 0
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  URL.createObjectURL = vi.fn(() => `blob:photo-${Math.random()}`)
  URL.revokeObjectURL = vi.fn()
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockClear()
  document.body.innerHTML = ''
})

async function mountSnap() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/snap', component: SnapPage },
      { path: '/snap/c/:token', component: { template: '<div />' } },
    ],
  })
  await router.push('/snap')
  const wrapper = mount(SnapPage, {
    attachTo: document.body,
    global: { plugins: [router], stubs: { CaseMap: true } },
  })
  await flushPromises()
  return wrapper
}

const el = <T extends Element = HTMLElement>(test: string) => document.querySelector<T>(`[data-test="${test}"]`)
const draft = () => JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null')

async function pickPhoto(name = 'a.jpg') {
  const input = el<HTMLInputElement>('snap-photo')!
  Object.defineProperty(input, 'files', { value: [new File(['x'], name, { type: 'image/jpeg' })], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

async function submit() {
  el('snap-submit')!.click()
  await flushPromises()
  await new Promise((r) => setTimeout(r, 5))
  await flushPromises()
}

const sentCase = (i: number) => JSON.parse(String(sent[i].form.get('case')))

describe('SnapPage', () => {
  it('keeps the form (not the photos) across a reload', async () => {
    const first = await mountSnap()
    const description = el<HTMLTextAreaElement>('snap-description')!
    expect(description.tagName).toBe('TEXTAREA')
    description.value = '路口垃圾堆放'
    description.dispatchEvent(new Event('input'))
    const address = el<HTMLInputElement>('snap-address')!
    address.value = '人民路 12 号'
    address.dispatchEvent(new Event('input'))
    const phone = el<HTMLInputElement>('snap-phone')!
    phone.value = '13812345678'
    phone.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(draft()).toMatchObject({ description: '路口垃圾堆放', address: '人民路 12 号', phone: '13812345678', clientKey: '' })

    first.unmount()
    document.body.innerHTML = ''
    await mountSnap()
    expect(el<HTMLTextAreaElement>('snap-description')!.value).toBe('路口垃圾堆放')
    expect(el<HTMLInputElement>('snap-address')!.value).toBe('人民路 12 号')
    expect(el<HTMLInputElement>('snap-phone')!.value).toBe('13812345678')
  })

  it('asks for a category and a photo before sending anything', async () => {
    await mountSnap()
    await submit()
    expect(sent).toHaveLength(0)
    await new Promise((r) => setTimeout(r, 150))
    const shown = [...document.querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim())
    expect(shown).toContain('请选择问题类别')
    expect(shown).toContain('请至少拍一张照片')
  })

  it('resends with the same clientKey after a lost signal and a reload, then forgets the draft', async () => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ categoryId: 2, description: '垃圾', address: '人民路', lat: 30.5, lng: 120.5, regionId: 10, phone: '' }))
    const first = await mountSnap()
    await pickPhoto()
    replies.push('network')
    await submit()

    expect(sent).toHaveLength(1)
    expect(sent[0].url).toBe('/api/v1/public/cases')
    const key = sentCase(0).clientKey
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    expect(sentCase(0)).toEqual({ clientKey: key, categoryId: 2, description: '垃圾', address: '人民路', lat: 30.5, lng: 120.5, regionId: 10, phone: '' })
    expect(sent[0].form.getAll('photos')).toHaveLength(1)
    expect(el('snap-error')?.textContent).toContain('网络中断')
    expect(draft().clientKey).toBe(key)

    // The resident reloads the page: the photos are gone, the key stays.
    first.unmount()
    document.body.innerHTML = ''
    await mountSnap()
    await pickPhoto('b.jpg')
    replies.push({ status: 200, body: { token: 'tok-1', code: 'AJ2026000123', state: 'new' } })
    await submit()

    expect(sent).toHaveLength(2)
    expect(sentCase(1).clientKey).toBe(key)
    expect(el('snap-done')?.textContent).toContain('AJ2026000123')
    expect(el<HTMLAnchorElement>('snap-follow-link')?.getAttribute('href')).toBe('/snap/c/tok-1')
    expect(draft()?.clientKey ?? '').toBe('')
    expect(draft()?.description ?? '').toBe('')
    expect(JSON.parse(localStorage.getItem(MINE_KEY)!)).toMatchObject([{ token: 'tok-1', code: 'AJ2026000123' }])
  })

  it('shows the server’s message under the field it names, and keeps the key for the retry', async () => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ categoryId: 2, description: '垃圾', address: '人民路' }))
    await mountSnap()
    await pickPhoto()
    replies.push({ status: 400, body: { error: { code: 'invalid', message: '描述太短，请至少写 5 个字', field: 'description' } } })
    await submit()
    await new Promise((r) => setTimeout(r, 150))
    const shown = [...document.querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim())
    expect(shown).toEqual(['描述太短，请至少写 5 个字'])
    const key = sentCase(0).clientKey

    replies.push({ status: 201, body: { token: 'tok-2', code: 'AJ2026000124', state: 'new' } })
    await submit()
    expect(sentCase(1).clientKey).toBe(key)
    expect(el('snap-done')).not.toBeNull()
  })
})
