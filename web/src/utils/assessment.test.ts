import { describe, expect, it } from 'vitest'
import type { Framework, PointCategory } from '@/api/types'
import {
  defaultRoundDates, inspectorRows, parseSeed, progressPercent, rateRows, ratesInput, roundFrameworks, roundStatusTag, sampleInput, sampleProblems, sampleRows,
  sampleTotal, type RateRow,
} from './assessment'

const category = (id: number, name: string, pointCount: number, sort = id, active = true): PointCategory => ({
  id, name, description: '', sort, active, pointCount, checks: [], jurisdictionId: 1, jurisdictionName: '会宁县', editable: true,
})

describe('rounds', () => {
  it('tags the status', () => {
    expect(roundStatusTag('draft')).toEqual({ label: '草稿', type: 'info' })
    expect(roundStatusTag('drawn').label).toBe('已抽取')
    expect(roundStatusTag('closed').label).toBe('已结束')
  })

  it('measures progress as whole percentages', () => {
    expect(progressPercent(1, 3)).toBe(33)
    expect(progressPercent(3, 3)).toBe(100)
    expect(progressPercent(0, 0)).toBe(0)
    expect(progressPercent(5, 3)).toBe(100)
  })

  it('lists inspectors with their progress, the least advanced first', () => {
    const rows = inspectorRows({ inspectors: [{ userId: 1, name: '张三', assigned: 4, done: 4 }, { userId: 2, name: '李四', assigned: 4, done: 1 }, { userId: 3, name: '王五', assigned: 0, done: 0 }] })
    expect(rows.map((r) => [r.name, r.percent])).toEqual([['王五', 0], ['李四', 25], ['张三', 100]])
  })

  it('reads the seed: empty is none, whole numbers only', () => {
    expect(parseSeed('')).toBeNull()
    expect(parseSeed('  ')).toBeNull()
    expect(parseSeed(null)).toBeNull()
    expect(parseSeed(' 20261124 ')).toBe(20261124)
    expect(parseSeed('-7')).toBe(-7)
    expect(parseSeed('1.5')).toBeNaN()
    expect(parseSeed('abc')).toBeNaN()
  })

  it('offers frozen main frameworks and the current one, newest first', () => {
    const fw = (id: number, kind: 'main' | 'minors', status: 'draft' | 'frozen') => ({ id, kind, status }) as Framework
    const list = [fw(1, 'main', 'frozen'), fw(2, 'main', 'draft'), fw(3, 'minors', 'frozen'), fw(4, 'main', 'draft'), fw(5, 'main', 'frozen')]
    expect(roundFrameworks(list, 4).map((f) => f.id)).toEqual([5, 4, 1])
    expect(roundFrameworks(list, undefined).map((f) => f.id)).toEqual([5, 1])
  })
})

describe('the sample table', () => {
  const categories = [category(2, '农贸市场', 8, 20), category(1, '公交站点', 12, 10), category(3, '停用类别', 4, 30, false)]

  it('lists every active category in order with 0 to draw, and a round’s sample sizes when it has them', () => {
    expect(sampleRows(categories)).toEqual([
      { categoryId: 1, categoryName: '公交站点', available: 12, sampleSize: 0, active: true },
      { categoryId: 2, categoryName: '农贸市场', available: 8, sampleSize: 0, active: true },
    ])
    const rows = sampleRows(categories, [
      { categoryId: 2, categoryName: '农贸市场', sampleSize: 3, available: 7 },
      { categoryId: 3, categoryName: '停用类别', sampleSize: 1, available: 4 },
      { categoryId: 9, categoryName: '已删除', sampleSize: 2, available: 2 },
    ])
    expect(rows.map((r) => [r.categoryName, r.sampleSize, r.available])).toEqual([
      ['公交站点', 0, 12],
      ['农贸市场', 3, 7],
      ['停用类别', 1, 4],
      ['已删除', 2, 2],
    ])
  })

  it('sends only the sampled categories and counts them', () => {
    const rows = sampleRows(categories)
    rows[0].sampleSize = 5
    expect(sampleInput(rows).map(({ categoryId, sampleSize }) => ({ categoryId, sampleSize }))).toEqual([{ categoryId: 1, sampleSize: 5 }])
    expect(sampleTotal(rows)).toBe(5)
    expect(sampleProblems(rows)).toEqual({})
  })

  it('refuses sizes that are not whole numbers ≥ 0 or exceed the points available', () => {
    const rows = sampleRows(categories)
    rows[0].sampleSize = 13
    rows[1].sampleSize = 1.5
    expect(sampleProblems(rows)).toEqual({ 1: '只有 12 个点位可抽', 2: '请填写 0 或正整数' })
    rows[1].sampleSize = -1
    expect(sampleProblems(rows)[2]).toBe('请填写 0 或正整数')
  })
})

describe('rates entered by hand', () => {
  it('edits rates as percentages and sends them as 0–1', () => {
    const rows = rateRows([{ part: 'main', standardCode: '1.1.1.1', method: 'survey', rate: 0.855, note: '问卷 300 份', enteredBy: '张三', enteredAt: '' }])
    expect(rows).toEqual([{ part: 'main', standardCode: '1.1.1.1', method: 'survey', percent: 85.5, note: '问卷 300 份' }])
    expect(ratesInput(rows)).toEqual({ rates: [{ part: 'main', standardCode: '1.1.1.1', method: 'survey', rate: 0.855, note: '问卷 300 份' }], problems: {} })
    expect(rateRows([{ part: 'minors', standardCode: 'M1', method: 'online', rate: 1, note: '', enteredBy: '', enteredAt: '' }])[0].part).toBe('minors')
  })

  it('names each faulty row', () => {
    const row = (standardCode: string, method: RateRow['method'], percent: number | null, part: RateRow['part'] = 'main'): RateRow => ({ part, standardCode, method, percent, note: '' })
    const { rates, problems } = ratesInput([
      row('', 'survey', 50),
      row('1', '', 50),
      row('1', 'online', 120),
      row('1', 'online', null),
      row('2', 'online', 0),
      row('2', 'online', 100),
      row('2', 'online', 100, 'minors'),
    ])
    expect(problems).toEqual({ 0: '请选择测评标准', 1: '请选择测评方法', 2: '得分率应在 0–100 之间', 3: '得分率应在 0–100 之间', 5: '与第 5 行重复' })
    expect(rates).toEqual([
      { part: 'main', standardCode: '2', method: 'online', rate: 0, note: '' },
      { part: 'minors', standardCode: '2', method: 'online', rate: 1, note: '' },
    ])
  })
})

describe('defaultRoundDates', () => {
  it('proposes ten days from today in Beijing time', () => {
    // 2026-11-24 20:00 UTC is already the 25th in Beijing.
    expect(defaultRoundDates(new Date('2026-11-24T20:00:00Z'))).toEqual(['2026-11-25', '2026-12-04'])
  })
})
