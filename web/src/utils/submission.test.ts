import { describe, expect, it } from 'vitest'
import type { Framework, Plan, Requirement, StoredFile, Submission, SubmissionMatrix, SubmissionState } from '@/api/types'
import {
  buildMatrix, canEdit, currentFrameworkId, fieldsProblem, formatRate, matrixLabel, previewKind, reviewProblem, stateTag, submitProblems,
} from './submission'

describe('stateTag', () => {
  it('names every state, with returned and late in red and approved in green', () => {
    const states: SubmissionState[] = ['missing', 'draft', 'submitted', 'returned', 'approved', 'late']
    expect(states.map((s) => stateTag(s).label)).toEqual(['未报送', '草稿', '已提交', '已退回', '已通过', '逾期'])
    expect(stateTag('returned').type).toBe('danger')
    expect(stateTag('late').type).toBe('danger')
    expect(stateTag('approved').type).toBe('success')
    expect(stateTag('submitted').type).toBe('primary')
  })

  it('sets late apart from returned', () => {
    expect(stateTag('late').effect).not.toBe(stateTag('returned').effect)
  })

  it('shows a state it does not know as it came', () => {
    expect(stateTag('archived' as SubmissionState)).toEqual({ label: 'archived', type: 'info', effect: 'light' })
  })
})

describe('matrixLabel', () => {
  it('calls a missing submission 缺报 and a cell without a requirement —', () => {
    expect(matrixLabel('missing')).toBe('缺报')
    expect(matrixLabel('none')).toBe('—')
    expect(matrixLabel('approved')).toBe('已通过')
    expect(matrixLabel('late')).toBe('逾期')
  })
})

describe('formatRate', () => {
  it('shows a rate as a percentage with at most one decimal', () => {
    expect(formatRate(1)).toBe('100%')
    expect(formatRate(0.6)).toBe('60%')
    expect(formatRate(0.8567)).toBe('85.7%')
    expect(formatRate(0)).toBe('0%')
  })

  it('shows no data as 无数据, never as 0', () => {
    expect(formatRate(null)).toBe('无数据')
    expect(formatRate(undefined)).toBe('无数据')
    expect(formatRate(null, '-')).toBe('-')
  })
})

describe('buildMatrix', () => {
  const matrix: SubmissionMatrix = {
    period: '2026-11',
    standards: [
      { id: 10, code: 'A1.1', text: '宣传栏', materialRate: 0.8 },
      { id: 11, code: 'A1.2', text: '公益广告', materialRate: null },
    ],
    units: [
      { id: 1, name: '文明办' },
      { id: 2, name: '住建局' },
    ],
    cells: [
      { standardId: 11, unitId: 2, requirementId: 7, state: 'approved', submissionId: 70, grade: 'met' },
      { standardId: 10, unitId: 1, requirementId: 5, state: 'late', submissionId: null, grade: '' },
      { standardId: 99, unitId: 1, requirementId: 8, state: 'draft', submissionId: 80, grade: '' },
      { standardId: 10, unitId: 3, requirementId: 9, state: 'draft', submissionId: 90, grade: '' },
    ],
  }

  it('pivots the cells into a row per standard and a column per unit', () => {
    const rows = buildMatrix(matrix)
    expect(rows.map((r) => [r.code, r.materialRate])).toEqual([
      ['A1.1', 0.8],
      ['A1.2', null],
    ])
    expect(rows[0].cells[1]).toEqual({ state: 'late', submissionId: null, grade: '' })
    expect(rows[1].cells[2]).toEqual({ state: 'approved', submissionId: 70, grade: 'met' })
  })

  it('shows a unit without a requirement for the standard as not required', () => {
    const rows = buildMatrix(matrix)
    expect(rows[0].cells[2].state).toBe('none')
    expect(rows[1].cells[1]).toEqual({ state: 'none', submissionId: null, grade: '' })
  })

  it('drops cells of standards or units that are not shown', () => {
    const rows = buildMatrix(matrix)
    expect(rows).toHaveLength(2)
    expect(Object.keys(rows[0].cells)).toEqual(['1', '2'])
  })

  it('takes missing lists as empty', () => {
    expect(buildMatrix({ period: '2026', standards: null, units: null, cells: null } as unknown as SubmissionMatrix)).toEqual([])
  })
})

describe('currentFrameworkId', () => {
  const fw = (id: number, kind: 'main' | 'minors', status: 'draft' | 'frozen') => ({ id, kind, status }) as Framework
  const plan = (id: number, year: number, frameworkId: number) => ({ id, year, frameworkId }) as Plan
  const frameworks = [fw(1, 'main', 'frozen'), fw(2, 'minors', 'frozen'), fw(3, 'main', 'frozen'), fw(4, 'main', 'draft')]

  it('takes the newest plan’s framework', () => {
    expect(currentFrameworkId(frameworks, [plan(1, 2026, 1), plan(2, 2025, 3)])).toBe(1)
  })

  it('falls back to the newest frozen main version, then the newest', () => {
    expect(currentFrameworkId(frameworks, [])).toBe(3)
    expect(currentFrameworkId(frameworks, [plan(1, 2026, 42)])).toBe(3)
    expect(currentFrameworkId([fw(5, 'main', 'draft'), fw(6, 'minors', 'draft')], [])).toBe(6)
    expect(currentFrameworkId([], [])).toBeUndefined()
  })
})

describe('canEdit', () => {
  const sub = (status: Submission['status']) => ({ status }) as Submission
  it('lets a unit edit until it submits, and again once returned', () => {
    expect(canEdit(null)).toBe(true)
    expect(canEdit(sub('draft'))).toBe(true)
    expect(canEdit(sub('returned'))).toBe(true)
    expect(canEdit(sub('submitted'))).toBe(false)
    expect(canEdit(sub('approved'))).toBe(false)
  })
})

describe('previewKind', () => {
  const file = (name: string, contentType: string) => ({ name, contentType }) as StoredFile
  it('shows images and PDFs, and offers the rest as downloads', () => {
    expect(previewKind(file('a.jpg', 'image/jpeg'))).toBe('image')
    expect(previewKind(file('a.WEBP', ''))).toBe('image')
    expect(previewKind(file('a.pdf', 'application/pdf'))).toBe('pdf')
    expect(previewKind(file('a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).toBe('other')
    expect(previewKind(file('a.zip', 'application/zip'))).toBe('other')
  })
})

describe('reviewProblem', () => {
  it('needs a grade to approve and a comment to return', () => {
    expect(reviewProblem('approve', '', '')).toBe('请选择评定等级')
    expect(reviewProblem('approve', 'basic', '')).toBe('')
    expect(reviewProblem('return', 'met', '  ')).toBe('退回时请填写审核意见')
    expect(reviewProblem('return', '', '照片不清晰')).toBe('')
  })
})

describe('submitProblems', () => {
  const req = {
    fields: [
      { name: '联系人', required: true },
      { name: '备注', required: false },
    ],
    minFiles: 2,
  } as Requirement

  it('names each empty required field and too few files, as the server would', () => {
    expect(submitProblems(req, { 联系人: ' ', 备注: '' }, 1)).toEqual({ 'values.联系人': '请填写联系人', fileIds: '请至少上传 2 个附件' })
  })

  it('has nothing to say about a complete submission', () => {
    expect(submitProblems(req, { 联系人: '张三' }, 2)).toEqual({})
    expect(submitProblems({ fields: null, minFiles: 0 } as unknown as Requirement, {}, 0)).toEqual({})
  })
})

describe('fieldsProblem', () => {
  it('needs every field named once', () => {
    expect(fieldsProblem([{ name: '联系人', required: true }, { name: '电话', required: false }])).toBe('')
    expect(fieldsProblem([])).toBe('')
    expect(fieldsProblem([{ name: ' ', required: true }])).toBe('字段名称不能为空')
    expect(fieldsProblem([{ name: '电话', required: true }, { name: '电话 ', required: false }])).toBe('字段“电话”重复')
  })
})
