import { describe, expect, it } from 'vitest'
import type { Task } from '@/api/types'
import { defaultPhases, phaseColumns, phaseLabel, taskFigures, unitNames } from './planBoard'

let nextId = 1
function task(phase: string, deadline: string, overdue = false, over: Partial<Task> = {}): Task {
  const id = nextId++
  return {
    id, planId: 1, seq: id, title: `任务${id}`, content: '', phase, deadline, leadUnits: [], responsibleUnits: [],
    standardCodes: [], progress: 50, overdue, unitProgress: null, unitOverdue: null, ...over,
  }
}

const titles = (tasks: Task[]) => tasks.map((t) => t.title)

describe('phaseColumns', () => {
  it('gives one column per phase, in order, with its months', () => {
    const columns = phaseColumns([], defaultPhases)
    expect(columns.map((c) => c.label)).toEqual(['安排部署 3–6 月', '工作推进 7–10 月', '巩固提升 11–12 月'])
    expect(columns.every((c) => c.tasks.length === 0)).toBe(true)
  })

  it('puts each task in its phase, overdue ones first, then by deadline and sequence', () => {
    const a = task('deploy', '2026-06-30')
    const b = task('deploy', '2026-05-31', true)
    const c = task('deploy', '2026-04-30')
    const d = task('advance', '2026-08-31')
    const e = task('deploy', '2026-06-30', true)
    const f = task('deploy', '2026-04-30', false, { seq: 0 })
    const columns = phaseColumns([a, b, c, d, e, f], defaultPhases)
    expect(titles(columns[0].tasks)).toEqual([b, e, f, c, a].map((t) => t.title))
    expect(titles(columns[1].tasks)).toEqual([d.title])
    expect(columns[2].tasks).toEqual([])
  })

  it('orders by the filtered unit’s own overdue state when the list has one', () => {
    const lateForAll = task('advance', '2026-07-31', true, { unitOverdue: false })
    const lateForUnit = task('advance', '2026-09-30', false, { unitOverdue: true })
    expect(titles(phaseColumns([lateForAll, lateForUnit], defaultPhases)[1].tasks)).toEqual([
      lateForUnit.title,
      lateForAll.title,
    ])
  })

  it('keeps tasks of an unknown phase in a column of their own', () => {
    const odd = task('extra', '2026-12-01')
    const columns = phaseColumns([odd], defaultPhases)
    expect(columns.map((c) => c.code)).toEqual(['deploy', 'advance', 'consolidate', 'extra'])
    expect(titles(columns[3].tasks)).toEqual([odd.title])
  })

  it('does not reorder the input', () => {
    const list = [task('deploy', '2026-06-01'), task('deploy', '2026-03-01', true)]
    const before = titles(list)
    phaseColumns(list, defaultPhases)
    expect(titles(list)).toEqual(before)
  })
})

describe('taskFigures', () => {
  it('uses the unit’s own progress and overdue state when present', () => {
    expect(taskFigures(task('deploy', '2026-06-01', true, { progress: 40 }))).toEqual({ percent: 40, overdue: true })
    expect(taskFigures(task('deploy', '2026-06-01', true, { progress: 40, unitProgress: 0, unitOverdue: false }))).toEqual({
      percent: 0,
      overdue: false,
    })
  })
})

describe('phaseLabel and unitNames', () => {
  it('label a phase without dates by its name', () => {
    expect(phaseLabel({ code: 'x', name: '其他', from: '', to: '' })).toBe('其他')
  })

  it('shorten long unit lists', () => {
    const u = (name: string, id = 1) => ({ id, name })
    expect(unitNames([])).toBe('-')
    expect(unitNames([u('文明办'), u('住建局')])).toBe('文明办、住建局')
    expect(unitNames([u('文明办'), u('住建局'), u('交通局'), u('城管局')])).toBe('文明办、住建局 等 4 个')
  })
})
