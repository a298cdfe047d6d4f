import { describe, expect, it } from 'vitest'
import type { NodeScore, ScoreMinors, ScoreTrendItem, StandardScore } from '@/api/types'
import {
  buildScoreTree, coverage, EMPTY, evidenceText, flattenScoreTree, formatPercent, formatPoints, gradeTag, isCodePrefix, minorsGate, partTotals,
  pointsOfMax, rateChange, scoreTrendOption, type ScoreRow,
} from './score'

function node(code: string, level: 1 | 2 | 3, extra: Partial<NodeScore> = {}): NodeScore {
  return { code, name: `节点${code}`, level, part: 'basic', weight: 1, points: null, max: 0, rate: null, grade: '', deducted: 0, ...extra }
}
function std(code: string, contentCode: string, extra: Partial<StandardScore> = {}): StandardScore {
  return {
    code, text: `标准${code}`, contentCode, methods: ['field'], rate: null, pointsLost: null, field: null, target: null, material: null,
    manual: {}, previousRate: null, ...extra,
  }
}
/** shape renders a tree as nested codes, to compare whole trees at once. */
const shape = (rows: ScoreRow[]): unknown[] => rows.map((r) => (r.children ? { [r.code]: shape(r.children) } : r.code))

describe('formatting', () => {
  it('shows rates as percentages with at most one decimal, and null as —', () => {
    expect(formatPercent(0.856)).toBe('85.6%')
    expect(formatPercent(1)).toBe('100%')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(0.12345, 2)).toBe('12.35%')
    expect(formatPercent(null)).toBe(EMPTY)
    expect(formatPercent(undefined)).toBe('—')
    expect(formatPercent(Number.NaN)).toBe('—')
  })

  it('shows points with at most two decimals, null as —, and points against their maximum', () => {
    expect(formatPoints(8.456)).toBe('8.46')
    expect(formatPoints(3)).toBe('3')
    expect(formatPoints(0)).toBe('0')
    expect(formatPoints(null)).toBe('—')
    expect(pointsOfMax(8.5, 10)).toBe('8.5 / 10')
    expect(pointsOfMax(null, 10)).toBe('— / 10')
    expect(pointsOfMax(0, 0)).toBe('0 / 0')
  })

  it('compares a rate with the previous one in percentage points', () => {
    expect(rateChange(0.9, 0.85)).toEqual({ text: '↑5', direction: 'up' })
    expect(rateChange(0.801, 0.85)).toEqual({ text: '↓4.9', direction: 'down' })
    expect(rateChange(0.5, 0.5)).toEqual({ text: '持平', direction: 'same' })
    expect(rateChange(0.5, null)).toEqual({ text: '—', direction: 'same' })
    expect(rateChange(null, 0.5)).toEqual({ text: '—', direction: 'same' })
  })

  it('tags grades A, B and C and nothing else', () => {
    expect(gradeTag('A')).toEqual({ label: 'A', type: 'success' })
    expect(gradeTag('C')?.type).toBe('danger')
    expect(gradeTag('')).toBeNull()
    expect(gradeTag(null)).toBeNull()
  })
})

describe('isCodePrefix', () => {
  it('matches a parent code at a boundary only', () => {
    expect(isCodePrefix('1.2', '1.2.3')).toBe(true)
    expect(isCodePrefix('A', 'A1')).toBe(true)
    expect(isCodePrefix('A1', 'A1-2')).toBe(true)
    expect(isCodePrefix('1', '10.1')).toBe(false)
    expect(isCodePrefix('1.2', '1.2')).toBe(false)
    expect(isCodePrefix('', '1')).toBe(false)
  })
})

describe('buildScoreTree', () => {
  it('nests nodes by code and level and puts standards under their content, in natural code order', () => {
    const nodes = [
      node('2', 1),
      node('1', 1),
      node('1.10', 2),
      node('1.2', 2),
      node('1.2.1', 3),
      node('1.10.1', 3),
      node('10', 1),
      node('10.1', 2),
    ]
    const standards = [std('1.2.1.2', '1.2.1'), std('1.2.1.1', '1.2.1'), std('1.10.1.1', '1.10.1')]
    const tree = buildScoreTree(nodes, standards)
    expect(shape(tree)).toEqual([
      { '1': [{ '1.2': [{ '1.2.1': ['1.2.1.1', '1.2.1.2'] }] }, { '1.10': [{ '1.10.1': ['1.10.1.1'] }] }] },
      '2',
      { '10': ['10.1'] },
    ])
    const std121 = flattenScoreTree(tree).find((r) => r.code === '1.2.1.1')!
    expect(std121).toMatchObject({ kind: 'standard', level: 4, key: 's:1.2.1.1', name: '标准1.2.1.1' })
  })

  it('falls back to the nearest node one level up in the server order when codes do not nest', () => {
    const nodes = [node('一', 1), node('甲', 2), node('子', 3), node('二', 1), node('乙', 2)]
    const tree = buildScoreTree(nodes, [std('S1', '子')])
    expect(shape(tree)).toEqual([{ 一: [{ 甲: [{ 子: ['S1'] }] }] }, { 二: ['乙'] }])
  })

  it('keeps orphans as roots, nodes before standards, with unique keys', () => {
    const tree = buildScoreTree([node('1.1', 2), node('1', 1)], [std('X1', ''), std('X1', 'nope')])
    expect(shape(tree)).toEqual([{ '1': ['1.1'] }, 'X1', 'X1'])
    const keys = flattenScoreTree(tree).map((r) => r.key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('carries the figures: rates, points and max of nodes, points lost of standards, null kept as null', () => {
    const tree = buildScoreTree(
      [node('1', 1, { part: 'special', points: 8.5, max: 10, rate: 0.85 }), node('1.1', 2), node('1.1.1', 3, { grade: 'B', deducted: 1 })],
      [std('1.1.1.1', '1.1.1', { rate: 0.5, pointsLost: 1.25 })],
    )
    const rows = flattenScoreTree(tree)
    expect(rows[0]).toMatchObject({ points: 8.5, max: 10, rate: 0.85, part: 'special' })
    expect(rows[1]).toMatchObject({ points: null, rate: null })
    expect(rows[2]).toMatchObject({ grade: 'B', deducted: 1 })
    expect(rows[3]).toMatchObject({ rate: 0.5, pointsLost: 1.25, points: null, part: 'basic' })
  })
})

describe('partTotals and minorsGate', () => {
  it('adds up the items of each part', () => {
    expect(partTotals([node('1', 1, { weight: 60 }), node('2', 1, { weight: 40 }), node('3', 1, { part: 'special', weight: 20 }), node('1.1', 2, { weight: 60 })])).toEqual({
      basic: 100,
      special: 20,
    })
    expect(partTotals([])).toEqual({ basic: 0, special: 0 })
  })

  it('reads the minors result against its gate', () => {
    const minors = (passed: boolean | null, gate: number | null = 80): ScoreMinors => ({ total: 85, gate, weight: 10, passed, nodes: [], standards: [] })
    expect(minorsGate(null)).toBeNull()
    expect(minorsGate(minors(true))).toEqual({ text: '达标（门槛 80 分）', state: 'pass' })
    expect(minorsGate(minors(false))).toEqual({ text: '未达标（门槛 80 分）', state: 'fail' })
    expect(minorsGate(minors(null, null))).toEqual({ text: '暂无数据', state: 'none' })
  })
})

describe('evidenceText', () => {
  it('sums up field counts, target, material and hand-entered rates', () => {
    const s = std('1', '1', { field: { pass: 3, fail: 1, na: 0 }, target: { value: 92.5, met: true }, material: 0.6, manual: { survey: 0.8 } })
    expect(evidenceText(s, (m) => (m === 'survey' ? '问卷调查' : m))).toBe('实地 3 合格 / 1 不合格；数据 92.5（达标）；材料 60%；问卷调查 80%')
    expect(evidenceText(std('2', '1'))).toBe('')
  })
})

describe('scoreTrendOption', () => {
  const item = (name: string, total: number, roundId: number | null, combined: number | null = null): ScoreTrendItem => ({
    roundId, name, at: '2026-11-01T00:00:00Z', total, basic: total - 10, special: 10, minors: null, combined, eligible: true,
  })

  it('draws total, basic and special over the rounds, the live score last', () => {
    const o = scoreTrendOption([item('第一次', 80, 1), item('实时', 85, null)])
    const xAxis = o.xAxis as { data: string[] }
    expect(xAxis.data).toEqual(['第一次', '实时'])
    const series = o.series as { name: string; data: (number | null)[] }[]
    expect(series.map((s) => s.name)).toEqual(['总分', '基本指标', '特色指标'])
    expect(series[0].data).toEqual([80, 85])
    expect(series[1].data).toEqual([70, 75])
  })

  it('adds the combined score only when some round has one, keeping gaps as null', () => {
    const o = scoreTrendOption([item('一', 80, 1, 81), item('二', 82, 2)])
    const series = o.series as { name: string; data: (number | null)[] }[]
    expect(series.map((s) => s.name)).toContain('综合得分')
    expect(series.at(-1)!.data).toEqual([81, null])
    expect((o.legend as { data: string[] }).data).toContain('综合得分')
  })
})

describe('coverage', () => {
  it('sums the measured points of the items and the share earned', () => {
    const nodes = [
      { code: '1', level: 1, max: 6, points: 4.5 },
      { code: '1.1', level: 2, max: 6, points: 4.5 },
      { code: '2', level: 1, max: 2, points: 1.5 },
    ] as NodeScore[]
    expect(coverage(nodes, 6)).toEqual({ assessed: 8, rate: 0.75 })
    expect(coverage([], 0)).toEqual({ assessed: 0, rate: null })
  })
})
