import { http, type Query } from './http'
import type {
  StoredFile, 
  ApiToken, AuditEntry, AuditQuery, ErrorDetail, Framework, FrameworkComparison, FrameworkNode, FrameworkTree,
  FrameworkUpdate, Id, ImportResult, Me, Meta, Negative, NegativeInput, NewApiToken, NodeInput, Page, Person,
  Jurisdiction, PersonCreate, PersonQuery, PersonUpdate, Plan, ProgressInput, Region, RegionCreate, RegionUpdate, Standard,
  StandardDetail, StandardInput, Task, TaskDetail, TaskInput, TaskQuery, TargetList, TargetQuery, TargetReport,
  TargetReportInput, Unit, UnitInput, UnitLists, UnitQuery,
  GenerateResult, MatrixQuery, Message, OpenItems, QuarterFigures, Requirement, RequirementQuery, RequirementUpdate,
  ReviewInput, ReviewItem, ReviewQuery, Submission, SubmissionDetail, SubmissionInput, SubmissionMatrix, TodoList,
  BulkDispatchResult, CaseCategory, CaseCategoryInput, CaseCreate, CaseDetail, CaseEvent, CaseMapItem, CaseQuery,
  CaseSettings, CaseStats, Case, CaseView, DispatchRule, DispatchRuleInput, CalendarDay, Notice,
  PublicCase, PublicCaseForm, PublicCaseReceipt, SavedCaseView, Webhook, WebhookDelivery, WebhookInput, WorkCalendar,
  Bulletin, BulletinFormat, BulletinQuery, Cockpit, JurisdictionRanking, Ranking, RankingSettingsInput, RankingSettingsView, Sanction,
  SanctionInput, SanctionQuery,
} from './types'
import type { NearbyPoint, Patrol, PatrolInput, PatrolTasks, Point, PointDetail } from './types'
import type { BoundaryBody, OutlineCollection } from './types'
import type {
  BulkDispatchInput, BulletinEdit, BulletinInput, CaseCloseInput, CaseDispatchInput, CaseExtensionInput, CaseMergeInput,
  CaseHandDownInput, CaseNoteInput, CasePhotoInput, CaseReasonInput, CaseRegisterInput, CaseRuleExtensionInput, CaseRuleReturnInput,
  CaseVerifyInput, GenerateRequest, LoginInput, PasswordChange, PasswordReset, PublicRatingInput, SavedCaseViewInput, TokenRequest,
} from './types'
import type {
  CheckInput, ManualRate, ManualRateInput, NegativeEvent, NegativeEventInput, ObservationQuery, ObservationRow,
  PatrolSummary, PointCategory, PointCategoryInput, PointInput, PointMapItem, PointQuery, Round, RoundDetail,
  RoundInput, Score, ScoreTrendItem,
} from './types'

export { ApiError, errorField, setClientHooks, type Query } from './http'
export type * from './types'

export const authApi = {
  login: (username: string, password: string) => http.post<Me>('/auth/login', { username, password } satisfies LoginInput, true),
  logout: () => http.post<void>('/auth/logout'),
  me: () => http.get<Me>('/me', undefined, true),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<void>('/me/password', { oldPassword, newPassword } satisfies PasswordChange),
}

export const tokenApi = {
  list: () => http.get<{ items: ApiToken[] }>('/me/tokens'),
  create: (name: string, expiresInDays: number) => http.post<NewApiToken>('/me/tokens', { name, expiresInDays } satisfies TokenRequest),
  revoke: (id: Id) => http.del(`/me/tokens/${id}`),
}

export const metaApi = {
  get: () => http.get<Meta>('/meta'),
}

/** Resources with Excel template and import endpoints. */
export type ImportResource = 'regions' | 'units' | 'people' | 'points'
/** Resources with an Excel export endpoint. */
export type TransferResource = ImportResource | 'audit'

export const transferApi = {
  exportFile: (resource: TransferResource, query?: Query) => http.blob(`/${resource}/export`, query),
  template: (resource: ImportResource) => http.blob(`/${resource}/template`),
  importFile: (resource: ImportResource, file: File) => http.upload<ImportResult>(`/${resource}/import`, file),
}

/** jurisdictionApi lists the offices' regions and sets up an office over a region. */
export const jurisdictionApi = {
  list: () => http.get<{ items: Jurisdiction[]; total: number }>('/jurisdictions'),
  create: (regionId: Id) => http.post<Jurisdiction>('/jurisdictions', { regionId }),
  /** setOffice names the unit that is the jurisdiction's creation office. */
  setOffice: (id: Id, officeUnitId: Id) => http.put<Jurisdiction>(`/jurisdictions/${id}`, { officeUnitId }),
}

export const regionApi = {
  list: (q?: string) => http.get<{ items: Region[]; total: number }>('/regions', { q }),
  /** importBoundaries uploads a GeoJSON FeatureCollection whose features name their region by property code. */
  importBoundaries: (file: File) => http.upload<ImportResult>('/regions/boundaries', file),
  /** outlines lists the drawn outlines in reach as GeoJSON (a jurisdiction's, with its subtree, when given). */
  outlines: (jurisdictionId?: Id) => http.get<OutlineCollection>('/regions/boundaries', { jurisdictionId }),
  /** setBoundary draws a region's outline; clearBoundary removes it. */
  setBoundary: (id: Id, body: BoundaryBody) => http.put<Region>(`/regions/${id}/boundary`, body),
  clearBoundary: (id: Id) => http.del(`/regions/${id}/boundary`),
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
  resetPassword: (id: Id, newPassword: string) => http.post<void>(`/people/${id}/password`, { newPassword } satisfies PasswordReset),
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
  generate: (frameworkId: Id) => http.post<GenerateResult>('/requirements/generate', { frameworkId } satisfies GenerateRequest),
  update: (id: Id, body: RequirementUpdate) => http.put<Requirement>(`/requirements/${id}`, body),
  /** createSubmission starts a draft for a period: a new version when the last one was returned. */
  createSubmission: (id: Id, body: SubmissionInput) => http.post<Submission>(`/requirements/${id}/submissions`, body),
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

/** caseApi is the case engine for signed-in users: lists, the case page and every step of its flow. */
export const caseApi = {
  list: (query: CaseQuery & { page?: number; pageSize?: number }) => http.get<Page<Case>>('/cases', { ...query }),
  exportFile: (query: CaseQuery) => http.blob('/cases/export', { ...query }),
  map: (query: CaseQuery) => http.get<{ items: CaseMapItem[] }>('/cases/map', { ...query }),
  stats: (view: CaseView) => http.get<CaseStats>('/cases/stats', { view }),
  create: (body: CaseCreate) => http.post<CaseDetail>('/cases', body),
  get: (id: Id) => http.get<CaseDetail>(`/cases/${id}`),
  register: (id: Id, body: CaseRegisterInput) => http.post<CaseDetail>(`/cases/${id}/register`, body),
  decline: (id: Id, body: CaseReasonInput) => http.post<CaseDetail>(`/cases/${id}/decline`, body),
  dispatch: (id: Id, body: CaseDispatchInput) => http.post<CaseDetail>(`/cases/${id}/dispatch`, body),
  bulkDispatch: (body: BulkDispatchInput) => http.post<BulkDispatchResult>('/cases/dispatch', body),
  accept: (id: Id, body: CaseNoteInput) => http.post<CaseDetail>(`/cases/${id}/accept`, body),
  returnCase: (id: Id, body: CaseReasonInput) => http.post<CaseDetail>(`/cases/${id}/return`, body),
  ruleReturn: (id: Id, body: CaseRuleReturnInput) => http.post<CaseDetail>(`/cases/${id}/rule-return`, body),
  handDown: (id: Id, body: CaseHandDownInput) => http.post<CaseDetail>(`/cases/${id}/hand-down`, body),
  takeBack: (id: Id, body: CaseReasonInput) => http.post<CaseDetail>(`/cases/${id}/take-back`, body),
  passDown: (id: Id, body: CaseDispatchInput) => http.post<CaseDetail>(`/cases/${id}/pass-down`, body),
  requestExtension: (id: Id, body: CaseExtensionInput) => http.post<CaseDetail>(`/cases/${id}/extension`, body),
  ruleExtension: (id: Id, body: CaseRuleExtensionInput) => http.post<CaseDetail>(`/cases/${id}/rule-extension`, body),
  report: (id: Id, body: CasePhotoInput) => http.post<CaseDetail>(`/cases/${id}/report`, body),
  verify: (id: Id, body: CaseVerifyInput) => http.post<CaseDetail>(`/cases/${id}/verify`, body),
  close: (id: Id, body: CaseCloseInput) => http.post<CaseDetail>(`/cases/${id}/close`, body),
  merge: (id: Id, body: CaseMergeInput) => http.post<CaseDetail>(`/cases/${id}/merge`, body),
  note: (id: Id, body: CasePhotoInput) => http.post<CaseEvent>(`/cases/${id}/notes`, body),
  views: () => http.get<{ items: SavedCaseView[] }>('/case-views'),
  saveView: (body: SavedCaseViewInput) => http.post<SavedCaseView>('/case-views', body),
  removeView: (id: Id) => http.del(`/case-views/${id}`),
  notices: (query: { unitId?: Id; open?: boolean }) => http.get<{ items: Notice[] }>('/notices', { ...query }),
}

/** caseConfigApi is the office's configuration: categories, dispatch rules, the working calendar and settings. */
export const caseConfigApi = {
  categories: () => http.get<{ items: CaseCategory[] }>('/case-categories'),
  createCategory: (body: CaseCategoryInput) => http.post<CaseCategory>('/case-categories', body),
  updateCategory: (id: Id, body: CaseCategoryInput) => http.put<CaseCategory>(`/case-categories/${id}`, body),
  removeCategory: (id: Id) => http.del(`/case-categories/${id}`),
  rules: () => http.get<{ items: DispatchRule[] }>('/dispatch-rules'),
  createRule: (body: DispatchRuleInput) => http.post<DispatchRule>('/dispatch-rules', body),
  updateRule: (id: Id, body: DispatchRuleInput) => http.put<DispatchRule>(`/dispatch-rules/${id}`, body),
  removeRule: (id: Id) => http.del(`/dispatch-rules/${id}`),
  calendar: (year: number) => http.get<WorkCalendar>('/calendar', { year }),
  putDay: (date: string, body: CalendarDay) => http.put<CalendarDay>(`/calendar/days/${date}`, body),
  removeDay: (date: string) => http.del(`/calendar/days/${date}`),
  settings: () => http.get<CaseSettings>('/case-settings'),
  saveSettings: (body: Omit<CaseSettings, 'inheritedFrom' | 'origins'>) => http.put<CaseSettings>('/case-settings', body),
  /** inheritSettings drops the jurisdiction's own settings: the office above's apply again. */
  inheritSettings: async () => {
    await http.del('/case-settings')
    return http.get<CaseSettings>('/case-settings')
  },
}

export const webhookApi = {
  list: () => http.get<{ items: Webhook[] }>('/webhooks'),
  create: (body: WebhookInput) => http.post<Webhook>('/webhooks', body),
  update: (id: Id, body: WebhookInput) => http.put<Webhook>(`/webhooks/${id}`, body),
  remove: (id: Id) => http.del(`/webhooks/${id}`),
  deliveries: (id: Id) => http.get<{ items: WebhookDelivery[] }>(`/webhooks/${id}/deliveries`),
}

/** publicCaseApi is the resident's side (no account): the snap form, the post, and following a case by its token. */
export const publicCaseApi = {
  form: () => http.get<PublicCaseForm>('/public/case-form', undefined, true),
  /** create posts the multipart form: field `case` (JSON) and the `photos` files. */
  create: (form: FormData, onProgress?: (percent: number) => void) => http.upload<PublicCaseReceipt>('/public/cases', form, onProgress),
  get: (token: string) => http.get<PublicCase>(`/public/cases/${token}`, undefined, true),
  rate: (token: string, body: PublicRatingInput) => http.post<void>(`/public/cases/${token}/rating`, body, true),
  reopen: (token: string, body: CaseReasonInput) => http.post<void>(`/public/cases/${token}/reopen`, body, true),
  /** photoUrl is where a resident's browser loads a case photo. */
  photoUrl: (token: string, fileId: Id, size: 'thumb' | 'display' | 'original') =>
    `/api/v1/public/cases/${encodeURIComponent(token)}/photos/${fileId}?size=${size}`,
}

/** rankingApi is the units' ranking (A and B classes apart, three colours) and the office's weights and bands. */
export const rankingApi = {
  /** get ranks a period ("2026-W47", "2026-11", "2026-Q4"); without one, this month. jurisdictionId: a county below the office's own (unset: its own). */
  get: (period?: string, jurisdictionId?: Id) => http.get<Ranking>('/rankings', { period, jurisdictionId }),
  exportFile: (period?: string, jurisdictionId?: Id) => http.blob('/rankings/export', { period, jurisdictionId }),
  /** exportJurisdictions downloads the counties' ranking as a workbook. */
  exportJurisdictions: (period?: string) => http.blob('/rankings/jurisdictions/export', { period }),
  /** jurisdictions ranks the counties below the office's jurisdiction as wholes (empty for a county). */
  jurisdictions: (period?: string) => http.get<JurisdictionRanking>('/rankings/jurisdictions', { period }),
  settings: (jurisdictionId?: Id) => http.get<RankingSettingsView>('/ranking-settings', { jurisdictionId }),
  saveSettings: (body: RankingSettingsInput, jurisdictionId?: Id) =>
    http.put<RankingSettingsView>(jurisdictionId ? `/ranking-settings?jurisdictionId=${jurisdictionId}` : '/ranking-settings', body),
  /** inherit drops the jurisdiction's own settings: the office above's apply again. */
  inherit: (jurisdictionId?: Id) => http.del(jurisdictionId ? `/ranking-settings?jurisdictionId=${jurisdictionId}` : '/ranking-settings'),
}

/** bulletinApi is 通报: drafts built from the ranking, approved by the office leader, then published to units. */
export const bulletinApi = {
  list: (query: BulletinQuery = {}) => http.get<{ items: Bulletin[] }>('/bulletins', { ...query }),
  /** get reads one whole bulletin; the list leaves out the ranking tables (ranking.classes) to stay light. */
  get: (id: Id) => http.get<Bulletin>(`/bulletins/${id}`),
  create: (body: BulletinInput) => http.post<Bulletin>('/bulletins', body),
  update: (id: Id, body: BulletinEdit) => http.put<Bulletin>(`/bulletins/${id}`, body),
  regenerate: (id: Id) => http.post<Bulletin>(`/bulletins/${id}/regenerate`),
  remove: (id: Id) => http.del(`/bulletins/${id}`),
  approve: (id: Id) => http.post<Bulletin>(`/bulletins/${id}/approve`),
  publish: (id: Id) => http.post<Bulletin>(`/bulletins/${id}/publish`),
  file: (id: Id, format: BulletinFormat) => http.blob(`/bulletins/${id}/file`, { format }),
}

/** sanctionApi is 督办问责: notices, talks and exposures recorded against units. */
export const sanctionApi = {
  list: (query: SanctionQuery = {}) => http.get<{ items: Sanction[] }>('/sanctions', { ...query }),
  create: (body: SanctionInput) => http.post<Sanction>('/sanctions', body),
}

export const cockpitApi = {
  /** get reads the office's own jurisdiction, or one below it (jurisdictionId). */
  get: (jurisdictionId?: Id) => http.get<Cockpit>('/cockpit', { jurisdictionId }),
}

/** patrolApi is the inspector's phone patrol: tasks, points near the phone or by name, a point's form, the post. */
export const patrolApi = {
  tasks: () => http.get<PatrolTasks>('/patrol/tasks'),
  nearby: (lat: number, lng: number, limit = 20) => http.get<{ items: NearbyPoint[] }>('/points/nearby', { lat, lng, limit }),
  /** search finds active points by name, code or address (the fallback when the phone cannot locate). */
  search: (q: string, pageSize = 20) => http.get<Page<Point>>('/points', { q, active: true, pageSize }),
  point: (id: Id) => http.get<PointDetail>(`/points/${id}`),
  /** byToken reads the point a QR code names (/patrol/p/{token}). */
  byToken: (token: string) => http.get<PointDetail>(`/points/by-token/${encodeURIComponent(token)}`),
  /** create posts a patrol; a clientKey seen before answers 200 with the same patrol. */
  create: (body: PatrolInput) => http.post<Patrol>('/patrols', body),
  get: (id: Id) => http.get<Patrol>(`/patrols/${id}`),
}

/** pointCategoryApi is 点位类别 and their checklists (检查项): read by every role, written by the office. */
export const pointCategoryApi = {
  list: () => http.get<{ items: PointCategory[] }>('/point-categories'),
  create: (body: PointCategoryInput) => http.post<PointCategory>('/point-categories', body),
  update: (id: Id, body: PointCategoryInput) => http.put<PointCategory>(`/point-categories/${id}`, body),
  remove: (id: Id) => http.del(`/point-categories/${id}`),
  /** saveChecks replaces the checklist in the order given. */
  saveChecks: (id: Id, checks: CheckInput[]) => http.put<PointCategory>(`/point-categories/${id}/checks`, { checks }),
}

/** pointApi is 点位管理 in the console; import, export and the template go through transferApi ('points'). */
export const pointApi = {
  list: (query: PointQuery & { page?: number; pageSize?: number }) => http.get<Page<Point>>('/points', { ...query }),
  map: (query: PointQuery) => http.get<{ items: PointMapItem[] }>('/points/map', { ...query }),
  get: (id: Id) => http.get<PointDetail>(`/points/${id}`),
  create: (body: PointInput) => http.post<Point>('/points', body),
  update: (id: Id, body: PointInput) => http.put<Point>(`/points/${id}`, body),
  remove: (id: Id) => http.del(`/points/${id}`),
  /** qrUrl is where the browser loads a point's QR code (PNG of <site>/patrol/p/{qrToken}). */
  qrUrl: (id: Id) => `/api/v1/point-qr/${id}`,
  patrols: (query: { pointId?: Id; roundId?: Id; page?: number; pageSize?: number }) => http.get<Page<PatrolSummary>>('/patrols', { ...query }),
}

/** roundApi is 模拟测评: rounds, the draw, reassigning points, closing, rates entered by hand and the result. */
export const roundApi = {
  list: () => http.get<{ items: Round[] }>('/rounds'),
  get: (id: Id) => http.get<RoundDetail>(`/rounds/${id}`),
  create: (body: RoundInput) => http.post<Round>('/rounds', body),
  update: (id: Id, body: RoundInput) => http.put<Round>(`/rounds/${id}`, body),
  remove: (id: Id) => http.del(`/rounds/${id}`),
  draw: (id: Id) => http.post<RoundDetail>(`/rounds/${id}/draw`),
  reassign: (id: Id, pointId: Id, inspectorId: Id) => http.put<RoundDetail>(`/rounds/${id}/points/${pointId}`, { inspectorId }),
  close: (id: Id) => http.post<Round>(`/rounds/${id}/close`),
  rates: (id: Id) => http.get<{ items: ManualRate[] }>(`/rounds/${id}/rates`),
  saveRates: (id: Id, rates: ManualRateInput[]) => http.put<{ items: ManualRate[] }>(`/rounds/${id}/rates`, { rates }),
  score: (id: Id) => http.get<Score>(`/rounds/${id}/score`),
  exportScore: (id: Id) => http.blob(`/rounds/${id}/score/export`),
}

/** scoreApi is the live score (实时得分), the trend over rounds, and the observations behind a figure. */
export const scoreApi = {
  /** live is the live score of the actor's jurisdiction, or of one below it (the city office picking a county). */
  live: (days = 30, jurisdictionId?: Id) => http.get<Score>('/scores/live', { days, jurisdictionId }),
  trend: () => http.get<{ items: ScoreTrendItem[] }>('/scores/trend'),
  observations: (query: ObservationQuery & { page?: number; pageSize?: number }) =>
    http.get<Page<ObservationRow>>('/scores/observations', { ...query }),
}

/** negativeEventApi is 负面清单事件: the office records them; those in a score's window count. */
export const negativeEventApi = {
  list: (frameworkId?: Id) => http.get<{ items: NegativeEvent[] }>('/negative-events', { frameworkId }),
  create: (body: NegativeEventInput) => http.post<NegativeEvent>('/negative-events', body),
  remove: (id: Id) => http.del(`/negative-events/${id}`),
}
