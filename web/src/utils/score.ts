import type { Id, NodeGrade, NodeLevel, NodePart, NodeScore, PatrolResult, ScoreMinors, ScoreTrendItem, StandardScore } from '@/api/types'
import type { ChartOption, ChartTheme } from './cockpit'
import { compareCodes } from './frameworkTree'
import type { TagType } from './submission'

/** EMPTY is how a figure without data shows: never as 0. */
export const EMPTY = '—'

/** trim drops trailing zeros: 85.60 → 85.6, 3.00 → 3. */
const trim = (v: number, digits: number) => String(Number(v.toFixed(digits)))

/** formatPercent shows a 0–1 rate as a percentage with at most `digits` decimals: 0.856 → 85.6%; null as —. */
export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate == null || !Number.isFinite(rate)) return EMPTY
  return `${trim(rate * 100, digits)}%`
}

/** formatPoints shows points with at most `digits` decimals: 8.456 → 8.46; null as —. */
export function formatPoints(points: number | null | undefined, digits = 2): string {
  if (points == null || !Number.isFinite(points)) return EMPTY
  return trim(points, digits)
}

/** pointsOfMax shows points against their maximum: "8.5 / 10"; without data "— / 10". */
export function pointsOfMax(points: number | null | undefined, max: number | null | undefined, digits = 2): string {
  return `${formatPoints(points, digits)} / ${formatPoints(max, digits)}`
}

export interface RateChange {
  /** text is the change in percentage points: ↑3.2 / ↓1.5, or — without a previous rate (or no change). */
  text: string
  direction: 'up' | 'down' | 'same'
}

/** rateChange compares a rate with the previous round's, in percentage points. */
export function rateChange(rate: number | null | undefined, previous: number | null | undefined): RateChange {
  if (rate == null || previous == null) return { text: EMPTY, direction: 'same' }
  const diff = Number(((rate - previous) * 100).toFixed(1))
  if (diff > 0) return { text: `↑${diff}`, direction: 'up' }
  if (diff < 0) return { text: `↓${-diff}`, direction: 'down' }
  return { text: '持平', direction: 'same' }
}

/** ScoreRow is one row of the score tree: an item, indicator or content (levels 1–3), or a standard (4). */
export interface ScoreRow {
  /** key is unique in the tree: n:<code> for nodes, s:<code> for standards. */
  key: string
  kind: 'node' | 'standard'
  level: NodeLevel | 4
  code: string
  /** name is the node's name or the standard's text. */
  name: string
  part: NodePart | ''
  rate: number | null
  points: number | null
  max: number | null
  grade: NodeGrade
  deducted: number
  pointsLost: number | null
  node?: NodeScore
  standard?: StandardScore
  children?: ScoreRow[]
}

/**
 * isCodePrefix tells whether parent's code starts child's code at a boundary: "1.2" of "1.2.3", "A" of "A1",
 * but not "1" of "10.1".
 */
export function isCodePrefix(parent: string, child: string): boolean {
  if (!parent || child.length <= parent.length || !child.startsWith(parent)) return false
  const last = parent[parent.length - 1]
  const next = child[parent.length]
  if (/[.\-_/\s·、]/.test(next) || /[.\-_/\s·、]/.test(last)) return true
  return /\d/.test(last) !== /\d/.test(next)
}

/**
 * buildScoreTree nests a score's nodes (which carry codes and levels, not parent ids) and puts each standard
 * under its content (contentCode). A node's parent is the node one level up whose code prefixes its own
 * (the longest such), else the nearest one before it in the server's order; siblings go in natural code order.
 * Nodes or standards whose parent is missing become roots rather than being lost.
 */
export function buildScoreTree(nodes: readonly NodeScore[], standards: readonly StandardScore[]): ScoreRow[] {
  const seen = new Set<string>()
  const uniqueKey = (base: string) => {
    let key = base
    for (let i = 2; seen.has(key); i++) key = `${base}#${i}`
    seen.add(key)
    return key
  }
  const rows: ScoreRow[] = nodes.map((n) => ({
    key: uniqueKey(`n:${n.code}`),
    kind: 'node',
    level: n.level,
    code: n.code,
    name: n.name,
    part: n.part ?? '',
    rate: n.rate ?? null,
    points: n.points ?? null,
    max: n.max ?? null,
    grade: n.grade ?? '',
    deducted: n.deducted ?? 0,
    pointsLost: null,
    node: n,
  }))
  const roots: ScoreRow[] = []
  rows.forEach((row, i) => {
    const level = row.level
    let parent: ScoreRow | undefined
    if (level > 1) {
      const byCode = rows
        .filter((p) => p.level === level - 1 && isCodePrefix(p.code, row.code))
        .sort((a, b) => b.code.length - a.code.length)[0]
      parent = byCode ?? rows.slice(0, i).reverse().find((p) => p.level === level - 1)
    }
    if (parent) (parent.children ??= []).push(row)
    else roots.push(row)
  })
  const contents = new Map<string, ScoreRow>()
  for (const r of rows) if (!contents.has(r.code) || r.level === 3) contents.set(r.code, r)
  for (const s of standards) {
    const row: ScoreRow = {
      key: uniqueKey(`s:${s.code}`),
      kind: 'standard',
      level: 4,
      code: s.code,
      name: s.text,
      part: '',
      rate: s.rate ?? null,
      points: null,
      max: null,
      grade: '',
      deducted: 0,
      pointsLost: s.pointsLost ?? null,
      standard: s,
    }
    const parent = s.contentCode ? contents.get(s.contentCode) : undefined
    if (parent) {
      row.part = parent.part
      ;(parent.children ??= []).push(row)
    } else roots.push(row)
  }
  const sort = (list: ScoreRow[]) => {
    list.sort((a, b) => (a.kind === b.kind ? compareCodes(a.code, b.code) : a.kind === 'node' ? -1 : 1))
    list.forEach((r) => r.children && sort(r.children))
  }
  sort(roots)
  return roots
}

/** flattenScoreTree lists every row of the tree, parents before their children. */
export function flattenScoreTree(tree: readonly ScoreRow[]): ScoreRow[] {
  return tree.flatMap((r) => [r, ...flattenScoreTree(r.children ?? [])])
}

/** partTotals are the full marks of the basic and special parts: the sums of their items' weights. */
export function partTotals(nodes: readonly NodeScore[]): { basic: number; special: number } {
  const sum = (part: NodePart) =>
    Number(nodes.filter((n) => n.level === 1 && n.part === part).reduce((s, n) => s + (n.weight || 0), 0).toFixed(4))
  return { basic: sum('basic'), special: sum('special') }
}

const gradeTags: Record<Exclude<NodeGrade, ''>, TagType> = { A: 'success', B: 'warning', C: 'danger' }

/** gradeTag is a grade-mode content's grade as an el-tag; null when it has none. */
export function gradeTag(grade: string | null | undefined): { label: string; type: TagType } | null {
  if (grade !== 'A' && grade !== 'B' && grade !== 'C') return null
  return { label: grade, type: gradeTags[grade] }
}

/** MinorsGate reads the minors' framework's result against its gate: 达标, 未达标, or no data yet. */
export interface MinorsGate {
  text: string
  state: 'pass' | 'fail' | 'none'
}

export function minorsGate(minors: ScoreMinors | null | undefined): MinorsGate | null {
  if (!minors) return null
  const gate = minors.gate == null ? '' : `（门槛 ${formatPoints(minors.gate)} 分）`
  if (minors.passed == null) return { text: `暂无数据${gate}`, state: 'none' }
  return minors.passed ? { text: `达标${gate}`, state: 'pass' } : { text: `未达标${gate}`, state: 'fail' }
}

/** evidenceText sums up what a standard's rate is made of: 实地 3 合格 / 1 不合格, 数据 85（达标）, 材料 60%, 问卷 80%. */
export function evidenceText(s: StandardScore, methodName: (code: string) => string = (c) => c): string {
  const parts: string[] = []
  if (s.field) parts.push(`实地 ${s.field.pass} 合格 / ${s.field.fail} 不合格${s.field.na ? ` / ${s.field.na} 不适用` : ''}`)
  if (s.target) parts.push(`数据 ${formatPoints(s.target.value)}（${s.target.met ? '达标' : '未达标'}）`)
  if (s.material != null) parts.push(`材料 ${formatPercent(s.material)}`)
  for (const [method, rate] of Object.entries(s.manual ?? {})) {
    if (rate != null) parts.push(`${methodName(method)} ${formatPercent(rate)}`)
  }
  return parts.join('；')
}

/** trendOption is the line of totals over the closed rounds (and the live score last). */
export function scoreTrendOption(items: readonly ScoreTrendItem[], theme: ChartTheme = ''): ChartOption {
  const dark = theme === 'dark'
  const text = dark ? '#b8d3f5' : '#606266'
  const axisLine = { lineStyle: { color: dark ? 'rgba(120, 170, 230, 0.35)' : '#dcdfe6' } }
  const splitLine = { lineStyle: { color: dark ? 'rgba(120, 170, 230, 0.12)' : '#ebeef5' } }
  const withCombined = items.some((i) => i.combined != null)
  const series: ChartOption['series'] = [
    { type: 'line', name: '总分', smooth: true, symbolSize: 7, data: items.map((i) => i.total), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'top', color: text } },
    { type: 'line', name: '基本指标', smooth: true, symbolSize: 5, data: items.map((i) => i.basic), itemStyle: { color: '#22c55e' } },
    { type: 'line', name: '特色指标', smooth: true, symbolSize: 5, data: items.map((i) => i.special), itemStyle: { color: '#f59e0b' } },
  ]
  if (withCombined) series.push({ type: 'line', name: '综合得分', smooth: true, symbolSize: 5, connectNulls: true, data: items.map((i) => i.combined), itemStyle: { color: '#a855f7' } })
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis' },
    legend: { top: 0, right: 8, textStyle: { color: text }, data: ['总分', '基本指标', '特色指标', ...(withCombined ? ['综合得分'] : [])] },
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: items.map((i) => (i.roundId == null ? `${i.name || '实时'}` : i.name)), axisLine, axisLabel: { color: text } },
    yAxis: { type: 'value', scale: true, axisLabel: { color: text }, splitLine },
    series,
  }
}

/** ObservationsTarget is what the observations drawer lists: the observations behind a standard, a unit or a region. */
export interface ObservationsTarget {
  title: string
  standardCode?: string
  unitId?: Id
  regionId?: Id
  /** result is the filter the drawer opens with ('' = every result). */
  result?: PatrolResult | ''
}

/**
 * coverage is what a score measured: the points of the contents with data and the share of them earned. A round that
 * visits a few points scores low on 100; this says how much of the 100 it actually looked at.
 */
export function coverage(nodes: readonly NodeScore[], total: number): { assessed: number; rate: number | null } {
  const assessed = Number(nodes.filter((n) => n.level === 1).reduce((s, n) => s + (n.max || 0), 0).toFixed(4))
  return { assessed, rate: assessed > 0 ? Math.min(1, total / assessed) : null }
}
