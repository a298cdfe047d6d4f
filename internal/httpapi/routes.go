package httpapi

import (
	"net/http"
	"strings"

	"wenming/internal/assessment"
	"wenming/internal/cases"
	"wenming/internal/patrol"
	"wenming/internal/ranking"
	"wenming/internal/webhook"

	"wenming/internal/domain"
)

// handler is an API handler; the actor is nil on public routes.
type handler func(w http.ResponseWriter, r *http.Request, a *domain.Actor) error

// route is one API endpoint with what the OpenAPI document says of it.
type route struct {
	method, path string
	tag, summary string
	public       bool // no sign-in needed
	pending      bool // allowed while the password must still be changed
	in, out      any  // request and response body shapes (nil: none)
	query        []param
	status       int    // success status (default 200)
	download     string // response is a file of this media type
	upload       bool   // request is multipart with a "file" field
	h            handler

	// limit is the rate a public route counts against (nil: none).
	limit func(*Limiter, *http.Request) error
}

// param documents a query parameter.
type param struct{ name, typ, desc string }

var (
	pageParams = []param{{"page", "integer", "页码，从 1 开始"}, {"pageSize", "integer", "每页条数，1–200，默认 20"}}
	unitQuery  = []param{{"q", "string", "名称或拼音关键字"}, {"kind", "string", "单位类型"}, {"class", "string", "分类 A/B"}, {"regionId", "integer", "所属区划（含下级）"}}
	peopleQ    = []param{{"q", "string", "姓名或用户名关键字"}, {"unitId", "integer", "所属单位"}, {"role", "string", "角色"}}
	pointQuery = []param{{"categoryId", "integer", "点位类别"}, {"regionId", "integer", "区域（含下级）"}, {"unitId", "integer", "责任单位"}, {"q", "string", "名称、编码或地址关键字"}, {"active", "boolean", "启用状态"}}
	auditQuery = []param{{"actor", "string", "操作人"}, {"action", "string", "操作"}, {"entity", "string", "对象类型"},
		{"q", "string", "摘要关键字或对象编号"}, {"from", "string", "起始日期 YYYY-MM-DD（北京时间）"}, {"to", "string", "截止日期 YYYY-MM-DD（含当日）"}}
)

// apiRoutes lists every API endpoint: the one place to find a capability's
// URL, its handler and its documentation.
func (s *Server) apiRoutes() []route {
	return []route{
		{method: "POST", path: "/api/v1/auth/login", tag: "认证", summary: "登录", public: true, in: loginRequest{}, out: domain.Person{}, h: s.login},
		{method: "POST", path: "/api/v1/auth/logout", tag: "认证", summary: "退出登录", pending: true, status: 204, h: s.logout},
		{method: "GET", path: "/api/v1/me", tag: "认证", summary: "当前用户", pending: true, out: domain.Person{}, h: s.me},
		{method: "POST", path: "/api/v1/me/password", tag: "认证", summary: "修改本人密码", pending: true, in: passwordChange{}, status: 204, h: s.changePassword},
		{method: "GET", path: "/api/v1/me/tokens", tag: "认证", summary: "本人的 API 令牌", out: listOf[tokenView]{}, h: s.listTokens},
		{method: "POST", path: "/api/v1/me/tokens", tag: "认证", summary: "创建 API 令牌（令牌只显示一次）", in: tokenRequest{}, out: tokenView{}, status: 201, h: s.createToken},
		{method: "DELETE", path: "/api/v1/me/tokens/{id}", tag: "认证", summary: "吊销 API 令牌", status: 204, h: withIDNoContent(s.Auth.RevokeToken)},
		{method: "GET", path: "/api/v1/meta", tag: "字典", summary: "角色、单位类型等字典", out: metaView{}, h: s.meta},

		{method: "GET", path: "/api/v1/regions", tag: "区划", summary: "区划列表（扁平，按代码排序）", query: []param{{"q", "string", "名称或代码关键字"}}, out: listOf[domain.Region]{}, h: s.listRegions},
		{method: "POST", path: "/api/v1/regions", tag: "区划", summary: "新增区划", in: regionInput{}, out: domain.Region{}, status: 201, h: withBody(201, s.Org.CreateRegion)},
		{method: "PUT", path: "/api/v1/regions/{id}", tag: "区划", summary: "修改区划名称或排序键", in: regionInput{}, out: domain.Region{}, h: withIDBody(200, s.Org.UpdateRegion)},
		{method: "DELETE", path: "/api/v1/regions/{id}", tag: "区划", summary: "删除区划", status: 204, h: withIDNoContent(s.Org.DeleteRegion)},
		{method: "GET", path: "/api/v1/regions/{id}/boundary", tag: "区划", summary: "区划边界（GeoJSON；无边界时 204）", download: geoJSONType, h: s.regionBoundary},
		{method: "POST", path: "/api/v1/regions/boundaries", tag: "区划", summary: "导入区划边界：GeoJSON FeatureCollection，要素属性 code 为区划代码（全部成功或全部不导入）", upload: true, out: importResult{}, h: s.importBoundaries},
		{method: "GET", path: "/api/v1/regions/boundaries", tag: "区划", summary: "已绘制的区划边界（GeoJSON FeatureCollection；本人可查看的辖区内，属性含区划与所属辖区）", query: []param{{"jurisdictionId", "integer", "辖区（含其下级辖区；上级创城办可查看下辖辖区）"}}, out: outlineCollection{}, h: s.listOutlines},
		{method: "PUT", path: "/api/v1/regions/{id}/boundary", tag: "区划", summary: "绘制区划边界：GeoJSON Polygon 或 MultiPolygon（或包含它的 Feature），WGS-84", in: boundaryBody{}, out: domain.Region{}, h: s.setRegionBoundary},
		{method: "DELETE", path: "/api/v1/regions/{id}/boundary", tag: "区划", summary: "清除区划边界", status: 204, h: withIDNoContent(s.Org.ClearRegionBoundary)},
		{method: "GET", path: "/api/v1/jurisdictions", tag: "区划", summary: "辖区（设有创城办的区划）列表，含上级辖区", out: listOf[domain.Jurisdiction]{}, h: s.listJurisdictions},
		{method: "PUT", path: "/api/v1/jurisdictions/{id}", tag: "区划", summary: "指定辖区的创城办单位（须为本辖区的单位）", in: jurisdictionOffice{}, out: domain.Jurisdiction{}, h: withIDBody(200, s.setJurisdictionOffice)},
		{method: "POST", path: "/api/v1/jurisdictions", tag: "区划", summary: "设立辖区：在区划上设立创城办（上级创城办或系统管理员）", in: jurisdictionInput{}, out: domain.Jurisdiction{}, status: 201, h: withBody(201, s.Org.CreateJurisdiction)},
		{method: "GET", path: "/api/v1/regions/export", tag: "区划", summary: "导出区划", download: xlsxType, h: s.exportRegions},
		{method: "GET", path: "/api/v1/regions/template", tag: "区划", summary: "区划导入模板", download: xlsxType, h: s.regionTemplate},
		{method: "POST", path: "/api/v1/regions/import", tag: "区划", summary: "导入区划（全部成功或全部不导入）", upload: true, out: importResult{}, h: s.importRegions},

		{method: "GET", path: "/api/v1/units", tag: "单位", summary: "单位列表（本人数据范围内）", query: append(unitQuery, pageParams...), out: pageOf[domain.Unit]{}, h: s.listUnits},
		{method: "POST", path: "/api/v1/units", tag: "单位", summary: "新增单位", in: unitInput{}, out: domain.Unit{}, status: 201, h: withBody(201, s.Org.CreateUnit)},
		{method: "GET", path: "/api/v1/units/{id}", tag: "单位", summary: "单位详情", out: domain.Unit{}, h: withID(200, s.Org.Unit)},
		{method: "PUT", path: "/api/v1/units/{id}", tag: "单位", summary: "修改单位", in: unitInput{}, out: domain.Unit{}, h: withIDBody(200, s.Org.UpdateUnit)},
		{method: "DELETE", path: "/api/v1/units/{id}", tag: "单位", summary: "删除单位", status: 204, h: withIDNoContent(s.Org.DeleteUnit)},
		{method: "GET", path: "/api/v1/units/export", tag: "单位", summary: "导出单位", query: unitQuery, download: xlsxType, h: s.exportUnits},
		{method: "GET", path: "/api/v1/units/template", tag: "单位", summary: "单位导入模板", download: xlsxType, h: s.unitTemplate},
		{method: "POST", path: "/api/v1/units/import", tag: "单位", summary: "导入单位（全部成功或全部不导入）", upload: true, out: importResult{}, h: s.importUnits},

		{method: "GET", path: "/api/v1/people", tag: "人员", summary: "人员列表（本人数据范围内）", query: append(peopleQ, pageParams...), out: pageOf[domain.Person]{}, h: s.listPeople},
		{method: "POST", path: "/api/v1/people", tag: "人员", summary: "新增人员", in: personInput{}, out: domain.Person{}, status: 201, h: withBody(201, s.Org.CreatePerson)},
		{method: "GET", path: "/api/v1/people/{id}", tag: "人员", summary: "人员详情", out: domain.Person{}, h: withID(200, s.Org.Person)},
		{method: "PUT", path: "/api/v1/people/{id}", tag: "人员", summary: "修改人员", in: personInput{}, out: domain.Person{}, h: withIDBody(200, s.Org.UpdatePerson)},
		{method: "DELETE", path: "/api/v1/people/{id}", tag: "人员", summary: "停用人员（保留历史）", status: 204, h: withIDNoContent(s.Org.DisablePerson)},
		{method: "POST", path: "/api/v1/people/{id}/password", tag: "人员", summary: "重置密码（下次登录须修改）", in: passwordReset{}, status: 204, h: s.resetPassword},
		{method: "POST", path: "/api/v1/people/{id}/unlock", tag: "人员", summary: "解锁账号", status: 204, h: withIDNoContent(s.Org.Unlock)},
		{method: "GET", path: "/api/v1/people/export", tag: "人员", summary: "导出人员（手机号脱敏）", query: peopleQ, download: xlsxType, h: s.exportPeople},
		{method: "GET", path: "/api/v1/people/template", tag: "人员", summary: "人员导入模板", download: xlsxType, h: s.peopleTemplate},
		{method: "POST", path: "/api/v1/people/import", tag: "人员", summary: "导入人员（全部成功或全部不导入）", upload: true, out: importResult{}, h: s.importPeople},

		{method: "GET", path: "/api/v1/frameworks", tag: "测评体系", summary: "测评体系版本列表", out: listOf[domain.Framework]{}, h: s.listFrameworks},
		{method: "GET", path: "/api/v1/frameworks/template", tag: "测评体系", summary: "测评体系导入模板", download: xlsxType, h: s.frameworkTemplate},
		{method: "POST", path: "/api/v1/frameworks/import", tag: "测评体系", summary: "导入测评体系（生成草稿版本；全部成功或全部不导入）", upload: true, out: domain.Framework{}, status: 201, h: s.importFramework},
		{method: "GET", path: "/api/v1/frameworks/compare", tag: "测评体系", summary: "对比两个版本", query: []param{{"a", "integer", "原版本"}, {"b", "integer", "新版本"}}, out: comparison{}, h: s.compareFrameworks},
		{method: "GET", path: "/api/v1/frameworks/{id}", tag: "测评体系", summary: "测评体系版本", out: domain.Framework{}, h: withID(200, s.Framework.Get)},
		{method: "PUT", path: "/api/v1/frameworks/{id}", tag: "测评体系", summary: "修改草稿的名称、总分与未成年人体系关联", in: frameworkHeader{}, out: domain.Framework{}, h: withIDBody(200, s.Framework.UpdateHeader)},
		{method: "DELETE", path: "/api/v1/frameworks/{id}", tag: "测评体系", summary: "删除草稿版本", status: 204, h: withIDNoContent(s.Framework.Delete)},
		{method: "POST", path: "/api/v1/frameworks/{id}/copy", tag: "测评体系", summary: "复制为新版本（可编辑的草稿）", out: domain.Framework{}, status: 201, h: withID(201, s.Framework.Copy)},
		{method: "POST", path: "/api/v1/frameworks/{id}/freeze", tag: "测评体系", summary: "冻结版本（分值不合计时拒绝并列出问题）", out: domain.Framework{}, h: withID(200, s.Framework.Freeze)},
		{method: "GET", path: "/api/v1/frameworks/{id}/check", tag: "测评体系", summary: "检查分值与结构", out: checkResult{}, h: s.checkFramework},
		{method: "GET", path: "/api/v1/frameworks/{id}/tree", tag: "测评体系", summary: "整个版本：指标、标准、负面清单", out: frameworkTree{}, h: withID(200, s.Framework.Tree)},
		{method: "GET", path: "/api/v1/frameworks/{id}/export", tag: "测评体系", summary: "导出为工作簿（可再导入）", download: xlsxType, h: s.exportFramework},
		{method: "POST", path: "/api/v1/frameworks/{id}/nodes", tag: "测评体系", summary: "新增测评项目、指标或内容（草稿）", in: nodeInput{}, out: domain.Node{}, status: 201, h: withIDBody(201, s.Framework.CreateNode)},
		{method: "PUT", path: "/api/v1/frameworks/{id}/nodes/{nodeId}", tag: "测评体系", summary: "修改节点（草稿）", in: nodeInput{}, out: domain.Node{}, h: withSubBody("nodeId", s.Framework.UpdateNode)},
		{method: "DELETE", path: "/api/v1/frameworks/{id}/nodes/{nodeId}", tag: "测评体系", summary: "删除节点及其下级（草稿）", status: 204, h: withSubNoContent("nodeId", s.Framework.DeleteNode)},
		{method: "POST", path: "/api/v1/frameworks/{id}/standards", tag: "测评体系", summary: "新增测评标准（草稿）", in: standardInput{}, out: domain.Standard{}, status: 201, h: withIDBody(201, s.Framework.CreateStandard)},
		{method: "GET", path: "/api/v1/frameworks/{id}/standards/{sid}", tag: "测评体系", summary: "测评标准详情", out: standardPage{}, h: s.getStandard},
		{method: "PUT", path: "/api/v1/frameworks/{id}/standards/{sid}", tag: "测评体系", summary: "修改测评标准（草稿）", in: standardInput{}, out: domain.Standard{}, h: withSubBody("sid", s.Framework.UpdateStandard)},
		{method: "DELETE", path: "/api/v1/frameworks/{id}/standards/{sid}", tag: "测评体系", summary: "删除测评标准（草稿）", status: 204, h: withSubNoContent("sid", s.Framework.DeleteStandard)},
		{method: "POST", path: "/api/v1/frameworks/{id}/negatives", tag: "测评体系", summary: "新增负面清单事项（草稿）", in: negativeInput{}, out: domain.Negative{}, status: 201, h: withIDBody(201, s.Framework.CreateNegative)},
		{method: "PUT", path: "/api/v1/frameworks/{id}/negatives/{negId}", tag: "测评体系", summary: "修改负面清单事项（草稿）", in: negativeInput{}, out: domain.Negative{}, h: withSubBody("negId", s.Framework.UpdateNegative)},
		{method: "DELETE", path: "/api/v1/frameworks/{id}/negatives/{negId}", tag: "测评体系", summary: "删除负面清单事项（草稿）", status: 204, h: withSubNoContent("negId", s.Framework.DeleteNegative)},

		{method: "GET", path: "/api/v1/targets", tag: "数据指标", summary: "数据指标及其本期达标情况", query: []param{{"frameworkId", "integer", "测评体系版本（默认当前方案所用版本）"}, {"period", "string", "周期 2026、2026-Q3 或 2026-07（默认本年）"}, {"status", "string", "met、not_met、not_reported"}, {"unitId", "integer", "牵头或责任单位"}, {"q", "string", "编码、内容或指标名称"}, {"jurisdictionId", "integer", "辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区）"}}, out: targetList{}, h: s.listTargets},
		{method: "POST", path: "/api/v1/targets/{id}/reports", tag: "数据指标", summary: "报送数据指标数值", in: targetInput{}, out: targetReport{}, status: 201, h: withIDBody(201, s.Framework.Report)},
		{method: "GET", path: "/api/v1/targets/{id}/reports", tag: "数据指标", summary: "数据指标报送记录", query: []param{{"period", "string", "周期"}}, out: listOf[targetReport]{}, h: s.targetReports},

		{method: "GET", path: "/api/v1/plans", tag: "年度方案", summary: "年度方案列表", out: listOf[planView]{}, h: s.listPlans},
		{method: "GET", path: "/api/v1/plans/{id}/tasks", tag: "年度方案", summary: "方案任务（超期在前）", query: []param{{"phase", "string", "deploy、advance、consolidate"}, {"unitId", "integer", "单位（给出时附该单位自己的进度）"}, {"overdue", "boolean", "只看超期"}, {"q", "string", "关键字"}}, out: listOf[taskView]{}, h: s.listTasks},
		{method: "POST", path: "/api/v1/plans/{id}/tasks", tag: "年度方案", summary: "新增任务", in: taskInput{}, out: taskView{}, status: 201, h: withIDBody(201, s.Plan.CreateTask)},
		{method: "GET", path: "/api/v1/tasks/{id}", tag: "年度方案", summary: "任务详情：各单位进度与进展报告", out: taskDetail{}, h: withID(200, s.Plan.Task)},
		{method: "PUT", path: "/api/v1/tasks/{id}", tag: "年度方案", summary: "修改任务", in: taskInput{}, out: taskView{}, h: withIDBody(200, s.Plan.UpdateTask)},
		{method: "DELETE", path: "/api/v1/tasks/{id}", tag: "年度方案", summary: "删除任务", status: 204, h: withIDNoContent(s.Plan.DeleteTask)},
		{method: "POST", path: "/api/v1/tasks/{id}/reports", tag: "年度方案", summary: "报告任务进展", in: reportInput{}, out: taskReport{}, status: 201, h: withIDBody(201, s.Plan.ReportProgress)},
		{method: "GET", path: "/api/v1/units/{id}/lists", tag: "年度方案", summary: "单位的四个清单（任务、责任、问题、督办）", out: unitLists{}, h: withID(200, s.Plan.UnitLists)},
		{method: "GET", path: "/api/v1/me/lists", tag: "年度方案", summary: "本单位的四个清单", out: unitLists{}, h: s.myLists},

		{method: "POST", path: "/api/v1/files", tag: "文件", summary: "上传佐证文件（PDF、Word、Excel、图片等，20 MB 以内；按内容校验类型）", upload: true, out: fileView{}, status: 201, h: s.uploadFile},
		{method: "GET", path: "/api/v1/files/{id}", tag: "文件", summary: "下载文件（已附在报告上的文件，或本人上传的文件）", download: "application/octet-stream", h: s.downloadFile},

		{method: "GET", path: "/api/v1/requirements", tag: "材料报送", summary: "报送要求（本人范围内）", query: []param{{"frameworkId", "integer", "测评体系版本（默认当前）"}, {"unitId", "integer", "单位"}, {"q", "string", "标准编码、内容或单位"}}, out: listOf[requirementView]{}, h: s.listRequirements},
		{method: "POST", path: "/api/v1/requirements/generate", tag: "材料报送", summary: "按测评体系生成或更新报送要求（保留已有材料）", in: generateRequest{}, out: generateResult{}, h: s.generateRequirements},
		{method: "PUT", path: "/api/v1/requirements/{id}", tag: "材料报送", summary: "修改报送要求", in: requirementInput{}, out: requirementView{}, h: withIDBody(200, s.Submission.UpdateRequirement)},
		{method: "POST", path: "/api/v1/requirements/{id}/submissions", tag: "材料报送", summary: "起草材料（退回后为新一版）", in: draftInput{}, out: submissionView{}, status: 201, h: withIDBody(201, s.Submission.CreateDraft)},
		{method: "GET", path: "/api/v1/submissions/todo", tag: "材料报送", summary: "本单位待报送清单", query: []param{{"period", "string", "月份 YYYY-MM（默认本月）"}}, out: todoList{}, h: s.todo},
		{method: "GET", path: "/api/v1/submissions/review", tag: "材料报送", summary: "审核队列", query: []param{{"status", "string", "状态，默认 submitted"}, {"unitId", "integer", "单位"}, {"q", "string", "标准关键字"}, {"period", "string", "周期"}}, out: listOf[reviewItem]{}, h: s.reviewQueue},
		{method: "GET", path: "/api/v1/submissions/matrix", tag: "材料报送", summary: "完成情况矩阵（标准 × 单位）与材料得分率", query: []param{{"frameworkId", "integer", "测评体系版本"}, {"period", "string", "月份 YYYY-MM"}, {"unitId", "integer", "单位"}, {"state", "string", "状态"}}, out: matrixView{}, h: s.matrix},
		{method: "GET", path: "/api/v1/submissions/matrix/export", tag: "材料报送", summary: "导出完成情况矩阵", query: []param{{"frameworkId", "integer", "测评体系版本"}, {"period", "string", "月份"}, {"unitId", "integer", "单位"}, {"state", "string", "状态"}}, download: xlsxType, h: s.exportMatrix},
		{method: "GET", path: "/api/v1/submissions/open", tag: "材料报送", summary: "月末清零：到月底仍未报送或被退回的事项", query: []param{{"month", "string", "月份 YYYY-MM"}}, out: openView{}, h: s.openItems},
		{method: "GET", path: "/api/v1/submissions/figures", tag: "材料报送", summary: "季度通报数据：按时率、退回率、等级", query: []param{{"quarter", "string", "季度 YYYY-Qn"}}, out: figuresView{}, h: s.figures},
		{method: "GET", path: "/api/v1/submissions/archive", tag: "材料报送", summary: "下载审核通过的材料（zip，按标准/单位/周期分目录）", query: []param{{"frameworkId", "integer", "测评体系版本"}, {"standardId", "integer", "标准"}, {"unitId", "integer", "单位"}, {"year", "string", "年度"}}, download: "application/zip", h: s.archive},
		{method: "GET", path: "/api/v1/submissions/{id}", tag: "材料报送", summary: "材料详情与全部版本", out: submissionDetail{}, h: withID(200, s.Submission.Get)},
		{method: "PUT", path: "/api/v1/submissions/{id}", tag: "材料报送", summary: "修改草稿", in: draftInput{}, out: submissionView{}, h: withIDBody(200, s.Submission.UpdateDraft)},
		{method: "POST", path: "/api/v1/submissions/{id}/submit", tag: "材料报送", summary: "提交审核（检查必填字段与附件数）", out: submissionView{}, h: withID(200, s.Submission.Submit)},
		{method: "POST", path: "/api/v1/submissions/{id}/review", tag: "材料报送", summary: "审核：通过并评定等级，或退回并说明原因", in: reviewInput{}, out: submissionView{}, h: withIDBody(200, s.Submission.ReviewSubmission)},
		{method: "GET", path: "/api/v1/messages", tag: "消息", summary: "本单位的站内消息", out: listOf[messageView]{}, h: s.listMessages},
		{method: "POST", path: "/api/v1/messages/{id}/read", tag: "消息", summary: "标记已读", status: 204, h: withIDNoContent(s.Message.MarkRead)},

		{method: "GET", path: "/api/v1/cases", tag: "案件", summary: "案件列表：创城办案件池（pool）或本单位案件（inbox）", query: append(caseQuery, pageParams...), out: pageOf[cases.Case]{}, h: s.listCases},
		{method: "POST", path: "/api/v1/cases", tag: "案件", summary: "登记案件（干部随手拍、热线工单、媒体曝光、督查暗访……；clientKey 重复时返回原案件）", in: cases.IntakeInput{}, out: cases.CaseDetail{}, status: 201, h: s.createCase},
		{method: "GET", path: "/api/v1/cases/export", tag: "案件", summary: "导出筛选出的全部案件", query: caseQuery, download: xlsxType, h: s.exportCases},
		{method: "GET", path: "/api/v1/cases/map", tag: "案件", summary: "案件地图（有位置的案件，默认未结案）", query: caseQuery, out: listOf[cases.MapItem]{}, h: s.caseMap},
		{method: "GET", path: "/api/v1/cases/stats", tag: "案件", summary: "各状态案件数、超期数、今日新增", query: []param{{"view", "string", "pool 或 inbox"}}, out: cases.Stats{}, h: s.caseStats},
		{method: "POST", path: "/api/v1/cases/dispatch", tag: "案件", summary: "批量派遣", in: cases.BulkDispatchInput{}, out: cases.BulkResult{}, h: withBody(200, s.Cases.BulkDispatch)},
		{method: "GET", path: "/api/v1/cases/{id}", tag: "案件", summary: "案件详情：时间线、照片、疑似重复、可进行的操作", out: cases.CaseDetail{}, h: withID(200, s.Cases.Get)},
		{method: "POST", path: "/api/v1/cases/{id}/register", tag: "案件", summary: "立案（可更正类别与区域）", in: cases.RegisterInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.Register)},
		{method: "POST", path: "/api/v1/cases/{id}/decline", tag: "案件", summary: "不予立案（须说明理由）", in: cases.ReasonInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.Decline)},
		{method: "POST", path: "/api/v1/cases/{id}/dispatch", tag: "案件", summary: "派遣（不指定单位时按派遣规则）", in: cases.DispatchInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.Dispatch)},
		{method: "POST", path: "/api/v1/cases/{id}/accept", tag: "案件", summary: "签收（开始按工作时间计时）", in: cases.NoteInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.Accept)},
		{method: "POST", path: "/api/v1/cases/{id}/return", tag: "案件", summary: "退回（非本单位职责，须说明理由）", in: cases.ReasonInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.Return)},
		{method: "POST", path: "/api/v1/cases/{id}/hand-down", tag: "案件", summary: "下派：交下级辖区的创城办派遣（市→区县）", in: cases.HandDownInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.HandDown)},
		{method: "POST", path: "/api/v1/cases/{id}/take-back", tag: "案件", summary: "收回：上级辖区的创城办收回下级的案件（须说明理由）", in: cases.ReasonInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.TakeBack)},
		{method: "POST", path: "/api/v1/cases/{id}/pass-down", tag: "案件", summary: "转派下级：主办单位交其下级单位处置（乡镇→社区）", in: cases.DispatchInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.PassDown)},
		{method: "POST", path: "/api/v1/cases/{id}/rule-return", tag: "案件", summary: "裁定退回：同意并改派，或驳回", in: cases.RuleReturnInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.RuleReturn)},
		{method: "POST", path: "/api/v1/cases/{id}/extension", tag: "案件", summary: "申请延期（工作分钟）", in: cases.ExtensionInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.RequestExtension)},
		{method: "POST", path: "/api/v1/cases/{id}/rule-extension", tag: "案件", summary: "审批延期", in: cases.RuleExtensionInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.RuleExtension)},
		{method: "POST", path: "/api/v1/cases/{id}/report", tag: "案件", summary: "回复整改（附整改后照片）", in: cases.PhotoInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.Report)},
		{method: "POST", path: "/api/v1/cases/{id}/verify", tag: "案件", summary: "核查：通过结案，或不通过返工", in: cases.VerifyInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.Verify)},
		{method: "POST", path: "/api/v1/cases/{id}/close", tag: "案件", summary: "结案（未整改、非职责范围、重复）", in: cases.CloseInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.Close)},
		{method: "POST", path: "/api/v1/cases/{id}/merge", tag: "案件", summary: "合并到另一案件（本案以重复结案）", in: cases.MergeInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.Merge)},
		{method: "POST", path: "/api/v1/cases/{id}/notes", tag: "案件", summary: "添加备注（协办单位也可）", in: cases.PhotoInput{}, out: cases.CaseDetail{}, h: withIDBody(200, s.Cases.AddNote)},
		{method: "GET", path: "/api/v1/case-views", tag: "案件", summary: "本人保存的筛选视图", out: listOf[cases.View]{}, h: listed(s.Cases.Views)},
		{method: "POST", path: "/api/v1/case-views", tag: "案件", summary: "保存筛选视图（同名覆盖）", in: cases.View{}, out: cases.View{}, status: 201, h: withBody(201, s.Cases.SaveView)},
		{method: "DELETE", path: "/api/v1/case-views/{id}", tag: "案件", summary: "删除筛选视图", status: 204, h: withIDNoContent(s.Cases.DeleteView)},
		{method: "GET", path: "/api/v1/notices", tag: "案件", summary: "督办通知", query: []param{{"unitId", "integer", "单位"}, {"open", "boolean", "仅未办结"}}, out: listOf[cases.Notice]{}, h: s.listNotices},

		{method: "GET", path: "/api/v1/case-categories", tag: "案件配置", summary: "案件类别（两级）", out: listOf[cases.Category]{}, h: listed(s.Cases.Categories)},
		{method: "POST", path: "/api/v1/case-categories", tag: "案件配置", summary: "新增案件类别", in: cases.CategoryInput{}, out: cases.Category{}, status: 201, h: withBody(201, s.Cases.CreateCategory)},
		{method: "PUT", path: "/api/v1/case-categories/{id}", tag: "案件配置", summary: "修改案件类别", in: cases.CategoryInput{}, out: cases.Category{}, h: withIDBody(200, s.Cases.UpdateCategory)},
		{method: "DELETE", path: "/api/v1/case-categories/{id}", tag: "案件配置", summary: "删除未使用的案件类别", status: 204, h: withIDNoContent(s.Cases.DeleteCategory)},
		{method: "GET", path: "/api/v1/dispatch-rules", tag: "案件配置", summary: "派遣规则", out: listOf[cases.Rule]{}, h: listed(s.Cases.Rules)},
		{method: "POST", path: "/api/v1/dispatch-rules", tag: "案件配置", summary: "新增派遣规则", in: cases.RuleInput{}, out: cases.Rule{}, status: 201, h: withBody(201, s.Cases.CreateRule)},
		{method: "PUT", path: "/api/v1/dispatch-rules/{id}", tag: "案件配置", summary: "修改派遣规则", in: cases.RuleInput{}, out: cases.Rule{}, h: withIDBody(200, s.Cases.UpdateRule)},
		{method: "DELETE", path: "/api/v1/dispatch-rules/{id}", tag: "案件配置", summary: "删除派遣规则", status: 204, h: withIDNoContent(s.Cases.DeleteRule)},
		{method: "GET", path: "/api/v1/calendar", tag: "案件配置", summary: "工作日历：节假日与调休上班日", query: []param{{"year", "integer", "年份"}}, out: cases.CalendarYear{}, h: s.calendar},
		{method: "PUT", path: "/api/v1/calendar/days/{date}", tag: "案件配置", summary: "设置节假日或调休上班日", in: cases.CalendarDay{}, out: cases.CalendarDay{}, h: s.setCalendarDay},
		{method: "DELETE", path: "/api/v1/calendar/days/{date}", tag: "案件配置", summary: "恢复为常规安排", status: 204, h: s.deleteCalendarDay},
		{method: "GET", path: "/api/v1/case-settings", tag: "案件配置", summary: "案件参数：辖区范围、疑似重复、提醒、工作时间", out: cases.Settings{}, h: noInput(s.Cases.Settings)},
		{method: "PUT", path: "/api/v1/case-settings", tag: "案件配置", summary: "本级调整案件参数（本辖区创城办；lockedBelow 列出下级不得调整的项目；上级统一设置的项目与上下班时间不能改）", in: cases.Settings{}, out: cases.Settings{}, h: withBody(200, s.Cases.UpdateSettings)},
		{method: "DELETE", path: "/api/v1/case-settings", tag: "案件配置", summary: "取消本级调整，恢复沿用上级案件参数", out: cases.Settings{}, h: noInput(s.Cases.InheritSettings)},
		{method: "GET", path: "/api/v1/webhooks", tag: "消息推送", summary: "消息推送（Webhook）", out: listOf[webhook.Webhook]{}, h: listed(s.Webhooks.List)},
		{method: "POST", path: "/api/v1/webhooks", tag: "消息推送", summary: "新增消息推送", in: webhook.Webhook{}, out: webhook.Webhook{}, status: 201, h: withBody(201, s.Webhooks.Create)},
		{method: "PUT", path: "/api/v1/webhooks/{id}", tag: "消息推送", summary: "修改消息推送（密钥留空则不变）", in: webhook.Webhook{}, out: webhook.Webhook{}, h: withIDBody(200, s.Webhooks.Update)},
		{method: "DELETE", path: "/api/v1/webhooks/{id}", tag: "消息推送", summary: "删除消息推送", status: 204, h: withIDNoContent(s.Webhooks.Delete)},
		{method: "GET", path: "/api/v1/webhooks/{id}/deliveries", tag: "消息推送", summary: "投递记录", out: listOf[webhook.Delivery]{}, h: listedByID(s.Webhooks.Deliveries)},

		{method: "GET", path: "/api/v1/rankings", tag: "排名通报", summary: "单位排名（A、B 类分别排名，三色）", query: []param{{"period", "string", "周期：2026-W48、2026-11 或 2026-Q4（默认本月）"}, {"jurisdictionId", "integer", "辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区）"}}, out: ranking.Ranking{}, h: s.rankings},
		{method: "GET", path: "/api/v1/rankings/jurisdictions", tag: "排名通报", summary: "下辖县区排名（按县区整体：案件合计、任务进度、本期测评得分，三色）", query: []param{{"period", "string", "周期：2026-W48、2026-11 或 2026-Q4（默认本月）"}, {"jurisdictionId", "integer", "上级辖区（区划 id，默认本人所在辖区）；县区本身没有下辖县区，返回空列表"}}, out: ranking.JurisdictionRanking{}, h: s.jurisdictionRankings},
		{method: "GET", path: "/api/v1/rankings/jurisdictions/export", tag: "排名通报", summary: "导出下辖县区排名（Excel）", query: []param{{"period", "string", "周期（默认本月）"}, {"jurisdictionId", "integer", "上级辖区（默认本人所在辖区）"}}, download: xlsxType, h: s.exportJurisdictionRankings},
		{method: "GET", path: "/api/v1/rankings/export", tag: "排名通报", summary: "导出排名", query: []param{{"period", "string", "周期"}, {"jurisdictionId", "integer", "辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区）"}}, download: xlsxType, h: s.exportRankings},
		{method: "GET", path: "/api/v1/ranking-settings", tag: "排名通报", summary: "辖区适用的排名权重与颜色分档（本级调整或沿用上级）", query: []param{{"jurisdictionId", "integer", "辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区）"}}, out: ranking.SettingsView{}, h: s.rankingSettings},
		{method: "PUT", path: "/api/v1/ranking-settings", tag: "排名通报", summary: "本级调整排名权重与颜色分档（仅本辖区创城办；lockedBelow 列出下级不得调整的项目，上级已统一设置的项目不能改）", query: []param{{"jurisdictionId", "integer", "辖区（默认本人所在辖区）"}}, in: ranking.SettingsInput{}, out: ranking.SettingsView{}, h: s.updateRankingSettings},
		{method: "DELETE", path: "/api/v1/ranking-settings", tag: "排名通报", summary: "取消本级调整，恢复沿用上级排名设置（仅本辖区创城办）", query: []param{{"jurisdictionId", "integer", "辖区（默认本人所在辖区）"}}, out: ranking.SettingsView{}, h: s.resetRankingSettings},
		{method: "GET", path: "/api/v1/bulletins", tag: "排名通报", summary: "通报列表（单位只见已发布的）", query: []param{{"kind", "string", "week、month 或 quarter"}, {"status", "string", "draft、approved 或 published"}, {"jurisdictionId", "integer", "只列该辖区的通报（默认可见的全部）"}}, out: listOf[ranking.Bulletin]{}, h: s.bulletins},
		{method: "POST", path: "/api/v1/bulletins", tag: "排名通报", summary: "按当前数据起草通报", in: ranking.BulletinInput{}, out: ranking.Bulletin{}, status: 201, h: withBody(201, s.Ranking.CreateBulletin)},
		{method: "GET", path: "/api/v1/bulletins/{id}", tag: "排名通报", summary: "通报详情", out: ranking.Bulletin{}, h: withID(200, s.Ranking.Bulletin)},
		{method: "PUT", path: "/api/v1/bulletins/{id}", tag: "排名通报", summary: "修改通报草稿的标题与正文", in: ranking.BulletinEdit{}, out: ranking.Bulletin{}, h: withIDBody(200, s.Ranking.EditBulletin)},
		{method: "DELETE", path: "/api/v1/bulletins/{id}", tag: "排名通报", summary: "删除通报草稿", status: 204, h: withIDNoContent(s.Ranking.DeleteBulletin)},
		{method: "POST", path: "/api/v1/bulletins/{id}/regenerate", tag: "排名通报", summary: "按最新数据更新草稿", out: ranking.Bulletin{}, h: withID(200, s.Ranking.RegenerateBulletin)},
		{method: "POST", path: "/api/v1/bulletins/{id}/approve", tag: "排名通报", summary: "审核通报（创城办领导）", out: ranking.Bulletin{}, h: withID(200, s.Ranking.ApproveBulletin)},
		{method: "POST", path: "/api/v1/bulletins/{id}/publish", tag: "排名通报", summary: "发布通报（发布后不可修改，各单位可见）", out: ranking.Bulletin{}, h: withID(200, s.Ranking.PublishBulletin)},
		{method: "GET", path: "/api/v1/bulletins/{id}/file", tag: "排名通报", summary: "下载通报（xlsx、docx 或 pdf）", query: []param{{"format", "string", "xlsx、docx 或 pdf"}}, download: "application/octet-stream", h: s.bulletinFile},
		{method: "GET", path: "/api/v1/sanctions", tag: "排名通报", summary: "督办问责记录", query: []param{{"unitId", "integer", "单位"}, {"kind", "string", "notice、talk 或 exposure"}}, out: listOf[ranking.Sanction]{}, h: s.sanctions},
		{method: "POST", path: "/api/v1/sanctions", tag: "排名通报", summary: "记录督办通知、约谈或曝光", in: ranking.SanctionInput{}, out: ranking.Sanction{}, status: 201, h: withBody(201, s.Ranking.RecordSanction)},
		{method: "GET", path: "/api/v1/cockpit", tag: "驾驶舱", summary: "驾驶舱：案件态势、排名、热力", query: []param{{"jurisdictionId", "integer", "辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区）"}}, out: ranking.Cockpit{}, h: s.cockpit},

		{method: "GET", path: "/api/v1/point-categories", tag: "点位", summary: "点位类别及其检查项", out: listOf[patrol.Category]{}, h: listed(s.Patrol.Categories)},
		{method: "POST", path: "/api/v1/point-categories", tag: "点位", summary: "新增点位类别", in: patrol.CategoryInput{}, out: patrol.Category{}, status: 201, h: withBody(201, s.Patrol.CreateCategory)},
		{method: "PUT", path: "/api/v1/point-categories/{id}", tag: "点位", summary: "修改点位类别", in: patrol.CategoryInput{}, out: patrol.Category{}, h: withIDBody(200, s.Patrol.UpdateCategory)},
		{method: "DELETE", path: "/api/v1/point-categories/{id}", tag: "点位", summary: "删除没有点位的类别", status: 204, h: withIDNoContent(s.Patrol.DeleteCategory)},
		{method: "PUT", path: "/api/v1/point-categories/{id}/checks", tag: "点位", summary: "保存类别的检查项（按给出的顺序整体替换；有记录的检查项停用保留）", in: patrol.ChecklistInput{}, out: patrol.Category{}, h: withIDBody(200, s.Patrol.SetChecks)},
		{method: "GET", path: "/api/v1/points", tag: "点位", summary: "点位列表", query: append(pointQuery, pageParams...), out: pageOf[patrol.Point]{}, h: s.listPoints},
		{method: "POST", path: "/api/v1/points", tag: "点位", summary: "新增点位（坐标可为 GCJ-02，存为 WGS-84）", in: patrol.PointInput{}, out: patrol.Point{}, status: 201, h: withBody(201, s.Patrol.CreatePoint)},
		{method: "GET", path: "/api/v1/points/map", tag: "点位", summary: "点位地图", query: pointQuery, out: listOf[patrol.MapPoint]{}, h: s.pointMap},
		{method: "GET", path: "/api/v1/points/nearby", tag: "点位", summary: "附近点位（由近及远）", query: []param{{"lat", "number", "纬度（WGS-84）"}, {"lng", "number", "经度（WGS-84）"}, {"limit", "integer", "条数，默认 20，最多 100"}}, out: listOf[patrol.Point]{}, h: s.nearbyPoints},
		{method: "GET", path: "/api/v1/points/template", tag: "点位", summary: "点位导入模板", download: xlsxType, h: s.pointsTemplate},
		{method: "POST", path: "/api/v1/points/import", tag: "点位", summary: "导入点位（按编码新增或更新；任一行有误则全部不导入）", upload: true, out: patrol.ImportResult{}, h: s.importPoints},
		{method: "GET", path: "/api/v1/points/export", tag: "点位", summary: "导出点位（导入模板格式）", query: pointQuery, download: xlsxType, h: s.exportPoints},
		{method: "GET", path: "/api/v1/points/by-token/{token}", tag: "点位", summary: "扫码打开点位", out: patrol.PointDetail{}, h: s.pointByToken},
		{method: "GET", path: "/api/v1/points/{id}", tag: "点位", summary: "点位详情：检查项与最近巡查", out: patrol.PointDetail{}, h: withID(200, s.Patrol.Point)},
		{method: "PUT", path: "/api/v1/points/{id}", tag: "点位", summary: "修改点位", in: patrol.PointInput{}, out: patrol.Point{}, h: withIDBody(200, s.Patrol.UpdatePoint)},
		{method: "DELETE", path: "/api/v1/points/{id}", tag: "点位", summary: "删除未巡查过的点位（有记录的请停用）", status: 204, h: withIDNoContent(s.Patrol.DeletePoint)},
		{method: "GET", path: "/api/v1/point-qr/{id}", tag: "点位", summary: "点位二维码（扫码打开巡查表）", download: "image/png", h: s.pointQR},
		{method: "POST", path: "/api/v1/patrols", tag: "巡查", summary: "提交巡查（clientKey 重复时返回原巡查；每个不合格项生成案件）", in: patrol.PatrolInput{}, out: patrol.Patrol{}, status: 201, h: s.createPatrol},
		{method: "GET", path: "/api/v1/patrols", tag: "巡查", summary: "巡查记录", query: append([]param{{"pointId", "integer", "点位"}, {"inspectorId", "integer", "巡查人"}, {"roundId", "integer", "模拟测评"}, {"unitId", "integer", "责任单位"}, {"from", "string", "起始日期"}, {"to", "string", "截止日期（含）"}, {"far", "boolean", "仅定位偏远的"}}, pageParams...), out: pageOf[patrol.PatrolSummary]{}, h: s.listPatrols},
		{method: "GET", path: "/api/v1/patrols/{id}", tag: "巡查", summary: "巡查详情：每个检查项的结果与照片", out: patrol.Patrol{}, h: withID(200, s.Patrol.Patrol)},
		{method: "GET", path: "/api/v1/patrol/tasks", tag: "巡查", summary: "本人在进行中的模拟测评里被分配的点位", out: assessment.Tasks{}, h: noInput(s.Assessment.Tasks)},

		{method: "GET", path: "/api/v1/rounds", tag: "模拟测评", summary: "模拟测评列表", out: listOf[assessment.Round]{}, h: listed(s.Assessment.Rounds)},
		{method: "POST", path: "/api/v1/rounds", tag: "模拟测评", summary: "新建模拟测评（草稿）", in: assessment.RoundInput{}, out: assessment.RoundDetail{}, status: 201, h: withBody(201, s.Assessment.CreateRound)},
		{method: "GET", path: "/api/v1/rounds/{id}", tag: "模拟测评", summary: "模拟测评详情：抽取的点位与进度", out: assessment.RoundDetail{}, h: withID(200, s.Assessment.Round)},
		{method: "PUT", path: "/api/v1/rounds/{id}", tag: "模拟测评", summary: "修改草稿", in: assessment.RoundInput{}, out: assessment.RoundDetail{}, h: withIDBody(200, s.Assessment.UpdateRound)},
		{method: "DELETE", path: "/api/v1/rounds/{id}", tag: "模拟测评", summary: "删除草稿", status: 204, h: withIDNoContent(s.Assessment.DeleteRound)},
		{method: "POST", path: "/api/v1/rounds/{id}/draw", tag: "模拟测评", summary: "按随机种子抽取点位并分配测评员", out: assessment.RoundDetail{}, h: withID(200, s.Assessment.Draw)},
		{method: "PUT", path: "/api/v1/rounds/{id}/points/{pointId}", tag: "模拟测评", summary: "改派点位的测评员", in: assessment.ReassignInput{}, out: assessment.RoundDetail{}, h: s.reassignRoundPoint},
		{method: "POST", path: "/api/v1/rounds/{id}/close", tag: "模拟测评", summary: "结束测评并固定得分", out: assessment.Round{}, h: withID(200, s.Assessment.CloseRound)},
		{method: "GET", path: "/api/v1/rounds/{id}/rates", tag: "模拟测评", summary: "手工录入的得分率", out: listOf[assessment.Rate]{}, h: listedByID(s.Assessment.Rates)},
		{method: "PUT", path: "/api/v1/rounds/{id}/rates", tag: "模拟测评", summary: "保存手工录入的得分率（整体替换）", in: assessment.RatesInput{}, out: listOf[assessment.Rate]{}, h: s.setRates},
		{method: "GET", path: "/api/v1/rounds/{id}/score", tag: "得分", summary: "模拟测评得分", out: assessment.Score{}, h: withID(200, s.Assessment.RoundScore)},
		{method: "GET", path: "/api/v1/rounds/{id}/score/export", tag: "得分", summary: "导出测评结果（总分、指标、标准、短板、单位、区域、观测记录）", download: xlsxType, h: s.exportRoundScore},
		{method: "GET", path: "/api/v1/scores/live", tag: "得分", summary: "实时得分（近若干天的日常巡查）", query: []param{{"days", "integer", "天数，默认 30"}, {"jurisdictionId", "integer", "辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区）"}}, out: assessment.Score{}, h: s.liveScore},
		{method: "GET", path: "/api/v1/scores/trend", tag: "得分", summary: "历次测评与实时得分的走势", out: listOf[assessment.TrendPoint]{}, h: listed(s.Assessment.Trend)},
		{method: "GET", path: "/api/v1/scores/observations", tag: "得分", summary: "得分背后的观测记录与照片", query: append([]param{{"roundId", "integer", "模拟测评"}, {"live", "boolean", "实时得分"}, {"days", "integer", "实时得分的天数"}, {"standardCode", "string", "测评标准编码"}, {"result", "string", "pass/fail/na"}, {"unitId", "integer", "责任单位"}, {"regionId", "integer", "区域（含下级）"}}, pageParams...), out: pageOf[patrol.ObservationRow]{}, h: s.scoreObservations},
		{method: "GET", path: "/api/v1/negative-events", tag: "得分", summary: "负面清单事件", query: []param{{"frameworkId", "integer", "测评体系"}}, out: listOf[assessment.NegativeEvent]{}, h: s.negativeEvents},
		{method: "POST", path: "/api/v1/negative-events", tag: "得分", summary: "记录负面清单事件", in: assessment.EventInput{}, out: assessment.NegativeEvent{}, status: 201, h: withBody(201, s.Assessment.RecordEvent)},
		{method: "DELETE", path: "/api/v1/negative-events/{id}", tag: "得分", summary: "删除误录的负面清单事件", status: 204, h: withIDNoContent(s.Assessment.DeleteEvent)},

		{method: "GET", path: "/api/v1/public/case-form", tag: "市民随手拍", summary: "随手拍表单：类别、区域、辖区范围", public: true, limit: (*Limiter).Public, out: cases.CaseForm{}, h: s.caseForm},
		{method: "POST", path: "/api/v1/public/cases", tag: "市民随手拍", summary: "市民随手拍（multipart：case JSON + photos；clientKey 重复时返回原案件）", public: true, limit: (*Limiter).Report, upload: true, in: cases.ResidentInput{}, out: cases.Receipt{}, status: 201, h: s.snapByResident},
		{method: "GET", path: "/api/v1/public/cases/{token}", tag: "市民随手拍", summary: "凭回执查看案件进度", public: true, limit: (*Limiter).Public, out: cases.PublicCase{}, h: s.followCase},
		{method: "POST", path: "/api/v1/public/cases/{token}/rating", tag: "市民随手拍", summary: "评价办理结果", public: true, limit: (*Limiter).Public, in: cases.RatingInput{}, out: cases.PublicCase{}, h: s.rateCase},
		{method: "POST", path: "/api/v1/public/cases/{token}/reopen", tag: "市民随手拍", summary: "不满意，重新打开（办结 7 天内）", public: true, limit: (*Limiter).Public, in: cases.ReasonInput{}, out: cases.PublicCase{}, h: s.reopenCase},
		{method: "GET", path: "/api/v1/public/cases/{token}/photos/{fileId}", tag: "市民随手拍", summary: "案件照片", public: true, limit: (*Limiter).Public, query: []param{{"size", "string", "thumb、display 或留空取原图"}}, download: "image/jpeg", h: s.publicPhoto},

		{method: "GET", path: "/api/v1/audit", tag: "审计", summary: "审计日志（仅安全审计员）", query: append(auditQuery, pageParams...), out: pageOf[auditEntry]{}, h: s.listAudit},
		{method: "GET", path: "/api/v1/audit/export", tag: "审计", summary: "导出审计日志", query: auditQuery, download: xlsxType, h: s.exportAudit},
	}
}

// wrap holds back a client over its rate, authenticates the caller
// (session cookie or bearer token), holds
// back everyone who must first change their password, runs the handler and
// writes its error.
func (s *Server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rt.limit != nil {
			if err := rt.limit(s.Limiter, r); err != nil {
				s.writeError(w, r, err)
				return
			}
		}
		var actor *domain.Actor
		if !rt.public {
			a, mustChange, err := s.authenticate(r)
			if err != nil {
				s.writeError(w, r, err)
				return
			}
			if mustChange && !rt.pending {
				s.writeError(w, r, &domain.Error{Code: domain.CodePasswordChangeRequired, Message: "首次登录或密码被重置后须先修改密码"})
				return
			}
			actor = a
		}
		if err := cleanQuery(r.URL.Query()); err != nil {
			s.writeError(w, r, err)
			return
		}
		if err := rt.h(w, r, actor); err != nil {
			s.writeError(w, r, err)
		}
	})
}

const sessionCookie = "wenming_session"

func (s *Server) authenticate(r *http.Request) (*domain.Actor, bool, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		token, ok := cutBearer(h)
		if !ok {
			return nil, false, &domain.Error{Code: domain.CodeUnauthenticated, Message: "Authorization 头格式应为 Bearer <令牌>"}
		}
		return s.Auth.AuthenticateToken(r.Context(), token, s.client(r))
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil, false, &domain.Error{Code: domain.CodeUnauthenticated, Message: "请先登录"}
	}
	return s.Auth.Authenticate(r.Context(), c.Value, s.client(r))
}

func cutBearer(h string) (string, bool) {
	const prefix = "Bearer "
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return "", false
	}
	return h[len(prefix):], true
}
