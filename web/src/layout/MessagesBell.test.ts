import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import type { Message } from '@/api'
import MessagesBell from './MessagesBell.vue'

const message = (id: number, readAt: string | null): Message => ({
  id,
  kind: 'weekly_reminder',
  title: `周提醒 ${id}`,
  body: '本单位有 2 项材料未报送',
  createdAt: '2026-11-02T01:00:00Z',
  readAt,
})

const fetchMock = vi.fn<typeof fetch>()
enableAutoUnmount(afterEach)
let visibility: DocumentVisibilityState = 'visible'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  vi.stubGlobal('fetch', fetchMock)
  visibility = 'visible'
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
  fetchMock.mockImplementation(async (url) =>
    url === '/api/v1/messages'
      ? new Response(JSON.stringify({ items: [message(1, null), message(2, '2026-11-01T00:00:00Z'), message(3, null)] }))
      : new Response(null, { status: 204 }),
  )
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  fetchMock.mockReset()
  document.body.innerHTML = ''
})

const badge = () => document.querySelector('[data-test=messages-bell] .el-badge__content')?.textContent?.trim()
const listCalls = () => fetchMock.mock.calls.filter(([url]) => url === '/api/v1/messages').length

describe('MessagesBell', () => {
  it('counts the unread messages and marks one read when clicked', async () => {
    mount(MessagesBell, { attachTo: document.body })
    await flushPromises()
    expect(badge()).toBe('2')

    document.querySelector<HTMLElement>('[data-test=messages-bell]')!.click()
    await flushPromises()
    const items = document.querySelectorAll<HTMLElement>('[data-test=messages-list] [data-test=message]')
    expect(items).toHaveLength(3)
    items[0].click()
    await flushPromises()
    expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/v1/messages/1/read')
    expect(badge()).toBe('1')
  })

  it('polls every minute while the page is visible, and catches up when it shows again', async () => {
    const wrapper = mount(MessagesBell, { attachTo: document.body })
    await flushPromises()
    expect(listCalls()).toBe(1)

    vi.advanceTimersByTime(60_000)
    await flushPromises()
    expect(listCalls()).toBe(2)

    visibility = 'hidden'
    vi.advanceTimersByTime(120_000)
    await flushPromises()
    expect(listCalls()).toBe(2)

    visibility = 'visible'
    document.dispatchEvent(new Event('visibilitychange'))
    await flushPromises()
    expect(listCalls()).toBe(3)

    wrapper.unmount()
    vi.advanceTimersByTime(60_000)
    expect(listCalls()).toBe(3)
  })
})
