import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { CaseSource, CaseState, HeatPoint } from '@/api/types'
import { caseSourceNames, caseStateColors, caseStateNames, caseStateOrder } from './cases'
import type { MapPoint } from './geo'

/** ChartOption is an ECharts option made only of the charts and components the cockpit registers. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

/** ChartTheme is the ECharts theme a chart is drawn in: 'dark' on the big screen, '' (the default look) in the console. */
export type ChartTheme = 'dark' | ''

/** look holds the text, axis, tooltip and label colours of each theme. */
function look(theme: ChartTheme) {
  if (theme === 'dark') {
    return {
      text: '#b8d3f5',
      axisLine: { lineStyle: { color: 'rgba(120, 170, 230, 0.35)' } },
      splitLine: { lineStyle: { color: 'rgba(120, 170, 230, 0.12)' } },
      tooltip: { backgroundColor: 'rgba(8, 24, 48, 0.92)', borderColor: '#1f6feb', textStyle: { color: '#e6f0ff' } } as TooltipComponentOption,
      label: '#e6f0ff',
      ringBorder: '#0b1a33',
    }
  }
  return {
    text: '#606266',
    axisLine: { lineStyle: { color: '#dcdfe6' } },
    splitLine: { lineStyle: { color: '#ebeef5' } },
    tooltip: {} as TooltipComponentOption,
    label: '#303133',
    ringBorder: '#ffffff',
  }
}

/** stateOption is the bar chart of open and closed cases by state, in the flow's order. */
export function stateOption(
  byState: Partial<Record<CaseState, number>>,
  nameOf: (code: string) => string = (c) => caseStateNames[c as CaseState] ?? c,
  theme: ChartTheme = 'dark',
): ChartOption {
  const { text, axisLine, splitLine, tooltip, label } = look(theme)
  const known = caseStateOrder.filter((s) => s in byState)
  const extra = Object.keys(byState).filter((s) => !caseStateOrder.includes(s as CaseState)) as CaseState[]
  const states = [...known, ...extra]
  return {
    backgroundColor: 'transparent',
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 12, top: 16, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: states.map(nameOf), axisLine, axisLabel: { color: text, interval: 0, fontSize: 12 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: text }, splitLine },
    series: [
      {
        type: 'bar',
        name: '案件数',
        barMaxWidth: 28,
        data: states.map((s) => ({ value: byState[s] ?? 0, itemStyle: { color: caseStateColors[s] ?? '#4fa3ff', borderRadius: [3, 3, 0, 0] } })),
        label: { show: true, position: 'top', color: label },
      },
    ],
  }
}

const sourcePalette = ['#4fa3ff', '#22d3ee', '#a78bfa', '#f59e0b', '#34d399', '#f472b6', '#f87171', '#94a3b8']

/** sourceOption is the ring chart of cases by where they came from. */
export function sourceOption(
  bySource: Partial<Record<CaseSource, number>>,
  nameOf: (code: string) => string = (c) => caseSourceNames[c as CaseSource] ?? c,
  theme: ChartTheme = 'dark',
): ChartOption {
  const { text, tooltip, ringBorder } = look(theme)
  const data = Object.entries(bySource)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([code, n]) => ({ name: nameOf(code), value: n ?? 0 }))
  return {
    backgroundColor: 'transparent',
    color: sourcePalette,
    tooltip: { ...tooltip, trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { orient: 'vertical', right: 4, top: 'middle', textStyle: { color: text, fontSize: 12 }, itemWidth: 10, itemHeight: 10 },
    series: [
      {
        type: 'pie',
        name: '案件来源',
        radius: ['42%', '70%'],
        center: ['36%', '50%'],
        data,
        label: { show: false },
        itemStyle: { borderColor: ringBorder, borderWidth: 2 },
      },
    ],
  }
}

/** trendOption is the 30-day line of cases taken in against cases closed. */
export function trendOption(trend: { date: string; intake: number; closed: number }[], theme: ChartTheme = 'dark'): ChartOption {
  const { text, axisLine, splitLine, tooltip } = look(theme)
  return {
    backgroundColor: 'transparent',
    tooltip: { ...tooltip, trigger: 'axis' },
    legend: { top: 0, right: 8, textStyle: { color: text }, data: ['受理', '办结'] },
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((d) => d.date.slice(5)), axisLine, axisLabel: { color: text } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: text }, splitLine },
    series: [
      { type: 'line', name: '受理', smooth: true, symbolSize: 5, data: trend.map((d) => d.intake), itemStyle: { color: '#4fa3ff' }, areaStyle: { color: 'rgba(79, 163, 255, 0.15)' } },
      { type: 'line', name: '办结', smooth: true, symbolSize: 5, data: trend.map((d) => d.closed), itemStyle: { color: '#22c55e' }, areaStyle: { color: 'rgba(34, 197, 94, 0.12)' } },
    ],
  }
}

/** heatPoints draw the heat layer as translucent circles: the heavier a cell, the bigger and redder its circle. */
export function heatPoints(heat: readonly HeatPoint[]): MapPoint[] {
  const max = Math.max(1, ...heat.map((h) => h.weight))
  return heat
    .filter((h) => Number.isFinite(h.lat) && Number.isFinite(h.lng) && h.weight > 0)
    .map((h, i) => {
      const share = h.weight / max
      return {
        id: i,
        lat: h.lat,
        lng: h.lng,
        radius: Math.round(6 + Math.sqrt(share) * 22),
        color: share > 0.66 ? '#ef4444' : share > 0.33 ? '#f97316' : '#facc15',
        fillOpacity: 0.25 + share * 0.3,
        ring: false,
        popup: `未结案件 ${h.weight} 件`,
      }
    })
}


/** pointMarks draws the field points as small dots: green when last passed, red when last failed, grey before any patrol. */
export function pointMarks(points: readonly { lat: number; lng: number; lastResult: string | null }[]): MapPoint[] {
  return points
    .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng))
    .map((p, i) => ({
      id: -1 - i,
      lat: p.lat,
      lng: p.lng,
      radius: 3,
      color: p.lastResult === 'fail' ? '#ef4444' : p.lastResult === 'pass' ? '#22c55e' : '#94a3b8',
      fillOpacity: 0.9,
      ring: false,
    }))
}
