import type { Phase, Task, UnitRef } from '@/api/types'

/** defaultPhases are the seed's three phases, used until /meta has loaded. */
export const defaultPhases: Phase[] = [
  { code: 'deploy', name: '安排部署', from: '03-01', to: '06-30' },
  { code: 'advance', name: '工作推进', from: '07-01', to: '10-31' },
  { code: 'consolidate', name: '巩固提升', from: '11-01', to: '12-31' },
]

/** phaseLabel names a phase with its months: "安排部署 3–6 月". */
export function phaseLabel(p: Phase): string {
  const month = (mmdd: string) => Number(mmdd.slice(0, 2))
  return p.from && p.to ? `${p.name} ${month(p.from)}–${month(p.to)} 月` : p.name
}

/** taskFigures are the progress and overdue state to show: the filtered unit's own when the list has them. */
export function taskFigures(t: Task): { percent: number; overdue: boolean } {
  return { percent: t.unitProgress ?? t.progress, overdue: t.unitOverdue ?? t.overdue }
}

/** compareTasks puts overdue tasks first, then orders by deadline and sequence number. */
export function compareTasks(a: Task, b: Task): number {
  const late = Number(taskFigures(b).overdue) - Number(taskFigures(a).overdue)
  if (late) return late
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1
  return a.seq - b.seq
}

export interface PhaseColumn {
  code: string
  label: string
  tasks: Task[]
}

/**
 * phaseColumns groups tasks into one column per phase, in the phases' order, overdue tasks first in each.
 * A task of a phase not in the list gets a column of its own at the end rather than vanishing.
 */
export function phaseColumns(tasks: Task[], phases: Phase[]): PhaseColumn[] {
  const columns = phases.map((p) => ({ code: p.code, label: phaseLabel(p), tasks: [] as Task[] }))
  for (const t of tasks) {
    let column = columns.find((c) => c.code === t.phase)
    if (!column) columns.push((column = { code: t.phase, label: t.phase || '未分阶段', tasks: [] }))
    column.tasks.push(t)
  }
  columns.forEach((c) => c.tasks.sort(compareTasks))
  return columns
}

/** unitNames lists units by name, shortened when long: "文明办、住建局 等 5 个". */
export function unitNames(units: UnitRef[], shown = 2): string {
  const names = units.slice(0, shown).map((u) => u.name).join('、')
  return units.length > shown ? `${names} 等 ${units.length} 个` : names || '-'
}
