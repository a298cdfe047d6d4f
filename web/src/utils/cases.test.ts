import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  actionButton, actionButtons, caseColor, caseDetailPoints, caseSourcesFor, categoryGroups, formatDistance, formatWorkMinutes, limitText, maskPhone,
  newClientKey, OVERDUE_COLOR, remainingText,
} from './cases'

describe('remainingText', () => {
  it('shows the working time left in hours and minutes', () => {
    expect(remainingText(200)).toBe('剩余 3 小时 20 分')
    expect(remainingText(180)).toBe('剩余 3 小时')
    expect(remainingText(45)).toBe('剩余 45 分')
    expect(remainingText(0)).toBe('剩余 0 分')
  })

  it('counts days of 8 working hours', () => {
    expect(remainingText(480)).toBe('剩余 1 天')
    expect(remainingText(480 * 2 + 150)).toBe('剩余 2 天 2 小时')
    expect(formatWorkMinutes(600, 10)).toBe('1 天')
  })

  it('shows how far past the deadline an overdue case is', () => {
    expect(remainingText(-600)).toBe('超期 1 天 2 小时')
    expect(remainingText(-30)).toBe('超期 30 分')
    expect(remainingText(-125)).toBe('超期 2 小时 5 分')
    expect(remainingText(0, true)).toBe('已超期')
  })

  it('is empty before the clock starts', () => {
    expect(remainingText(null)).toBe('')
    expect(remainingText(undefined)).toBe('')
  })
})

describe('maskPhone', () => {
  it('hides the middle of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone(' 138 1234 5678 ')).toBe('138****5678')
  })
  it('keeps numbers the server masked, and short or empty ones', () => {
    expect(maskPhone('138****5678')).toBe('138****5678')
    expect(maskPhone('12345')).toBe('12345')
    expect(maskPhone('')).toBe('-')
    expect(maskPhone(null)).toBe('-')
  })
  it('masks landlines too', () => {
    expect(maskPhone('057112345678')).toBe('057*****5678')
  })
})

describe('limitText and formatDistance', () => {
  it('names limits and distances', () => {
    expect(limitText(4, 'hour')).toBe('4 小时')
    expect(limitText(2, 'day')).toBe('2 个工作日')
    expect(formatDistance(35.4)).toBe('35 米')
    expect(formatDistance(1234)).toBe('1.2 公里')
    expect(formatDistance(null)).toBe('')
  })
})

describe('actionButtons', () => {
  it('gives one button per allowed action, and two for verify', () => {
    expect(actionButtons(['accept', 'return', 'note']).map((b) => b.test)).toEqual(['action-accept', 'action-return', 'action-note'])
    expect(actionButtons(['verify']).map((b) => b.test)).toEqual(['action-verify-pass', 'action-verify-fail'])
    expect(actionButtons(['request_extension', 'rule_extension', 'rule_return']).map((b) => b.test)).toEqual([
      'action-extension',
      'action-rule-extension',
      'action-rule-return',
    ])
  })
  it('names each button with the server’s words: the action’s, or the step 核查 writes', () => {
    const names = { action: (a: string) => ({ accept: '签收', hand_down: '下派' })[a] ?? '?', event: (k: string) => ({ verified_fail: '核查不通过（返工）' })[k] ?? '?' }
    expect(actionButtons(['accept', 'hand_down'], names).map((b) => b.label)).toEqual(['签收', '下派'])
    expect(actionButton('verify_fail', names).label).toBe('核查不通过（返工）')
  })
  it('skips actions it does not know', () => {
    expect(actionButtons(['fly', 'merge'])).toHaveLength(1)
    expect(actionButtons(undefined)).toEqual([])
  })
})

describe('caseColor', () => {
  it('colours overdue cases red whatever their state', () => {
    expect(caseColor('handling', true)).toBe(OVERDUE_COLOR)
    expect(caseColor('handling', false)).not.toBe(OVERDUE_COLOR)
    expect(caseColor('new', false)).not.toBe(caseColor('handling', false))
  })
})

describe('caseSourcesFor', () => {
  it('lets the office enter hotline orders, media and supervision', () => {
    expect(caseSourcesFor(['office_staff'])).toEqual(['hotline', 'media', 'supervision', 'cadre_snap'])
  })
  it('lets inspectors enter supervision and patrol, and cadres snap', () => {
    expect(caseSourcesFor(['inspector'])).toEqual(['supervision', 'patrol'])
    expect(caseSourcesFor(['grid_worker'])).toEqual(['cadre_snap'])
    expect(caseSourcesFor(['unit_liaison'])).toEqual(['cadre_snap'])
    expect(caseSourcesFor(['inspector', 'unit_head'])).toEqual(['supervision', 'patrol', 'cadre_snap'])
  })
})

describe('categoryGroups', () => {
  it('groups by top-level category, with deeper ones named by their path', () => {
    const groups = categoryGroups([
      { id: 1, name: '事件', parentId: null },
      { id: 2, name: '乱扔垃圾', parentId: 1 },
      { id: 3, name: '部件', parentId: null },
      { id: 4, name: '公共设施', parentId: 3 },
      { id: 5, name: '井盖', parentId: 4 },
      { id: 6, name: '其他', parentId: null },
    ])
    expect(groups).toEqual([
      { id: 1, label: '事件', options: [{ id: 2, label: '乱扔垃圾' }] },
      { id: 3, label: '部件', options: [{ id: 5, label: '公共设施 / 井盖' }] },
      { id: 6, label: '其他', options: [{ id: 6, label: '其他' }] },
    ])
  })
  it('treats a category whose parent is missing as top-level', () => {
    expect(categoryGroups([{ id: 2, name: '乱扔垃圾', parentId: 99 }])).toEqual([
      { id: 2, label: '乱扔垃圾', options: [{ id: 2, label: '乱扔垃圾' }] },
    ])
  })
})

describe('newClientKey', () => {
  afterEach(() => vi.unstubAllGlobals())
  it('makes a UUID, also where randomUUID is missing (plain HTTP)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    expect(newClientKey()).toMatch(uuid)
    const real = globalThis.crypto
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array<ArrayBuffer>) => real.getRandomValues(b) })
    const a = newClientKey()
    expect(a).toMatch(uuid)
    expect(newClientKey()).not.toBe(a)
  })
})

describe('caseDetailPoints', () => {
  const photo = (name: string, fileId: number) => ({
    fileId, name, phase: 'before', takenAt: null, lat: 36.5, lng: 105.0, receivedAt: '2026-03-02T01:00:00Z', width: 800, height: 600,
    thumbUrl: '', url: '', distanceMeters: null,
  })
  // Names a resident may give a photo: each must reach the office's map popup as the text it is.
  it.each([
    ['<base href=//evil.example>x.jpg', 'base'],
    ['<img src=x onerror=alert(1)>.jpg', 'img'],
    ['<a href="https://evil.example">看这里</a>.png', 'a'],
    ['"><form action=//evil.example><button>登录</button></form>.jpg', 'form'],
  ])('quotes the photo name %s as text, not as <%s>', (name, tag) => {
    const points = caseDetailPoints({
      id: 7, lat: 36.5, lng: 105.0, state: 'handling', overdue: false,
      beforePhotos: [photo(name, 11)], afterPhotos: [photo(name, 12)],
    })
    expect(points.map((p) => p.id)).toEqual([7, 11, 12])
    for (const [i, label] of [[1, '整改前照片'], [2, '整改后照片']] as const) {
      // Leaflet puts a string popup into the page as HTML, exactly so.
      const box = document.createElement('div')
      box.innerHTML = points[i]!.popup!
      expect(box.querySelector(tag)).toBeNull()
      expect(box.children.length).toBe(0)
      expect(box.textContent).toBe(`${label}：${name}`)
    }
  })

  it('draws no photo without a place, and no case without one', () => {
    const points = caseDetailPoints({
      id: 7, lat: null, lng: null, state: 'handling', overdue: true,
      beforePhotos: [{ ...photo('a.jpg', 11), lat: null, lng: null }], afterPhotos: [photo('b.jpg', 12)],
    })
    expect(points.map((p) => [p.id, p.popup])).toEqual([[12, '整改后照片：b.jpg']])
  })
})
