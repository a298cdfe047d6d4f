import { http, type Query } from './http'
import type {
  StoredFile, 
  ApiToken, AuditEntry, AuditQuery, ErrorDetail, Framework, FrameworkComparison, FrameworkNode, FrameworkTree,
  FrameworkUpdate, Id, ImportResult, Me, Meta, Negative, NegativeInput, NewApiToken, NodeInput, Page, Person,
  PersonCreate, PersonQuery, PersonUpdate, Plan, ProgressInput, Region, RegionCreate, RegionUpdate, Standard,
  StandardDetail, StandardInput, Task, TaskDetail, TaskInput, TaskQuery, TargetList, TargetQuery, TargetReport,
  TargetReportInput, Unit, UnitInput, UnitLists, UnitQuery,
  GenerateResult, MatrixQuery, Message, OpenItems, QuarterFigures, Requirement, RequirementQuery, RequirementUpdate,
  ReviewInput, ReviewItem, ReviewQuery, Submission, SubmissionDetail, SubmissionInput, SubmissionMatrix, TodoList,
} from './types'

export { ApiError, errorField, setClientHooks, type Query } from './http'
export type * from './types'

export const authApi = {
  login: (username: string, password: string) => http.post<Me>('/auth/login', { username, password }, true),
  logout: () => http.post<void>('/auth/logout'),
  me: () => http.get<Me>('/me', undefined, true),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<void>('/me/password', { oldPassword, newPassword }),
}

export const tokenApi = {
  list: () => http.get<{ items: ApiToken[] }>('/me/tokens'),
  create: (name: string, expiresInDays: number) => http.post<NewApiToken>('/me/tokens', { name, expiresInDays }),
  revoke: (id: Id) => http.del(`/me/tokens/${id}`),
}

export const metaApi = {
  get: () => http.get<Meta>('/meta'),
}

/** Resources with Excel template and import endpoints. */
export type ImportResource = 'regions' | 'units' | 'people'
/** Resources with an Excel export endpoint. */
export type TransferResource = ImportResource | 'audit'

export const transferApi = {
  exportFile: (resource: TransferResource, query?: Query) => http.blob(`/${resource}/export`, query),
  template: (resource: ImportResource) => http.blob(`/${resource}/template`),
  importFile: (resource: ImportResource, file: File) => http.upload<ImportResult>(`/${resource}/import`, file),
}

export const regionApi = {
  list: (q?: string) => http.get<{ items: Region[]; total: number }>('/regions', { q }),
  create: (body: RegionCreate) => http.post<Region>('/regions', body),
  update: (id: Id, body: RegionUpdate) => http.put<Region>(`/regions/${id}`, body),
  remove: (id: Id) => http.del(`/regions/${id}`),
}

export const unitApi = {
  list: (query: UnitQuery) => http.get<Page<Unit>>('/units', { ...query }),
  create: (body: UnitInput) => http.post<Unit>('/units', body),
  update: (id: Id, body: UnitInput) => http.put<Unit>(`/units/${id}`, body),
  remove: (id: Id) => http.del(`/units/${id}`),
}

export const personApi = {
  list: (query: PersonQuery) => http.get<Page<Person>>('/people', { ...query }),
  create: (body: PersonCreate) => http.post<Person>('/people', body),
  update: (id: Id, body: PersonUpdate) => http.put<Person>(`/people/${id}`, body),
  disable: (id: Id) => http.del(`/people/${id}`),
  resetPassword: (id: Id, newPassword: string) => http.post<void>(`/people/${id}/password`, { newPassword }),
  unlock: (id: Id) => http.post<void>(`/people/${id}/unlock`),
}

export const auditApi = {
  list: (query: AuditQuery) => http.get<Page<AuditEntry>>('/audit', { ...query }),
}

export const frameworkApi = {
  list: () => http.get<{ items: Framework[]; total: number }>('/frameworks'),
  get: (id: Id) => http.get<Framework>(`/frameworks/${id}`),
  update: (id: Id, body: FrameworkUpdate) => http.put<Framework>(`/frameworks/${id}`, body),
  remove: (id: Id) => http.del(`/frameworks/${id}`),
  copy: (id: Id) => http.post<Framework>(`/frameworks/${id}/copy`),
  freeze: (id: Id) => http.post<Framework>(`/frameworks/${id}/freeze`),
  check: (id: Id) => http.get<{ problems: ErrorDetail[] }>(`/frameworks/${id}/check`),
  tree: (id: Id) => http.get<FrameworkTree>(`/frameworks/${id}/tree`),
  standard: (id: Id, sid: Id) => http.get<StandardDetail>(`/frameworks/${id}/standards/${sid}`),
  createNode: (id: Id, body: NodeInput) => http.post<FrameworkNode>(`/frameworks/${id}/nodes`, body),
  updateNode: (id: Id, nodeId: Id, body: NodeInput) => http.put<FrameworkNode>(`/frameworks/${id}/nodes/${nodeId}`, body),
  removeNode: (id: Id, nodeId: Id) => http.del(`/frameworks/${id}/nodes/${nodeId}`),
  createStandard: (id: Id, body: StandardInput) => http.post<Standard>(`/frameworks/${id}/standards`, body),
  updateStandard: (id: Id, sid: Id, body: StandardInput) => http.put<Standard>(`/frameworks/${id}/standards/${sid}`, body),
  removeStandard: (id: Id, sid: Id) => http.del(`/frameworks/${id}/standards/${sid}`),
  createNegative: (id: Id, body: NegativeInput) => http.post<Negative>(`/frameworks/${id}/negatives`, body),
  updateNegative: (id: Id, negId: Id, body: NegativeInput) => http.put<Negative>(`/frameworks/${id}/negatives/${negId}`, body),
  removeNegative: (id: Id, negId: Id) => http.del(`/frameworks/${id}/negatives/${negId}`),
  exportFile: (id: Id) => http.blob(`/frameworks/${id}/export`),
  template: () => http.blob('/frameworks/template'),
  importFile: (file: File) => http.upload<Framework>('/frameworks/import', file),
  compare: (a: Id, b: Id) => http.get<FrameworkComparison>('/frameworks/compare', { a, b }),
}

export const fileApi = {
  upload: (file: File, onProgress?: (percent: number) => void) => http.upload<StoredFile>('/files', file, onProgress),
  /** url is where the browser opens or downloads a stored file. */
  url: (id: Id) => `/api/v1/files/${id}`,
}

export const targetApi = {
  list: (query: TargetQuery) => http.get<TargetList>('/targets', { ...query }),
  report: (id: Id, body: TargetReportInput) => http.post<TargetReport>(`/targets/${id}/reports`, body),
  reports: (id: Id) => http.get<{ items: TargetReport[] }>(`/targets/${id}/reports`),
}

export const planApi = {
  list: () => http.get<{ items: Plan[] }>('/plans'),
  tasks: (id: Id, query: TaskQuery) => http.get<{ items: Task[]; total: number }>(`/plans/${id}/tasks`, { ...query }),
  createTask: (id: Id, body: TaskInput) => http.post<Task>(`/plans/${id}/tasks`, body),
  task: (id: Id) => http.get<TaskDetail>(`/tasks/${id}`),
  updateTask: (id: Id, body: TaskInput) => http.put<Task>(`/tasks/${id}`, body),
  removeTask: (id: Id) => http.del(`/tasks/${id}`),
  report: (id: Id, body: ProgressInput) => http.post<void>(`/tasks/${id}/reports`, body),
}

export const listsApi = {
  mine: () => http.get<UnitLists>('/me/lists'),
  unit: (id: Id) => http.get<UnitLists>(`/units/${id}/lists`),
}

export const requirementApi = {
  list: (query: RequirementQuery) => http.get<{ items: Requirement[]; total: number }>('/requirements', { ...query }),
  generate: (frameworkId: Id) => http.post<GenerateResult>('/requirements/generate', { frameworkId }),
  update: (id: Id, body: RequirementUpdate) => http.put<Requirement>(`/requirements/${id}`, body),
  /** createSubmission starts a draft for a period: a new version when the last one was returned. */
  createSubmission: (id: Id, body: SubmissionInput & { period: string }) => http.post<Submission>(`/requirements/${id}/submissions`, body),
}

export const submissionApi = {
  todo: (period: string) => http.get<TodoList>('/submissions/todo', { period }),
  get: (id: Id) => http.get<SubmissionDetail>(`/submissions/${id}`),
  update: (id: Id, body: SubmissionInput) => http.put<Submission>(`/submissions/${id}`, body),
  submit: (id: Id) => http.post<Submission>(`/submissions/${id}/submit`),
  queue: (query: ReviewQuery) => http.get<{ items: ReviewItem[]; total: number }>('/submissions/review', { ...query }),
  review: (id: Id, body: ReviewInput) => http.post<Submission>(`/submissions/${id}/review`, body),
  matrix: (query: MatrixQuery) => http.get<SubmissionMatrix>('/submissions/matrix', { ...query }),
  exportMatrix: (query: MatrixQuery) => http.blob('/submissions/matrix/export', { ...query }),
  open: (month: string) => http.get<OpenItems>('/submissions/open', { month }),
  figures: (quarter: string) => http.get<QuarterFigures>('/submissions/figures', { quarter }),
}

export const messageApi = {
  list: () => http.get<{ items: Message[] }>('/messages'),
  read: (id: Id) => http.post<void>(`/messages/${id}/read`),
}
