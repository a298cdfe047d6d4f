// Wire types of API v1, under the names the console uses. Each is the shape the
// server's OpenAPI document gives (schema.d.ts, generated from it: see
// web/README.md), so a field the server adds, drops or renames shows up here
// as a type error. Times are RFC 3339 strings in UTC.
//
// Where the document types a field as a plain string but the console knows its
// values (a unit's class, a framework's status …), Narrow names them; it
// refuses a narrowing that the document's type does not allow. Query types
// (…Query) and the few unions of UI words are the console's own.
import type { components } from './schema'

type S = components['schemas']

/** Narrow is T with some fields given narrower types; each must fit T's own type for that field. */
type Narrow<T, N extends { [K in keyof N]: K extends keyof T ? T[K] : never }> = Omit<T, keyof N> & N

// Id is the server's numeric row id; the UI never does arithmetic on it.
export type Id = number

export type RoleCode = S['Role']
export type ScopeKind = S['ScopeKind']
export type UnitClass = 'A' | 'B'

export type Scope = S['ScopeView']

/** Me is the signed-in person, as GET /me and POST /auth/login give it. */
export type Me = S['Person']

/** Page is one page of a list; the document names each instance (PageOfCase …), checked below. */
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

/** ErrorDetail locates one bad cell of an imported workbook (an error's details). */
export type ErrorDetail = S['ImportProblem']
export type ApiErrorBody = S['Error']
export type ErrorCode = S['ErrorCode']

export type CodeName<C extends string = string> = Narrow<S['Named'], { code: C }>

export type Meta = Narrow<
  S['MetaView'],
  {
    roles: CodeName<RoleCode>[]
    unitClasses: CodeName<UnitClass>[]
    /** regionLevels: the document types it as any JSON (the Go field is `any`). */
    regionLevels: (CodeName & { digits: number })[]
    scopeKinds: CodeName<ScopeKind>[]
    comparators: CodeName<Comparator>[]
    caseSources: CodeName<CaseSource>[]
    caseStates: CodeName<CaseState>[]
    caseClosings: CodeName<CaseClosing>[]
    mapTiles: MapTiles
  }
>

export type CoordSystem = 'wgs84' | 'gcj02'

/** MapTiles is the base map; an empty url means no tiles (the map draws on a plain background). coordSystem is the tiles' datum. */
export type MapTiles = Narrow<S['MapTiles'], { coordSystem: CoordSystem }>

/** Phase is a stage of the year's plan; from and to are MM-DD. */
export type Phase = S['Phase']

/** ApiToken is a token as listed; NewApiToken is the answer to creating one, the only time its token is shown. */
export type ApiToken = S['Token']
export type NewApiToken = S['Token'] & { token: string }

export type Region = S['Region']
export type RegionCreate = S['RegionInput']
export type RegionUpdate = Pick<S['RegionInput'], 'name' | 'sortKey'>
/** Jurisdiction is a region with its creation office, with the one above it. */
export type Jurisdiction = S['Jurisdiction']
/** OutlineCollection is the GeoJSON FeatureCollection of the outlines the signed-in person reads, one feature a region. */
export type OutlineCollection = S['OutlineCollection']
export type OutlineFeature = S['OutlineFeature']
/** BoundaryBody is a drawn outline: a GeoJSON Polygon or MultiPolygon ([lng, lat], WGS-84), or a Feature holding one. */
export type BoundaryBody = S['BoundaryBody']

export type Unit = Narrow<S['Unit'], { class: UnitClass }>
export type UnitInput = Narrow<S['UnitInput'], { class: UnitClass }>

export interface UnitQuery extends PageQuery {
  q?: string
  kind?: string
  class?: string
  regionId?: Id
}

export type Person = S['Person']
export type PersonInput = Narrow<S['PersonInput'], { scopeKind: ScopeKind }>
export type PersonCreate = PersonInput
export type PersonUpdate = Omit<PersonInput, 'username' | 'password'>

export interface PersonQuery extends PageQuery {
  q?: string
  unitId?: Id
  role?: string
}

/** AuditEntry: before and after are the record's snapshots (any JSON in the document: objects, or null). */
export type AuditEntry = Narrow<S['Entry'], { before: Record<string, unknown> | null; after: Record<string, unknown> | null }>

export interface AuditQuery extends PageQuery {
  actor?: string
  action?: string
  entity?: string
  from?: string
  to?: string
  q?: string
}

export type ImportResult = S['OrgImportResult']

export type LoginInput = S['LoginRequest']
export type PasswordChange = S['PasswordChange']
export type PasswordReset = S['PasswordReset']
export type TokenRequest = S['TokenRequest']

/** UnitRef names a unit inside another record (lead and responsible units). */
export type UnitRef = S['UnitRef']

// Framework (测评体系)

export type FrameworkKind = 'main' | 'minors'
export type FrameworkStatus = 'draft' | 'frozen'

export type Framework = Narrow<S['Framework'], { kind: FrameworkKind; status: FrameworkStatus }>
export type FrameworkUpdate = S['Header']

export type NodeLevel = 1 | 2 | 3
export type NodePart = 'basic' | 'special'
export type ScoreMode = 'rate' | 'grade'

/** FrameworkNode is a 测评项目 (level 1), 测评指标 (2) or 测评内容 (3). */
export type FrameworkNode = Narrow<S['Node'], { level: NodeLevel; part: NodePart; scoreMode: ScoreMode }>
export type NodeInput = Narrow<S['NodeInput'], { part: NodePart; scoreMode: ScoreMode }>

export type Comparator = '' | '>=' | '<=' | '=' | 'between'

/** TargetSpec is a standard's 数据指标: metric, comparator, threshold(s) and unit of measure. */
export type TargetSpec = Narrow<
  Pick<S['Standard'], 'metric' | 'comparator' | 'threshold' | 'threshold2' | 'measureUnit'>,
  { comparator: Comparator }
>

export type Standard = Narrow<S['Standard'], { comparator: Comparator }>
export type StandardDetail = Narrow<S['StandardPage'], { comparator: Comparator; path: PathStep[] }>
export type PathStep = Narrow<S['PathStep'], { level: NodeLevel }>
export type StandardInput = Narrow<S['StandardInput'], { comparator: Comparator }>

export type NegativeEffect = 'deduct' | 'veto'

export type Negative = Narrow<S['Negative'], { effect: NegativeEffect }>
export type NegativeInput = Narrow<S['NegativeInput'], { effect: NegativeEffect }>

export type FrameworkTree = Narrow<
  S['Tree'],
  { framework: Framework; nodes: FrameworkNode[]; standards: Standard[]; negatives: Negative[] }
>

export type FieldChange = S['FieldChange']
export type FrameworkChange = Narrow<
  S['Change'],
  { kind: 'framework' | 'node' | 'standard' | 'negative'; change: 'added' | 'removed' | 'changed' }
>
export type FrameworkComparison = Narrow<S['Comparison'], { changes: FrameworkChange[] }>

// Targets (数据指标)

export type TargetStatusCode = 'met' | 'not_met' | 'not_reported'

export type TargetStatus = Narrow<S['TargetStatus'], { comparator: Comparator; status: TargetStatusCode }>

export interface TargetQuery {
  /** jurisdictionId is whose values count: the actor's own, or a county below it. */
  jurisdictionId?: Id
  frameworkId?: Id
  period?: string
  status?: string
  unitId?: Id
  q?: string
}

export type TargetList = Narrow<S['TargetList'], { items: TargetStatus[] }>
export type TargetReportInput = S['FrameworkReportInput']

/** StoredFile is an uploaded evidence file (PDF, Office, image …). */
export type StoredFile = S['File']
export type TargetReport = S['TargetReport']

// Plan (年度方案)

export type Plan = S['Plan']
/** Task: deadline is a date, YYYY-MM-DD; progress is 0–100, the mean over its units; unitProgress and unitOverdue are one unit's own figures, when the list was asked for a unit. */
export type Task = S['Task']

export interface TaskQuery {
  phase?: string
  unitId?: Id
  overdue?: boolean
  q?: string
}

export type TaskInput = S['TaskInput']

export type UnitRole = 'lead' | 'responsible'

export type TaskUnit = Narrow<S['UnitProgress'], { role: UnitRole }>
export type TaskReport = S['Report']
export type TaskDetail = Narrow<S['TaskDetail'], { units: TaskUnit[] }>
export type ProgressInput = S['PlanReportInput']
export type Responsibility = Narrow<S['Responsibility'], { role: UnitRole }>

/** SupervisionItem: kind is 'task' for an overdue task, 'case' for an overdue case (id is then the case's). */
export type SupervisionItem = Narrow<S['Supervision'], { kind: 'task' | 'case' }>

/** UnitLists are a unit's four lists (四单): tasks, responsibilities, problems, supervision. */
export type UnitLists = Narrow<S['Lists'], { responsibilities: Responsibility[]; supervision: SupervisionItem[] }>

// Submissions (材料报送)

/** Cadence is how often a unit submits evidence for a requirement. */
export type Cadence = 'month' | 'quarter' | 'year'

export type RequirementField = S['Field']

/** Requirement is what one unit must submit for one material standard (材料审核), per period. */
export type Requirement = Narrow<S['Requirement'], { cadence: Cadence }>

export interface RequirementQuery {
  frameworkId?: Id
  unitId?: Id
  q?: string
}

export type RequirementUpdate = Narrow<S['RequirementInput'], { cadence: Cadence }>
export type GenerateRequest = S['GenerateRequest']
export type GenerateResult = S['GenerateResult']

export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved'
/** SubmissionState is a requirement's state for a period: its latest submission's status, or missing / late without one. */
export type SubmissionState = 'missing' | 'late' | SubmissionStatus
export type Grade = 'met' | 'basic' | 'unmet'

/** Submission: values are the requirement's fields by name, fileComments the reviewer's comments by file id. */
export type Submission = Narrow<S['Submission'], { status: SubmissionStatus; grade: Grade | '' }>
/** SubmissionDetail: history holds every version, newest first. */
export type SubmissionDetail = Narrow<
  S['Detail'],
  { status: SubmissionStatus; grade: Grade | ''; requirement: Requirement; history: Submission[] }
>
export type SubmissionInput = S['Draft']

/** TodoItem: period is the requirement's own period for the month asked (2026-11, 2026-Q4 or 2026); deadline is YYYY-MM-DD. */
export type TodoItem = Narrow<
  S['TodoItem'],
  { requirement: Requirement; state: SubmissionState; submission: Submission | null }
>
export type TodoList = Narrow<S['TodoList'], { items: TodoItem[] }>
export type ReviewItem = Narrow<S['ReviewItem'], { status: SubmissionStatus; grade: Grade | '' }>

export interface ReviewQuery {
  status?: SubmissionStatus
  unitId?: Id
  standardId?: Id
  period?: string
}

export type ReviewInput = Narrow<S['Review'], { decision: 'approve' | 'return'; grade: Grade | '' }>

/** MatrixStandard: materialRate is 0–1, or null when there is no data yet. */
export type MatrixStandard = S['MatrixRow']
export type MatrixCell = Narrow<S['Cell'], { state: SubmissionState; grade: Grade | '' }>
export type SubmissionMatrix = Narrow<S['Matrix'], { cells: MatrixCell[] }>

export interface MatrixQuery {
  frameworkId?: Id
  period?: string
  unitId?: Id
  state?: SubmissionState
}

export type OpenItem = Narrow<S['OpenItem'], { state: SubmissionState }>
/** OpenItems is the month-end "clear to zero" view: each unit's items still open. */
export type OpenItems = Narrow<S['OpenView'], { units: Narrow<S['OpenUnit'], { items: OpenItem[] }>[] }>

/** UnitFigures are a unit's quarterly submission figures; onTimeRate and returnRate are 0–1. */
export type UnitFigures = Narrow<S['UnitFigures'], { unitClass: UnitClass }>
export type QuarterFigures = Narrow<S['FiguresView'], { units: UnitFigures[] }>

/** Message is an in-app message to the user's unit, such as a weekly reminder (周提醒). */
export type Message = S['Message']

// Cases (案件：发现—立案—派遣—处置—核查—结案—评价)

export type CaseSource = 'patrol' | 'assessment' | 'cadre_snap' | 'resident_snap' | 'hotline' | 'media' | 'supervision'
export type CaseState = S['CaseState']
export type CaseClosing = 'fixed' | 'not_fixed' | 'not_ours' | 'duplicate' | 'declined'

/** Photo is a case photo; lat/lng are its EXIF GPS, distanceMeters how far that is from the case location. */
export type Photo = S['CasesPhoto']

/** Case: lat and lng are WGS-84; reporterPhone is masked; remainingMinutes are the working minutes left, negative when overdue, null before the clock starts. */
export type Case = Narrow<S['Case'], { source: CaseSource; closing: CaseClosing | '' }>

export type CaseEventKind = S['CaseEventKind']
export type CaseEvent = S['Event']

/** CaseAction is what the actor may do with a case now, as the server lists it in `actions`. */
export type CaseAction = S['CaseAction']

export type CaseExtension = Narrow<S['Extension'], { state: 'pending' | 'granted' | 'refused' }>

/** CaseDetail: duplicates are open cases of the same category nearby, not yet merged. */
export type CaseDetail = Narrow<
  S['CaseDetail'],
  { source: CaseSource; closing: CaseClosing | ''; duplicates: Case[]; actions: CaseAction[]; extension: CaseExtension | null }
>

export type CaseView = 'pool' | 'inbox'

// The bodies of the case flow's steps, as the server reads them.
export type CaseRegisterInput = S['RegisterInput']
/** CaseReasonInput is the body of 不予立案, 退回 and a resident's reopening. */
export type CaseReasonInput = S['ReasonInput']
export type CaseDispatchInput = S['DispatchInput']
/** CaseHandDownInput names the jurisdiction below that takes the case (下派). */
export type CaseHandDownInput = S['HandDownInput']
export type BulkDispatchInput = S['BulkDispatchInput']
export type CaseNoteInput = S['NoteInput']
export type CaseRuleReturnInput = Narrow<S['RuleReturnInput'], { decision: 'uphold' | 'refuse' }>
export type CaseExtensionInput = S['ExtensionInput']
export type CaseRuleExtensionInput = Narrow<S['RuleExtensionInput'], { decision: 'grant' | 'refuse' }>
/** CasePhotoInput is the body of 回复整改 and of a note: a text with photos, and where the phone was (null: no fix). */
export type CasePhotoInput = S['PhotoInput']
export type CaseVerifyInput = Narrow<S['VerifyInput'], { decision: 'pass' | 'fail' }>
export type CaseCloseInput = Narrow<S['CloseInput'], { closing: 'not_fixed' | 'not_ours' | 'duplicate' }>
export type CaseMergeInput = S['MergeInput']
/** SavedCaseViewInput is a new saved view; the server gives it its id. */
export type SavedCaseViewInput = Omit<S['View'], 'id'>

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

export type CaseMapItem = S['MapItem']
export type CaseStats = Narrow<S['Stats'], { byState: Partial<Record<CaseState, number>> }>
export type CaseCreate = Narrow<S['IntakeInput'], { source: CaseSource }>
export type BulkDispatchResult = S['BulkResult']

/** SavedCaseView is a named filter; its filters are the list's query parameters, as strings. */
export type SavedCaseView = S['View']

export type Notice = Narrow<S['Notice'], { kind: 'overdue' | 'manual' }>

export type CategoryKind = 'part' | 'event' | 'campaign'
export type LimitUnit = 'hour' | 'day'

export type CaseCategory = Narrow<S['CasesCategory'], { kind: CategoryKind; limitUnit: LimitUnit }>
export type CaseCategoryInput = Narrow<S['CasesCategoryInput'], { kind: CategoryKind; limitUnit: LimitUnit }>

export type DispatchRule = S['Rule']
export type DispatchRuleInput = S['RuleInput']

export type CalendarDayKind = 'holiday' | 'workday'

/** CalendarDay: date is YYYY-MM-DD. */
export type CalendarDay = Narrow<S['CalendarDay'], { kind: CalendarDayKind }>

/** WorkCalendar lists a year's exceptions: Monday–Friday work and weekends rest unless listed. */
export type WorkCalendar = Narrow<S['CalendarYear'], { days: CalendarDay[] }>

export type Bounds = S['Bounds']
/**
 * CaseSettings: workStart and workEnd are HH:mm. origins say, per setting an
 * office may fix below it, where its value comes from; lockedBelow are those
 * this jurisdiction fixes for the ones below it.
 */
export type CaseSettings = S['Settings']
/** SettingOrigin is where one setting in force comes from; locked: an office above fixed it. */
export type SettingOrigin = S['Origin']

export type WebhookEvent =
  | 'case.created'
  | 'case.dispatched'
  | 'case.accepted'
  | 'case.reported'
  | 'case.reminded'
  | 'case.overdue'
  | 'case.closed'
  | 'case.reopened'

export type Webhook = Narrow<S['Webhook'], { events: WebhookEvent[] }>
export type WebhookInput = Omit<Webhook, 'id' | 'jurisdictionName'>
export type WebhookDelivery = Narrow<S['Delivery'], { status: 'pending' | 'sent' | 'failed' }>

// Public (the resident page /snap, no account)

export type PublicRatingInput = S['RatingInput']

export type PublicCaseForm = S['CaseForm']
/** PublicCaseInput is the `case` part of the resident's multipart post; the photos go as files. */
export type PublicCaseInput = S['ResidentInput']
export type PublicCaseReceipt = Narrow<S['Receipt'], { state: CaseState }>
/** PublicCase: mergedInto is the surviving case when this one was merged. */
export type PublicCase = Narrow<S['PublicCase'], { closing: CaseClosing | '' }>

// Rankings, bulletins, sanctions, cockpit (排名、通报、问责、驾驶舱)

/** RankingPeriodKind is a ranking's period: an ISO week "2026-W47", a month "2026-11" or a quarter "2026-Q4". */
export type RankingPeriodKind = 'week' | 'month' | 'quarter'

/** RankingWeights are the points (summing to 100) each component of the composite score carries. */
export type RankingWeights = S['Weights']
export type RankingBands = S['Bands']
/** RankingSettingsInput is what an office sets: the weights, the bands, and which of them the jurisdictions below must keep. */
export type RankingSettingsInput = S['SettingsInput']
/** RankingSettings are the weights and bands alone. */
export type RankingSettings = Omit<RankingSettingsInput, 'lockedBelow'>
/** RankingSettingsView is the settings in force in a jurisdiction: inheritedFrom names the one above they come from ("" = set here). */
export type RankingSettingsView = S['SettingsView']

/** RankingFigures are what a unit is ranked on in a period. Rates are 0–1, satisfaction 1–5, taskProgress 0–100; null = no data. */
export type RankingFigures = S['Figures']

export type RankColor = 'green' | 'yellow' | 'red' | ''

/** RankedUnit: rank is null for a unit with no data at all (listed last, score null too); movement is positive when it moved up. */
export type RankedUnit = Narrow<S['RankedUnit'], { unitClass: UnitClass; color: RankColor }>
export type RankingClass = Narrow<S['Class'], { class: UnitClass; units: RankedUnit[] }>
export type Ranking = Narrow<S['Ranking'], { classes: RankingClass[] }>

export type BulletinStatus = 'draft' | 'approved' | 'published'

export type OverdueCaseRef = S['OverdueCase']
export type BulletinRedUnit = Narrow<S['RedUnit'], { unitClass: UnitClass }>
export type Bulletin = Narrow<
  S['Bulletin'],
  { kind: RankingPeriodKind; status: BulletinStatus; ranking: Ranking; redUnits: BulletinRedUnit[]; jurisdictions: RankedJurisdiction[] }
>

/** RankedJurisdiction is a county ranked as a whole: score is its live score, else its work score; rank null = no score at all. */
export type RankedJurisdiction = Narrow<S['RankedJurisdiction'], { color: RankColor }>
/** JurisdictionRanking ranks the jurisdictions directly below one (the city's counties); empty for a county. */
export type JurisdictionRanking = Narrow<S['JurisdictionRanking'], { jurisdictions: RankedJurisdiction[] }>

export type BulletinInput = Narrow<S['BulletinInput'], { kind: RankingPeriodKind }>
export type BulletinEdit = S['BulletinEdit']

export interface BulletinQuery {
  kind?: RankingPeriodKind | ''
  status?: BulletinStatus | ''
  /** jurisdictionId keeps one jurisdiction's bulletins (a county the city office picked). */
  jurisdictionId?: Id
}

export type BulletinFormat = 'xlsx' | 'docx' | 'pdf'

export type SanctionKind = 'notice' | 'talk' | 'exposure'

export type Sanction = Narrow<S['Sanction'], { kind: SanctionKind }>
/** SanctionInput: occurredAt is the day it happened, YYYY-MM-DD. */
export type SanctionInput = Narrow<S['SanctionInput'], { kind: SanctionKind }>

export interface SanctionQuery {
  unitId?: Id
  kind?: SanctionKind | ''
}

export type HeatPoint = S['HeatPoint']

/** CockpitCases: trend is the last 30 days, oldest first (date YYYY-MM-DD). */
export type CockpitCases = Narrow<
  S['Overview'],
  { byState: Partial<Record<CaseState, number>>; bySource: Partial<Record<CaseSource, number>> }
>

/** Cockpit: score is the live score of the last 30 days (total null = no patrol yet); points are the active field points with their latest result. */
export type Cockpit = Narrow<
  S['Cockpit'],
  {
    cases: CockpitCases
    ranking: Narrow<S['CockpitRanking'], { A: RankedUnit[]; B: RankedUnit[] }>
    points: PointMapItem[]
  }
>

// Points and patrols (点位与巡查): the inspector's phone patrol

/** Severity of a check's failure: minor 一般, major 较重, critical 严重. */
export type Severity = 'minor' | 'major' | 'critical'

/** Check is one item of a point category's checklist (检查项); a failure opens a case of caseCategoryId. */
export type Check = Narrow<S['Check'], { severity: Severity }>

export type LastResult = 'pass' | 'fail' | null

/** Point is a place that is patrolled (点位); lat and lng are WGS-84, chiefPhone is masked. */
export type Point = Narrow<S['Point'], { lastResult: LastResult }>

/** NearbyPoint is a point of GET /points/nearby, with its distance from the phone. */
export type NearbyPoint = Point & { distanceMeters: number }

/** PatrolResult is how one check was judged: 合格, 不合格, 不适用. */
export type PatrolResult = 'pass' | 'fail' | 'na'

/** Observation is one judged check of a patrol; a failure names the case it opened. */
export type Observation = Narrow<S['Observation'], { severity: Severity; result: PatrolResult }>

/** Patrol is one visit to a point (巡查); far is set when the phone was over 200 m from the point. */
export type Patrol = Narrow<S['Patrol'], { observations: Observation[] }>

export type PatrolSummary = S['PatrolSummary']

/** PointDetail is a point with its active checklist and its latest patrols (what the QR code opens). */
export type PointDetail = Narrow<S['PointDetail'], { lastResult: LastResult; checks: Check[] }>

/** PatrolInput is POST /patrols; the same clientKey twice answers the same patrol. */
export type PatrolInput = Narrow<S['PatrolInput'], { results: Narrow<S['ResultInput'], { result: PatrolResult }>[] }>

/** PatrolTasks are the signed-in inspector's drawn points in open rounds (测评任务). */
export type PatrolTasks = S['Tasks']
export type PatrolTaskPoint = RoundPoint

// Point management and mock assessments (点位管理与模拟测评): the console pages

/** PointCategory is a kind of point (点位类别) with its checklist; pointCount counts its points. */
export type PointCategory = Narrow<S['PatrolCategory'], { checks: Check[] }>
export type PointCategoryInput = S['PatrolCategoryInput']

/** CheckInput is one check of PUT /point-categories/{id}/checks; a check with a null id is new. */
export type CheckInput = Narrow<S['CheckInput'], { severity: Severity }>

export interface PointQuery {
  categoryId?: Id
  regionId?: Id
  unitId?: Id
  q?: string
  active?: boolean
}

/** PointInput is POST and PUT /points; coords says which datum lat and lng are in (the console sends WGS-84). */
export type PointInput = Narrow<S['PointInput'], { coords: CoordSystem }>

export type PointMapItem = Narrow<S['MapPoint'], { lastResult: LastResult }>

export type RoundStatus = 'draft' | 'drawn' | 'closed'

/** RoundCategory is how many points of a category a round samples, of the `available` active ones. */
export type RoundCategory = S['RoundCategory']
export type RoundInspector = S['RoundInspector']

/** Round is a mock assessment (模拟测评); startsOn and endsOn are dates, YYYY-MM-DD; seed is null on a draft whose seed is left to the draw. */
export type Round = Narrow<S['Round'], { status: RoundStatus }>
export type RoundInput = S['RoundInput']

/** RoundPoint is a drawn point of a round, with the inspector it is assigned to and how its patrol went. */
export type RoundPoint = S['RoundPoint']
export type RoundDetail = Narrow<S['RoundDetail'], { status: RoundStatus }>

/** ManualMethod is an assessment method whose rate the office enters by hand (not yet collected by the system). */
export type ManualMethod = 'survey' | 'material' | 'online' | 'briefing' | 'observation' | 'statistic'

/** ManualRate is a rate (0–1) entered by hand for a standard and method in a round; part says whose standard it is (main or minors). */
export type ManualRate = Narrow<S['Rate'], { part: 'main' | 'minors'; method: ManualMethod }>
export type ManualRateInput = Pick<ManualRate, 'part' | 'standardCode' | 'method' | 'rate' | 'note'>

export type NodeGrade = 'A' | 'B' | 'C' | ''

/** NodeScore is an item (1), indicator (2) or content (3) of a score; rate and points are null without data; max is the weight of its children that have data. */
export type NodeScore = Narrow<S['NodeScore'], { level: NodeLevel; part: NodePart; grade: NodeGrade }>

/** StandardScore is one standard's rate (0–1) and the evidence behind it. */
export type StandardScore = S['StandardScore']

/** NegativeEvent is a negative-list event (负面清单事件); occurredOn is a date, YYYY-MM-DD. */
export type NegativeEvent = Narrow<S['NegativeEvent'], { effect: NegativeEffect }>
/** ScoreEvent is a negative event in a score; deducted is the points it actually took (less than points at the floor of 0). */
export type ScoreEvent = Narrow<S['EventScore'], { effect: NegativeEffect }>
export type NegativeEventInput = S['EventInput']

/** ScoreMinors: passed is null when the minors' framework has no data at all. */
export type ScoreMinors = Narrow<S['MinorsResult'], { nodes: NodeScore[] }>

/** Score is a round's result or the live score over the last days; total etc. are points. */
export type Score = Narrow<
  S['Score'],
  { scope: 'round' | 'live'; minors: ScoreMinors | null; nodes: NodeScore[]; events: ScoreEvent[] }
>

/** ScoreTrendItem is one closed round (or, last, the live score) on the trend line. */
export type ScoreTrendItem = S['TrendPoint']

/** ObservationRow is one judged check behind a score figure. */
export type ObservationRow = Narrow<S['ObservationRow'], { result: PatrolResult }>

export interface ObservationQuery {
  roundId?: Id
  live?: boolean
  days?: number
  standardCode?: string
  result?: PatrolResult | ''
  unitId?: Id
  regionId?: Id
}

// The shapes written once above as generics, checked against the document's instances of them.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Holds<T extends true> = T
export type DocumentChecks = [
  Holds<Same<Page<S['Case']>, S['PageOfCase']>>,
  Holds<Same<Page<S['Unit']>, S['PageOfUnit']>>,
  Holds<Same<Page<S['Person']>, S['PageOfPerson']>>,
]
