import type {
  Cadence, Framework, Grade, Id, Plan, Requirement, RequirementField, StoredFile, Submission, SubmissionMatrix,
  SubmissionState,
} from '@/api/types'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export interface StateTag {
  label: string
  type: TagType
  effect: 'light' | 'dark'
}

const stateTags: Record<SubmissionState, StateTag> = {
  missing: { label: '未报送', type: 'info', effect: 'light' },
  draft: { label: '草稿', type: 'warning', effect: 'light' },
  submitted: { label: '已提交', type: 'primary', effect: 'light' },
  returned: { label: '已退回', type: 'danger', effect: 'light' },
  approved: { label: '已通过', type: 'success', effect: 'light' },
  late: { label: '逾期', type: 'danger', effect: 'dark' },
}

/** stateTag shows a to-do item's or a submission's state: returned and late in red, approved in green. */
export function stateTag(state: SubmissionState): StateTag {
  return stateTags[state] ?? { label: state, type: 'info', effect: 'light' }
}

/** MatrixState is a matrix cell's state; 'none' where the unit has no requirement for the standard. */
export type MatrixState = SubmissionState | 'none'

/** matrixLabel is a matrix cell's text: 缺报 for a missing submission, — where none is required. */
export function matrixLabel(state: MatrixState): string {
  if (state === 'none') return '—'
  if (state === 'missing') return '缺报'
  return stateTag(state).label
}

export const gradeNames: Record<Grade, string> = { met: '达标', basic: '基本达标', unmet: '不达标' }
export const cadenceNames: Record<Cadence, string> = { month: '每月', quarter: '每季', year: '每年' }

/** formatRate shows a 0–1 rate as a percentage with at most one decimal: 0.856 → 85.6%; null as `empty`. */
export function formatRate(rate: number | null | undefined, empty = '无数据'): string {
  if (rate == null) return empty
  return `${Number((rate * 100).toFixed(1))}%`
}

export interface MatrixCellView {
  state: MatrixState
  submissionId: Id | null
  grade: Grade | ''
}

export interface MatrixRow {
  id: Id
  code: string
  text: string
  materialRate: number | null
  /** cells holds one cell per unit column, by unit id. */
  cells: Record<Id, MatrixCellView>
}

const notRequired: MatrixCellView = { state: 'none', submissionId: null, grade: '' }

/**
 * buildMatrix pivots the server's cells into one row per standard, in the server's order, with a cell for
 * every unit column: a unit without a requirement for the standard shows as not required.
 */
export function buildMatrix(m: SubmissionMatrix): MatrixRow[] {
  const units = m.units ?? []
  const rows = (m.standards ?? []).map((s) => ({
    ...s,
    cells: Object.fromEntries(units.map((u) => [u.id, notRequired])) as Record<Id, MatrixCellView>,
  }))
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const c of m.cells ?? []) {
    const row = byId.get(c.standardId)
    if (row && c.unitId in row.cells) row.cells[c.unitId] = { state: c.state, submissionId: c.submissionId, grade: c.grade }
  }
  return rows
}

/**
 * currentFrameworkId is the campaign's current framework: the newest plan's, else the newest frozen main
 * version, else the newest version.
 */
export function currentFrameworkId(frameworks: Framework[], plans: Plan[]): Id | undefined {
  const plan = [...plans].sort((a, b) => b.year - a.year || b.id - a.id)[0]
  if (plan?.frameworkId != null && frameworks.some((f) => f.id === plan.frameworkId)) return plan.frameworkId
  const newest = [...frameworks].sort((a, b) => b.id - a.id)
  return (newest.find((f) => f.kind === 'main' && f.status === 'frozen') ?? newest[0])?.id
}

/** canEdit tells whether a unit may still change its submission: none yet, a draft, or a returned one. */
export function canEdit(s: Submission | null | undefined): boolean {
  return !s || s.status === 'draft' || s.status === 'returned'
}

/** previewKind says how the review drawer shows a file: as an image, a PDF, or only a download link. */
export function previewKind(f: StoredFile): 'image' | 'pdf' | 'other' {
  if (f.contentType.startsWith('image/') || /\.(jpe?g|png|webp)$/i.test(f.name)) return 'image'
  if (f.contentType === 'application/pdf' || /\.pdf$/i.test(f.name)) return 'pdf'
  return 'other'
}

/** reviewProblem is why a decision cannot be sent yet: approving needs a grade, returning a comment. */
export function reviewProblem(decision: 'approve' | 'return', grade: Grade | '', comment: string): string {
  if (decision === 'approve' && !grade) return '请选择评定等级'
  if (decision === 'return' && !comment.trim()) return '退回时请填写审核意见'
  return ''
}

/**
 * submitProblems are what keeps a submission from being submitted, by form field as the server names them
 * (`values.<field>`, `fileIds`): an empty required field, or fewer files than the requirement asks for.
 */
export function submitProblems(r: Requirement, values: Record<string, string>, fileCount: number): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const f of r.fields ?? []) {
    if (f.required && !values[f.name]?.trim()) problems[`values.${f.name}`] = `请填写${f.name}`
  }
  if (fileCount < r.minFiles) problems.fileIds = `请至少上传 ${r.minFiles} 个附件`
  return problems
}

/** fieldsProblem checks a requirement's field list: every field named, no name twice; '' when fine. */
export function fieldsProblem(fields: RequirementField[]): string {
  const names = fields.map((f) => f.name.trim())
  if (names.some((n) => !n)) return '字段名称不能为空'
  const twice = names.find((n, i) => names.indexOf(n) !== i)
  return twice ? `字段“${twice}”重复` : ''
}
