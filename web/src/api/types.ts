// Wire types of API v1 (docs/api-contract-v1.md). Times are RFC 3339 strings in UTC.

// Id is the server's numeric row id; the UI never does arithmetic on it.
export type Id = number

export type RoleCode =
  | 'office_leader'
  | 'office_staff'
  | 'unit_head'
  | 'unit_liaison'
  | 'inspector'
  | 'grid_worker'
  | 'leader'
  | 'sys_admin'
  | 'security_admin'
  | 'audit_admin'

export type ScopeKind = 'unit' | 'region' | 'all'
export type UnitClass = 'A' | 'B'

export interface Scope {
  kind: ScopeKind
  unitId: Id | null
  regionId: Id | null
  regionName: string
}

export interface Me {
  id: Id
  username: string
  realName: string
  phoneMasked: string
  unitId: Id | null
  unitName: string
  roles: RoleCode[]
  scope: Scope
  mustChangePassword: boolean
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface PageQuery {
  page?: number
  pageSize?: number
}

export interface ErrorDetail {
  sheet?: string
  row?: number
  column?: string
  reason: string
}

export interface CodeName<C extends string = string> {
  code: C
  name: string
}

export interface Meta {
  roles: CodeName<RoleCode>[]
  unitKinds: CodeName[]
  unitClasses: CodeName<UnitClass>[]
  regionLevels: (CodeName & { digits: number })[]
  scopeKinds: CodeName<ScopeKind>[]
  /** Chinese names of audit actions (create, login, …) and audited entities (unit, person, …). */
  auditActions: Record<string, string>
  auditEntities: Record<string, string>
  /** Assessment methods (field 实地考察, …), target comparators (>= ≥, between 区间) and the plan's phases. */
  methods: CodeName[]
  comparators: CodeName<Comparator>[]
  phases: Phase[]
  /** Case sources (日常巡查 …), states (待立案 …) and closings (已整改 …); absent on servers before cases. */
  caseSources?: CodeName<CaseSource>[]
  caseStates?: CodeName<CaseState>[]
  caseClosings?: CodeName<CaseClosing>[]
  /** Names of case event kinds (created 登记 …), category kinds (part 部件 …) and webhook events. */
  caseEvents?: Record<string, string>
  categoryKinds?: CodeName[]
  webhookEvents?: CodeName[]
  /** mapTiles is the base map; an empty url means no tiles (the map draws on a plain background). */
  mapTiles?: MapTiles
}

export type CoordSystem = 'wgs84' | 'gcj02'

export interface MapTiles {
  url: string
  attribution: string
  /** coordSystem is the tiles' datum: GCJ-02 for Chinese base maps; case coordinates are always WGS-84. */
  coordSystem: CoordSystem
}

/** Phase is a stage of the year's plan; from and to are MM-DD. */
export interface Phase extends CodeName {
  from: string
  to: string
}

export interface ApiToken {
  id: Id
  name: string
  prefix: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
}

export interface NewApiToken {
  id: Id
  name: string
  prefix: string
  token: string
  expiresAt: string | null
}

export interface Region {
  id: Id
  code: string
  name: string
  level: string
  parentId: Id | null
  sortKey: string
}

export interface RegionCreate {
  code: string
  name: string
  parentId: Id | null
  sortKey?: string
}

export interface RegionUpdate {
  name: string
  sortKey: string
}

export interface Unit {
  id: Id
  name: string
  kind: string
  class: UnitClass
  parentId: Id | null
  parentName: string
  regionId: Id | null
  regionName: string
  sortKey: string
  peopleCount: number
}

export interface UnitInput {
  name: string
  kind: string
  class: UnitClass
  parentId?: Id | null
  regionId?: Id | null
  sortKey?: string
}

export interface UnitQuery extends PageQuery {
  q?: string
  kind?: string
  class?: string
  regionId?: Id
}

export interface Person {
  id: Id
  username: string
  realName: string
  phoneMasked: string
  unitId: Id | null
  unitName: string
  roles: RoleCode[]
  scope: Scope
  disabled: boolean
  locked: boolean
  lockedUntil: string | null
  lastLoginAt: string | null
  createdAt: string
}

export interface PersonCreate {
  username: string
  realName: string
  phone: string
  unitId: Id | null
  roles: RoleCode[]
  scopeKind: ScopeKind
  scopeRegionId?: Id | null
  password: string
}

export interface PersonUpdate {
  realName: string
  phone?: string
  unitId: Id | null
  roles: RoleCode[]
  scopeKind: ScopeKind
  scopeRegionId?: Id | null
  disabled: boolean
}

export interface PersonQuery extends PageQuery {
  q?: string
  unitId?: Id
  role?: string
}

export interface AuditEntry {
  id: Id
  at: string
  actorId: Id | null
  actorName: string
  action: string
  entity: string
  entityId: Id | string | null
  summary: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  ip: string
  requestId: string
}

export interface AuditQuery extends PageQuery {
  actor?: string
  action?: string
  entity?: string
  from?: string
  to?: string
  q?: string
}

export interface ImportResult {
  created: number
  updated: number
}

/** UnitRef names a unit inside another record (lead and responsible units). */
export interface UnitRef {
  id: Id
  name: string
}

// Framework (测评体系)

export type FrameworkKind = 'main' | 'minors'
export type FrameworkStatus = 'draft' | 'frozen'

export interface Framework {
  id: Id
  familyId: Id
  version: number
  name: string
  kind: FrameworkKind
  status: FrameworkStatus
  basicTotal: number
  specialTotal: number
  gateScore: number | null
  weight: number | null
  minorsId: Id | null
  minorsName: string
  copiedFrom: Id | null
  frozenAt: string | null
  createdAt: string
  counts: { items: number; indicators: number; contents: number; standards: number; targets: number; negatives: number }
}

export interface FrameworkUpdate {
  name: string
  basicTotal: number
  specialTotal: number
  gateScore: number | null
  weight: number | null
  minorsId: Id | null
}

export type NodeLevel = 1 | 2 | 3
export type NodePart = 'basic' | 'special'
export type ScoreMode = 'rate' | 'grade'

/** FrameworkNode is a 测评项目 (level 1), 测评指标 (2) or 测评内容 (3). */
export interface FrameworkNode {
  id: Id
  parentId: Id | null
  level: NodeLevel
  code: string
  name: string
  part: NodePart
  weight: number
  scoreMode: ScoreMode
}

export type NodeInput = Omit<FrameworkNode, 'id' | 'level'>

export type Comparator = '' | '>=' | '<=' | '=' | 'between'

/** TargetSpec is a standard's 数据指标: metric, comparator, threshold(s) and unit of measure. */
export interface TargetSpec {
  metric: string
  comparator: Comparator
  threshold: number | null
  threshold2: number | null
  measureUnit: string
}

export interface Standard extends TargetSpec {
  id: Id
  contentId: Id
  code: string
  text: string
  methods: string[]
  categories: string[]
  leadUnits: UnitRef[]
  responsibleUnits: UnitRef[]
}

export interface StandardDetail extends Standard {
  path: { code: string; name: string; level: NodeLevel }[]
}

export interface StandardInput extends TargetSpec {
  contentId: Id
  code: string
  text: string
  methods: string[]
  categories: string[]
  leadUnitIds: Id[]
  responsibleUnitIds: Id[]
}

export type NegativeEffect = 'deduct' | 'veto'

export interface Negative {
  id: Id
  code: string
  text: string
  effect: NegativeEffect
  points: number | null
  contentCode: string
}

export type NegativeInput = Omit<Negative, 'id'>

export interface FrameworkTree {
  framework: Framework
  nodes: FrameworkNode[]
  standards: Standard[]
  negatives: Negative[]
}

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export interface FrameworkChange {
  kind: 'framework' | 'node' | 'standard' | 'negative'
  code: string
  name: string
  change: 'added' | 'removed' | 'changed'
  fields: FieldChange[]
}

export interface FrameworkComparison {
  equal: boolean
  changes: FrameworkChange[]
}

// Targets (数据指标)

export type TargetStatusCode = 'met' | 'not_met' | 'not_reported'

export interface TargetStatus extends TargetSpec {
  standardId: Id
  frameworkId: Id
  code: string
  text: string
  leadUnits: UnitRef[]
  responsibleUnits: UnitRef[]
  period: string
  value: number | null
  reportUnitName: string
  reportedAt: string | null
  status: TargetStatusCode
  canReport: boolean
}

export interface TargetQuery {
  frameworkId?: Id
  period?: string
  status?: string
  unitId?: Id
  q?: string
}

export interface TargetList {
  items: TargetStatus[]
  total: number
  period: string
}

export interface TargetReportInput {
  period: string
  value: number
  evidence: string
  unitId?: Id
  fileIds?: Id[]
}

/** StoredFile is an uploaded evidence file (PDF, Office, image …). */
export interface StoredFile {
  id: Id
  name: string
  contentType: string
  size: number
  sha256: string
  uploadedAt: string
}

export interface TargetReport {
  id: Id
  standardId: Id
  unitId: Id
  unitName: string
  period: string
  value: number
  evidence: string
  reportedBy: string
  reportedAt: string
  met: boolean
  files: StoredFile[]
}

// Plan (年度方案)

export interface Plan {
  id: Id
  year: number
  name: string
  frameworkId: Id
  taskCount: number
  overdueCount: number
}

export interface Task {
  id: Id
  planId: Id
  seq: number
  title: string
  content: string
  phase: string
  /** deadline is a date, YYYY-MM-DD. */
  deadline: string
  leadUnits: UnitRef[]
  responsibleUnits: UnitRef[]
  standardCodes: string[]
  /** progress is 0–100, the mean over the task's units. */
  progress: number
  overdue: boolean
  /** unitProgress and unitOverdue are one unit's own figures, when the list was asked for a unit. */
  unitProgress: number | null
  unitOverdue: boolean | null
}

export interface TaskQuery {
  phase?: string
  unitId?: Id
  overdue?: boolean
  q?: string
}

export interface TaskInput {
  seq: number
  title: string
  content: string
  phase: string
  deadline: string
  leadUnitIds: Id[]
  responsibleUnitIds: Id[]
  standardCodes: string[]
}

export type UnitRole = 'lead' | 'responsible'

export interface TaskUnit {
  unitId: Id
  unitName: string
  role: UnitRole
  percent: number
  overdue: boolean
  lastReportAt: string | null
}

export interface TaskReport {
  id: Id
  unitId: Id
  unitName: string
  percent: number
  text: string
  reportedBy: string
  reportedAt: string
  files: StoredFile[]
}

export interface TaskDetail extends Task {
  units: TaskUnit[]
  reports: TaskReport[]
}

export interface ProgressInput {
  percent: number
  text: string
  unitId?: Id
  fileIds?: Id[]
}

export interface Responsibility {
  standardId: Id
  frameworkId: Id
  code: string
  text: string
  role: UnitRole
  methods: string[]
  metric: string
}

export interface SupervisionItem {
  /** kind is 'task' for an overdue task, 'case' for an overdue case (id is then the case's). */
  kind: 'task' | 'case'
  id: Id
  title: string
  deadline: string
  daysOverdue: number
  unitProgress: number | null
}

/** UnitLists are a unit's four lists (四单): tasks, responsibilities, problems (none until cases exist), supervision. */
export interface UnitLists {
  unit: UnitRef
  tasks: Task[]
  responsibilities: Responsibility[]
  problems: unknown[]
  supervision: SupervisionItem[]
}

// Submissions (材料报送)

/** Cadence is how often a unit submits evidence for a requirement. */
export type Cadence = 'month' | 'quarter' | 'year'

export interface RequirementField {
  name: string
  required: boolean
}

/** Requirement is what one unit must submit for one material standard (材料审核), per period. */
export interface Requirement {
  id: Id
  frameworkId: Id
  standardId: Id
  standardCode: string
  standardText: string
  unitId: Id
  unitName: string
  cadence: Cadence
  description: string
  fields: RequirementField[]
  minFiles: number
}

export interface RequirementQuery {
  frameworkId?: Id
  unitId?: Id
  q?: string
}

export type RequirementUpdate = Pick<Requirement, 'cadence' | 'description' | 'fields' | 'minFiles'>

export interface GenerateResult {
  created: number
  kept: number
  removed: number
}

export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved'
/** SubmissionState is a requirement's state for a period: its latest submission's status, or missing / late without one. */
export type SubmissionState = 'missing' | 'late' | SubmissionStatus
export type Grade = 'met' | 'basic' | 'unmet'

export interface Submission {
  id: Id
  requirementId: Id
  period: string
  version: number
  status: SubmissionStatus
  note: string
  /** values are the requirement's fields, by name. */
  values: Record<string, string>
  files: StoredFile[]
  grade: Grade | ''
  comment: string
  /** fileComments are the reviewer's comments, by file id. */
  fileComments: Record<string, string>
  submittedAt: string | null
  submittedBy: string
  reviewedAt: string | null
  reviewedBy: string
  late: boolean
}

export interface SubmissionDetail extends Submission {
  requirement: Requirement
  /** history holds every version, newest first. */
  history: Submission[]
}

export interface SubmissionInput {
  note: string
  values: Record<string, string>
  fileIds: Id[]
}

export interface TodoItem {
  requirement: Requirement
  /** period is the requirement's own period for the month asked: 2026-11, 2026-Q4 or 2026. */
  period: string
  /** deadline is a date, YYYY-MM-DD. */
  deadline: string
  state: SubmissionState
  submission: Submission | null
}

export interface TodoList {
  items: TodoItem[]
  period: string
}

export interface ReviewItem extends Submission {
  unitName: string
  standardCode: string
  standardText: string
}

export interface ReviewQuery {
  status?: SubmissionStatus
  unitId?: Id
  standardId?: Id
  period?: string
}

export interface ReviewInput {
  decision: 'approve' | 'return'
  grade?: Grade
  comment: string
  fileComments: Record<string, string>
}

export interface MatrixStandard {
  id: Id
  code: string
  text: string
  /** materialRate is 0–1, or null when there is no data yet. */
  materialRate: number | null
}

export interface MatrixCell {
  standardId: Id
  unitId: Id
  requirementId: Id
  state: SubmissionState
  submissionId: Id | null
  grade: Grade | ''
}

export interface SubmissionMatrix {
  period: string
  standards: MatrixStandard[]
  units: UnitRef[]
  cells: MatrixCell[]
}

export interface MatrixQuery {
  frameworkId?: Id
  period?: string
  unitId?: Id
  state?: SubmissionState
}

export interface OpenItem {
  requirementId: Id
  standardCode: string
  period: string
  state: SubmissionState
}

/** OpenItems is the month-end "clear to zero" view: each unit's items still open. */
export interface OpenItems {
  month: string
  units: { unitId: Id; unitName: string; items: OpenItem[] }[]
}

export interface UnitFigures {
  unitId: Id
  unitName: string
  unitClass: UnitClass
  due: number
  onTime: number
  late: number
  returned: number
  met: number
  basic: number
  unmet: number
  /** onTimeRate and returnRate are 0–1, or null when nothing was due. */
  onTimeRate: number | null
  returnRate: number | null
}

export interface QuarterFigures {
  quarter: string
  units: UnitFigures[]
}

/** Message is an in-app message to the user's unit, such as a weekly reminder (周提醒). */
export interface Message {
  id: Id
  kind: string
  title: string
  body: string
  createdAt: string
  readAt: string | null
}

// Cases (案件：发现—立案—派遣—处置—核查—结案—评价)

export type CaseSource = 'patrol' | 'assessment' | 'cadre_snap' | 'resident_snap' | 'hotline' | 'media' | 'supervision'
export type CaseState = 'new' | 'registered' | 'dispatched' | 'handling' | 'verifying' | 'closed' | 'returned'
export type CaseClosing = 'fixed' | 'not_fixed' | 'not_ours' | 'duplicate' | 'declined'

/** Photo is a case photo; lat/lng are its EXIF GPS, distanceMeters how far that is from the case location. */
export interface Photo {
  fileId: Id
  name: string
  takenAt: string | null
  lat: number | null
  lng: number | null
  receivedAt: string
  width: number
  height: number
  thumbUrl: string
  url: string
  distanceMeters: number | null
}

export interface Case {
  id: Id
  code: string
  source: CaseSource
  externalId: string
  state: CaseState
  closing: CaseClosing | ''
  categoryId: Id | null
  categoryName: string
  /** categoryPath is the category under its parents: "事件 / 乱扔垃圾". */
  categoryPath: string
  description: string
  address: string
  /** lat and lng are WGS-84. */
  lat: number | null
  lng: number | null
  regionId: Id | null
  regionName: string
  pointId: Id | null
  leadUnitId: Id | null
  leadUnitName: string
  coUnits: UnitRef[]
  reporterName: string
  /** reporterPhone is masked by the server (138****5678). */
  reporterPhone: string
  createdAt: string
  registeredAt: string | null
  dispatchedAt: string | null
  acceptedAt: string | null
  deadline: string | null
  reportedAt: string | null
  closedAt: string | null
  overdue: boolean
  /** remainingMinutes are the working minutes left, negative when overdue; null before the clock starts. */
  remainingMinutes: number | null
  limitMinutes: number
  reworkCount: number
  returnCount: number
  hopCount: number
  reopenCount: number
  extensionPending: boolean
  mergedInto: Id | null
  rating: number | null
  ratingComment: string
  beforePhotos: Photo[]
  afterPhotos: Photo[]
}

export type CaseEventKind =
  | 'created'
  | 'registered'
  | 'declined'
  | 'dispatched'
  | 'accepted'
  | 'returned'
  | 'return_upheld'
  | 'return_refused'
  | 'extension_requested'
  | 'extension_granted'
  | 'extension_refused'
  | 'reported'
  | 'verified_pass'
  | 'verified_fail'
  | 'closed'
  | 'rated'
  | 'reopened'
  | 'merged'
  | 'reminded'
  | 'overdue'
  | 'note'
  | 'supervised'

export interface CaseEvent {
  id: Id
  at: string
  kind: CaseEventKind | string
  actorName: string
  unitName: string
  note: string
  photos: Photo[]
  data: Record<string, unknown>
}

/** CaseAction is what the actor may do with a case now, as the server lists it in `actions`. */
export type CaseAction =
  | 'register'
  | 'decline'
  | 'dispatch'
  | 'accept'
  | 'return'
  | 'rule_return'
  | 'request_extension'
  | 'rule_extension'
  | 'report'
  | 'verify'
  | 'close'
  | 'merge'
  | 'note'

export interface CaseExtension {
  id: Id
  minutes: number
  reason: string
  state: 'pending' | 'granted' | 'refused'
  ruledNote: string
}

export interface CaseDetail extends Case {
  timeline: CaseEvent[]
  /** duplicates are open cases of the same category nearby, not yet merged. */
  duplicates: Case[]
  actions: CaseAction[]
  extension: CaseExtension | null
}

export type CaseView = 'pool' | 'inbox'

export interface CaseQuery {
  view?: CaseView
  state?: string
  source?: string
  categoryId?: Id
  regionId?: Id
  unitId?: Id
  overdue?: boolean
  /** from and to are dates, YYYY-MM-DD (Beijing). */
  from?: string
  to?: string
  q?: string
}

export interface CaseMapItem {
  id: Id
  code: string
  state: CaseState
  categoryName: string
  lat: number
  lng: number
  overdue: boolean
}

export interface CaseStats {
  byState: Partial<Record<CaseState, number>>
  overdue: number
  today: number
}

export interface CaseCreate {
  clientKey: string
  source: CaseSource
  categoryId: Id | null
  description: string
  address: string
  lat: number | null
  lng: number | null
  regionId: Id | null
  pointId?: Id | null
  externalId: string
  reporterName: string
  reporterPhone: string
  fileIds: Id[]
}

export interface BulkDispatchResult {
  dispatched: number
  failed: { caseId: Id; message: string }[]
}

/** SavedCaseView is a named filter; its filters are the list's query parameters, as strings. */
export interface SavedCaseView {
  id: Id
  name: string
  filters: Record<string, string>
}

export interface Notice {
  id: Id
  caseId: Id | null
  caseCode: string
  unitId: Id
  unitName: string
  kind: 'overdue' | 'manual'
  title: string
  body: string
  createdAt: string
}

export type CategoryKind = 'part' | 'event' | 'campaign'
export type LimitUnit = 'hour' | 'day'

export interface CaseCategory {
  id: Id
  code: string
  name: string
  parentId: Id | null
  kind: CategoryKind
  limitValue: number
  limitUnit: LimitUnit
  defaultUnitId: Id | null
  defaultUnitName: string
  active: boolean
}

export type CaseCategoryInput = Omit<CaseCategory, 'id' | 'defaultUnitName'>

export interface DispatchRule {
  id: Id
  categoryId: Id | null
  categoryName: string
  regionId: Id | null
  regionName: string
  unitId: Id
  unitName: string
  priority: number
}

export type DispatchRuleInput = Pick<DispatchRule, 'categoryId' | 'regionId' | 'unitId' | 'priority'>

export type CalendarDayKind = 'holiday' | 'workday'

export interface CalendarDay {
  /** date is YYYY-MM-DD. */
  date: string
  kind: CalendarDayKind
  name: string
}

/** WorkCalendar lists a year's exceptions: Monday–Friday work and weekends rest unless listed. */
export interface WorkCalendar {
  year: number
  workStart: string
  workEnd: string
  days: CalendarDay[]
}

export interface Bounds {
  minLat: number
  minLng: number
  maxLat: number
  maxLng: number
}

export interface CaseSettings {
  bounds: Bounds
  duplicateRadiusMeters: number
  duplicateWindowHours: number
  remindAtPercent: number
  reopenDays: number
  /** workStart and workEnd are HH:mm. */
  workStart: string
  workEnd: string
}

export type WebhookEvent =
  | 'case.created'
  | 'case.dispatched'
  | 'case.accepted'
  | 'case.reported'
  | 'case.reminded'
  | 'case.overdue'
  | 'case.closed'
  | 'case.reopened'

export interface Webhook {
  id: Id
  name: string
  url: string
  secret: string
  events: WebhookEvent[]
  active: boolean
}

export type WebhookInput = Omit<Webhook, 'id'>

export interface WebhookDelivery {
  id: Id
  event: WebhookEvent | string
  caseId: Id | null
  status: 'pending' | 'sent' | 'failed'
  attempts: number
  lastStatus: number | null
  lastError: string
  nextAt: string | null
  createdAt: string
  sentAt: string | null
}

// Public (the resident page /snap, no account)

export interface PublicCaseForm {
  categories: { id: Id; name: string; parentId: Id | null }[]
  regions: { id: Id; name: string; parentId: Id | null }[]
  bounds: Bounds | null
  /** mapTiles is not in the contract yet; used when a server sends it. */
  mapTiles?: MapTiles
}

/** PublicCaseInput is the `case` part of the resident's multipart post; the photos go as files. */
export interface PublicCaseInput {
  clientKey: string
  categoryId: Id | null
  description: string
  address: string
  lat: number | null
  lng: number | null
  regionId: Id | null
  phone: string
}

export interface PublicCaseReceipt {
  token: string
  code: string
  state: CaseState
}

export interface PublicCase {
  code: string
  state: CaseState
  stateName: string
  closing: CaseClosing | ''
  closingName?: string
  categoryName: string
  description: string
  address: string
  createdAt: string
  closedAt: string | null
  timeline: { at: string; kind: string; name: string; note?: string }[]
  beforePhotos: Photo[]
  afterPhotos: Photo[]
  canRate: boolean
  canReopen: boolean
  rating: number | null
  ratingComment?: string
  /** mergedInto names the surviving case when this one was merged (its code, no token). */
  mergedInto: { code: string } | string | null
}

// Rankings, bulletins, sanctions, cockpit (排名、通报、问责、驾驶舱)

/** RankingPeriodKind is a ranking's period: an ISO week "2026-W47", a month "2026-11" or a quarter "2026-Q4". */
export type RankingPeriodKind = 'week' | 'month' | 'quarter'

/** RankingWeights are the points (summing to 100) each component of the composite score carries. */
export interface RankingWeights {
  onTime: number
  rework: number
  overdue: number
  satisfaction: number
  submission: number
  tasks: number
}

export interface RankingBands {
  greenAtLeast: number
  redBelow: number
}

export interface RankingSettings extends RankingBands {
  weights: RankingWeights
}

/**
 * RankingFigures are what a unit is ranked on in a period (the contract's UnitFigures; that name is taken here by
 * the submissions' quarterly figures). Rates are 0–1, satisfaction 1–5, taskProgress 0–100; null = no data.
 */
export interface RankingFigures {
  casesReceived: number
  casesClosed: number
  onTimeRate: number | null
  reworkRate: number | null
  overdue: number
  returns: number
  avgHandlingHours: number | null
  satisfaction: number | null
  submissionsDue: number
  submissionOnTimeRate: number | null
  gradeRate: number | null
  taskProgress: number | null
  notices: number
  talks: number
  exposures: number
  patrolScore: number | null
}

export type RankColor = 'green' | 'yellow' | 'red' | ''

export interface RankedUnit {
  unitId: Id
  unitName: string
  unitClass: UnitClass
  /** rank is null for a unit with no data at all (listed last, score null too). */
  rank: number | null
  previousRank: number | null
  /** movement is positive when the unit moved up since the previous period. */
  movement: number | null
  score: number | null
  color: RankColor
  figures: RankingFigures
}

export interface RankingClass {
  class: UnitClass
  units: RankedUnit[]
}

export interface Ranking {
  period: string
  previous: string
  weights: RankingWeights
  bands: RankingBands
  classes: RankingClass[]
  /** computedAt and notes are sent by the server beyond the contract. */
  computedAt?: string
  notes?: string[]
}

export type BulletinStatus = 'draft' | 'approved' | 'published'

export interface OverdueCaseRef {
  id: Id
  code: string
  categoryName: string
  deadline: string
}

export interface BulletinRedUnit {
  unitId: Id
  unitName: string
  unitClass?: UnitClass
  score: number | null
  overdueCases: OverdueCaseRef[]
}

export interface Bulletin {
  id: Id
  kind: RankingPeriodKind
  period: string
  title: string
  summary: string
  status: BulletinStatus
  createdAt: string
  createdBy: string
  approvedAt: string | null
  approvedBy: string
  publishedAt: string | null
  publishedBy: string
  ranking: Ranking
  redUnits: BulletinRedUnit[]
}

export interface BulletinQuery {
  kind?: RankingPeriodKind | ''
  status?: BulletinStatus | ''
}

export type BulletinFormat = 'xlsx' | 'docx' | 'pdf'

export type SanctionKind = 'notice' | 'talk' | 'exposure'

export interface Sanction {
  id: Id
  kind: SanctionKind
  unitId: Id
  unitName: string
  caseId: Id | null
  caseCode: string
  title: string
  body: string
  occurredAt: string
  files: StoredFile[]
  createdBy: string
  createdAt: string
}

export interface SanctionInput {
  kind: SanctionKind
  unitId: Id
  caseId?: Id | null
  title: string
  body: string
  /** occurredAt is the day it happened, YYYY-MM-DD. */
  occurredAt: string
  fileIds: Id[]
}

export interface SanctionQuery {
  unitId?: Id
  kind?: SanctionKind | ''
}

export interface HeatPoint {
  lat: number
  lng: number
  weight: number
}

export interface CockpitCases {
  byState: Partial<Record<CaseState, number>>
  bySource: Partial<Record<CaseSource, number>>
  byRegion: { regionId: Id; name: string; open: number; overdue: number }[]
  open: number
  overdue: number
  todayIntake: number
  todayClosed: number
  /** trend is the last 30 days, oldest first; date is YYYY-MM-DD. */
  trend: { date: string; intake: number; closed: number }[]
  /** heat may come here rather than at the top level on some servers. */
  heat?: HeatPoint[]
}

export interface Cockpit {
  at: string
  cases: CockpitCases
  ranking: { period: string; A: RankedUnit[]; B: RankedUnit[] }
  heat: HeatPoint[]
  /** score is the live score of the last 30 days; total null = no patrol yet. weakSpots are texts. */
  score: { total: number | null; weakSpots: unknown[] }
  /** points are the active field points with their latest result (absent on older servers). */
  points?: PointMapItem[]
}

// Points and patrols (点位与巡查): the inspector's phone patrol

/** Severity of a check's failure: minor 一般, major 较重, critical 严重. */
export type Severity = 'minor' | 'major' | 'critical'

/** Check is one item of a point category's checklist (检查项); a failure opens a case of caseCategoryId. */
export interface Check {
  id: Id
  seq: number
  text: string
  severity: Severity
  caseCategoryId: Id
  caseCategoryName: string
  standardCodes: string[]
  active: boolean
}

/** Point is a place that is patrolled (点位); lat and lng are WGS-84, chiefPhone is masked. */
export interface Point {
  id: Id
  code: string
  name: string
  categoryId: Id
  categoryName: string
  lat: number
  lng: number
  address: string
  regionId: Id | null
  regionName: string
  grid: string
  unitId: Id
  unitName: string
  chiefUserId: Id | null
  chiefName: string
  chiefPhone: string
  active: boolean
  qrToken: string
  lastPatrolAt: string | null
  lastResult: 'pass' | 'fail' | null
  openCases: number
}

/** NearbyPoint is a point of GET /points/nearby, with its distance from the phone. */
export type NearbyPoint = Point & { distanceMeters: number }

/** PatrolResult is how one check was judged: 合格, 不合格, 不适用. */
export type PatrolResult = 'pass' | 'fail' | 'na'

/** Observation is one judged check of a patrol; a failure names the case it opened. */
export interface Observation {
  id: Id
  checkId: Id
  checkText: string
  severity: Severity
  standardCodes: string[]
  result: PatrolResult
  note: string
  photos: Photo[]
  caseId: Id | null
  caseCode: string
}

/** Patrol is one visit to a point (巡查); far is set when the phone was over 200 m from the point. */
export interface Patrol {
  id: Id
  clientKey: string
  pointId: Id
  pointName: string
  categoryName: string
  roundId: Id | null
  roundName: string
  inspectorId: Id
  inspectorName: string
  startedAt: string
  submittedAt: string
  lat: number | null
  lng: number | null
  distanceMeters: number | null
  far: boolean
  note: string
  pass: number
  fail: number
  na: number
  observations: Observation[]
}

export type PatrolSummary = Omit<Patrol, 'observations'>

/** PointDetail is a point with its active checklist and its latest patrols (what the QR code opens). */
export type PointDetail = Point & { checks: Check[]; patrols: PatrolSummary[] }

/** PatrolInput is POST /patrols; the same clientKey twice answers the same patrol. */
export interface PatrolInput {
  clientKey: string
  pointId: Id
  roundId: Id | null
  lat: number | null
  lng: number | null
  startedAt: string
  note: string
  results: { checkId: Id; result: PatrolResult; note: string; fileIds: Id[] }[]
}

export interface PatrolTaskPoint {
  pointId: Id
  name: string
  categoryName: string
  address: string
  lat: number
  lng: number
  qrToken: string
  doneAt: string | null
  patrolId: Id | null
}

/** PatrolTasks are the signed-in inspector's drawn points in open rounds (测评任务). */
export interface PatrolTasks {
  rounds: { roundId: Id; roundName: string; endsOn: string; points: PatrolTaskPoint[] }[]
}

// Point management and mock assessments (点位管理与模拟测评): the console pages

/** PointCategory is a kind of point (点位类别) with its checklist; pointCount counts its points. */
export interface PointCategory {
  id: Id
  name: string
  description: string
  sort: number
  active: boolean
  pointCount: number
  checks: Check[]
}

export interface PointCategoryInput {
  name: string
  description: string
  sort: number
  active: boolean
}

/** CheckInput is one check of PUT /point-categories/{id}/checks; a check without id is new. */
export interface CheckInput {
  id?: Id
  text: string
  severity: Severity
  caseCategoryId: Id | null
  standardCodes: string[]
}

export interface PointQuery {
  categoryId?: Id
  regionId?: Id
  unitId?: Id
  q?: string
  active?: boolean
}

/** PointInput is POST and PUT /points; coords says which datum lat and lng are in (the console sends WGS-84). */
export interface PointInput {
  code?: string
  name: string
  categoryId: Id | null
  lat: number | null
  lng: number | null
  coords: CoordSystem
  address: string
  regionId: Id | null
  grid: string
  unitId: Id | null
  chiefUserId?: Id | null
  chiefName: string
  chiefPhone: string
  active: boolean
}

export interface PointMapItem {
  id: Id
  name: string
  categoryName: string
  lat: number
  lng: number
  unitName: string
  lastResult: 'pass' | 'fail' | null
}

export type RoundStatus = 'draft' | 'drawn' | 'closed'

/** RoundCategory is how many points of a category a round samples, of the `available` active ones. */
export interface RoundCategory {
  categoryId: Id
  categoryName: string
  sampleSize: number
  available: number
}

export interface RoundInspector {
  userId: Id
  name: string
  assigned: number
  done: number
}

/** Round is a mock assessment (模拟测评); startsOn and endsOn are dates, YYYY-MM-DD. */
export interface Round {
  id: Id
  name: string
  frameworkId: Id
  frameworkName: string
  /** seed drives the draw; null on a draft whose seed is left to the draw (which records the one it chose). */
  seed: number | null
  startsOn: string
  endsOn: string
  status: RoundStatus
  categories: RoundCategory[]
  inspectors: RoundInspector[]
  pointCount: number
  doneCount: number
  createdAt: string
  drawnAt: string | null
  closedAt: string | null
}

export interface RoundInput {
  name: string
  frameworkId: Id | null
  seed: number | null
  startsOn: string
  endsOn: string
  categories: { categoryId: Id; sampleSize: number }[]
  inspectorIds: Id[]
}

/** RoundPoint is a drawn point of a round, with the inspector it is assigned to and how its patrol went. */
export interface RoundPoint {
  pointId: Id
  pointName: string
  categoryName: string
  address: string
  lat: number
  lng: number
  unitName: string
  inspectorId: Id | null
  inspectorName: string
  doneAt: string | null
  patrolId: Id | null
  fail: number
}

export type RoundDetail = Round & { points: RoundPoint[] }

/** ManualMethod is an assessment method whose rate the office enters by hand (not yet collected by the system). */
export type ManualMethod = 'survey' | 'material' | 'online' | 'briefing' | 'observation' | 'statistic'

/** ManualRate is a rate (0–1) entered by hand for a standard and method in a round. */
export interface ManualRate {
  /** part says whose standard it is: the round's framework (main, the default) or its minors' framework. */
  part?: 'main' | 'minors'
  standardCode: string
  method: ManualMethod
  rate: number
  note: string
  enteredBy: string
  enteredAt: string
}

export type ManualRateInput = Pick<ManualRate, 'part' | 'standardCode' | 'method' | 'rate' | 'note'>

export type NodeGrade = 'A' | 'B' | 'C' | ''

/** NodeScore is an item (1), indicator (2) or content (3) of a score; rate and points are null without data. */
export interface NodeScore {
  code: string
  name: string
  level: NodeLevel
  part: NodePart
  weight: number
  points: number | null
  /** max is the weight of its children that have data. */
  max: number
  rate: number | null
  grade: NodeGrade
  deducted: number
}

/** StandardScore is one standard's rate (0–1) and the evidence behind it. */
export interface StandardScore {
  code: string
  text: string
  contentCode: string
  methods: string[]
  rate: number | null
  pointsLost: number | null
  field: { pass: number; fail: number; na: number } | null
  target: { value: number; met: boolean } | null
  material: number | null
  manual: Partial<Record<string, number>>
  previousRate: number | null
}

/** NegativeEvent is a negative-list event (负面清单事件); occurredOn is a date, YYYY-MM-DD. */
export interface NegativeEvent {
  id: Id
  frameworkId: Id
  code: string
  text: string
  effect: NegativeEffect
  points: number | null
  unitId: Id | null
  unitName: string
  occurredOn: string
  note: string
  createdBy: string
  createdAt: string
  /** deducted is, in a score, the points the event actually took (less than points at the floor of 0). */
  deducted?: number
}

export interface NegativeEventInput {
  frameworkId: Id
  code: string
  unitId?: Id | null
  occurredOn: string
  note: string
}

export interface ScoreMinors {
  total: number
  gate: number | null
  weight: number | null
  /** passed is null when the minors' framework has no data at all. */
  passed: boolean | null
  nodes: NodeScore[]
  standards: StandardScore[]
}

/** Score is a round's result or the live score over the last days; total etc. are points. */
export interface Score {
  scope: 'round' | 'live'
  roundId: Id | null
  from: string
  to: string
  frameworkId: Id
  frameworkName: string
  computedAt: string
  total: number
  basic: number
  special: number
  deductions: number
  eligible: boolean
  reasons: string[]
  combined: number | null
  minors: ScoreMinors | null
  nodes: NodeScore[]
  standards: StandardScore[]
  weakSpots: StandardScore[]
  units: { unitId: Id; unitName: string; pointsLost: number; fail: number }[]
  regions: { regionId: Id; name: string; pointsLost: number; fail: number }[]
  events: NegativeEvent[]
  previous: { roundId: Id; name: string; total: number } | null
}

/** ScoreTrendItem is one closed round (or, last, the live score) on the trend line. */
export interface ScoreTrendItem {
  roundId: Id | null
  name: string
  at: string
  total: number
  basic: number
  special: number
  minors: number | null
  combined: number | null
  eligible: boolean
}

/** ObservationRow is one judged check behind a score figure. */
export interface ObservationRow {
  id: Id
  patrolId: Id
  pointId: Id
  pointName: string
  categoryName: string
  unitName: string
  regionName: string
  checkText: string
  result: PatrolResult
  note: string
  observedAt: string
  inspectorName: string
  photos: Photo[]
  caseId: Id | null
  caseCode: string
}

export interface ObservationQuery {
  roundId?: Id
  live?: boolean
  days?: number
  standardCode?: string
  result?: PatrolResult | ''
  unitId?: Id
  regionId?: Id
}
