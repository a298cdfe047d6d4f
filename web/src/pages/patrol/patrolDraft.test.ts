import { beforeEach, describe, expect, it } from 'vitest'
import type { Check } from '@/api/types'
import {
  activeChecks, clearDraft, distanceText, draftKey, emptyResult, findDraftByToken, formatMeters, isFar, loadDraft, newDraft,
  patrolInput, problems, progressOf, saveDraft, type DraftPoint, type DraftResult,
} from './patrolDraft'

const check = (id: number, seq: number, active = true): Check => ({
  id,
  seq,
  text: `检查项 ${id}`,
  severity: 'minor',
  caseCategoryId: 1,
  caseCategoryName: '乱扔垃圾',
  standardCodes: ['3.2.1.4'],
  active,
})
const checks = [check(11, 1), check(12, 2), check(13, 3)]
const photo = (fileId: number) => ({ fileId, url: `/api/v1/files/${fileId}?size=thumb`, name: `${fileId}.jpg` })
const judged = (result: DraftResult['result'], over: Partial<DraftResult> = {}): DraftResult => ({ ...emptyResult(), result, ...over })
const point: DraftPoint = { id: 5, code: 'DW001', name: '人民广场', categoryName: '广场', address: '人民路', lat: 30.5, lng: 120.5, qrToken: 'tok-5', checks }

beforeEach(() => localStorage.clear())

describe('draft storage', () => {
  it('keys a draft by point and round', () => {
    expect(draftKey(5, null)).toBe('wenming.patrol.draft.5')
    expect(draftKey(5, 3)).toBe('wenming.patrol.draft.5.r3')
  })

  it('makes a clientKey and a start time once per draft', () => {
    const d = newDraft(5, 3, new Date('2026-06-01T02:00:00Z'))
    expect(d.clientKey).toMatch(/^[0-9a-f-]{36}$/)
    expect(d.startedAt).toBe('2026-06-01T02:00:00.000Z')
    expect(newDraft(5, 3).clientKey).not.toBe(d.clientKey)
  })

  it('saves and restores the whole draft, each round apart, and clears it', () => {
    const d = newDraft(5, 3)
    d.results[11] = judged('fail', { note: '垃圾满溢', photos: [photo(41)] })
    d.results[12] = judged('pass')
    d.note = '上午巡查'
    d.lat = 30.5001
    d.lng = 120.5
    d.point = point
    saveDraft(d)

    expect(loadDraft(5, 3)).toEqual(d)
    expect(loadDraft(5, null)).toBeNull()
    expect(loadDraft(6, 3)).toBeNull()
    clearDraft(5, 3)
    expect(loadDraft(5, 3)).toBeNull()
  })

  it('gives nothing for a damaged draft, and drops damaged parts of a readable one', () => {
    localStorage.setItem(draftKey(5, null), '{not json')
    expect(loadDraft(5, null)).toBeNull()
    localStorage.setItem(draftKey(5, null), JSON.stringify({ pointId: 5 }))
    expect(loadDraft(5, null)).toBeNull()
    localStorage.setItem(
      draftKey(5, null),
      JSON.stringify({ clientKey: 'k', pointId: 5, results: { 11: { result: 'maybe', photos: [{ fileId: 'x' }, photo(42)] } } }),
    )
    const d = loadDraft(5, null)!
    expect(d.results[11]).toEqual({ result: null, note: '', photos: [photo(42)] })
    expect(d.roundId).toBeNull()
    expect(d.point).toBeNull()
  })

  it('finds the draft of a QR token, for a reload without signal', () => {
    const d = newDraft(5, null)
    d.point = point
    saveDraft(d)
    localStorage.setItem('other', 'x')
    expect(findDraftByToken('tok-5', null)?.clientKey).toBe(d.clientKey)
    expect(findDraftByToken('tok-5', 3)).toBeNull()
    expect(findDraftByToken('tok-6', null)).toBeNull()
  })
})

describe('form rules', () => {
  it('lists the active checks in the checklist’s order', () => {
    expect(activeChecks([check(3, 3), check(1, 1), check(2, 2, false)]).map((c) => c.id)).toEqual([1, 3])
  })

  it('counts the judged checks', () => {
    expect(progressOf(checks, {})).toEqual({ done: 0, total: 3 })
    expect(progressOf(checks, { 11: judged('pass'), 12: judged(null), 13: judged('na') })).toEqual({ done: 2, total: 3 })
  })

  it('says what is missing, in Chinese, until every check is judged and every fail has a photo', () => {
    expect(problems(checks, {})).toEqual(['还有 3 项未检查（第 1 项、第 2 项、第 3 项）'])
    expect(problems(checks, { 11: judged('fail'), 12: judged('pass') })).toEqual([
      '还有 1 项未检查（第 3 项）',
      '第 1 项判为不合格，须拍照（至少 1 张）',
    ])
    expect(problems(checks, { 11: judged('fail', { photos: [photo(41)] }), 12: judged('pass'), 13: judged('na') })).toEqual([])
    expect(problems(checks, { 11: judged('fail', { photos: [photo(41)] }), 12: judged('pass'), 13: judged('na') }, 1)).toEqual([
      '照片正在上传，请稍候',
    ])
    expect(problems([], {})).toEqual(['此点位没有检查项，无法提交'])
  })

  it('builds the post: one result per check, photos and notes only for fails', () => {
    const d = newDraft(5, 3)
    d.startedAt = '2026-06-01T02:00:00.000Z'
    d.lat = 30.5
    d.lng = 120.5
    d.note = ' 上午 '
    d.results = {
      11: judged('fail', { note: ' 垃圾满溢 ', photos: [photo(41), photo(42)] }),
      12: judged('pass', { note: '先前写的', photos: [photo(43)] }),
      13: judged('na'),
      99: judged('fail', { photos: [photo(44)] }),
    }
    expect(patrolInput(d, checks)).toEqual({
      clientKey: d.clientKey,
      pointId: 5,
      roundId: 3,
      lat: 30.5,
      lng: 120.5,
      startedAt: '2026-06-01T02:00:00.000Z',
      note: '上午',
      results: [
        { checkId: 11, result: 'fail', note: '垃圾满溢', fileIds: [41, 42] },
        { checkId: 12, result: 'pass', note: '', fileIds: [] },
        { checkId: 13, result: 'na', note: '', fileIds: [] },
      ],
    })
  })
})

describe('distance', () => {
  it('shows metres, then kilometres', () => {
    expect(formatMeters(null)).toBe('')
    expect(formatMeters(34.6)).toBe('35 米')
    expect(formatMeters(1234)).toBe('1.2 公里')
    expect(formatMeters(23456)).toBe('23 公里')
    expect(distanceText(35)).toBe('距点位 35 米')
    expect(distanceText(null)).toBe('')
  })

  it('warns beyond 200 m', () => {
    expect(isFar(200)).toBe(false)
    expect(isFar(201)).toBe(true)
    expect(isFar(null)).toBe(false)
  })
})
