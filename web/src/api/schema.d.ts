// Generated from the API's OpenAPI document (/api/openapi.json) by
// web/scripts/api-types.mjs: run `make api-types` or `npm run api:types`.
// Do not edit; change the Go types or internal/httpapi/openapi.go instead.

export interface paths {
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志（仅安全审计员） */
        get: operations["getaudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出审计日志 */
        get: operations["getaudit_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录 */
        post: operations["postauth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录 */
        post: operations["postauth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulletins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 通报列表（单位只见已发布的） */
        get: operations["getbulletins"];
        put?: never;
        /** 按当前数据起草通报 */
        post: operations["postbulletins"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulletins/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 通报详情 */
        get: operations["getbulletins_id"];
        /** 修改通报草稿的标题与正文 */
        put: operations["putbulletins_id"];
        post?: never;
        /** 删除通报草稿 */
        delete: operations["deletebulletins_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulletins/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核通报（创城办领导） */
        post: operations["postbulletins_id_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulletins/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载通报（xlsx、docx 或 pdf） */
        get: operations["getbulletins_id_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulletins/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布通报（发布后不可修改，各单位可见） */
        post: operations["postbulletins_id_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulletins/{id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按最新数据更新草稿 */
        post: operations["postbulletins_id_regenerate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作日历：节假日与调休上班日 */
        get: operations["getcalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/days/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置节假日或调休上班日 */
        put: operations["putcalendar_days_date"];
        post?: never;
        /** 恢复为常规安排 */
        delete: operations["deletecalendar_days_date"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/case-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件类别（两级） */
        get: operations["getcase-categories"];
        put?: never;
        /** 新增案件类别 */
        post: operations["postcase-categories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/case-categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改案件类别 */
        put: operations["putcase-categories_id"];
        post?: never;
        /** 删除未使用的案件类别 */
        delete: operations["deletecase-categories_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/case-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件参数：辖区范围、疑似重复、提醒、工作时间 */
        get: operations["getcase-settings"];
        /** 本级调整案件参数（本辖区创城办；lockedBelow 列出下级不得调整的项目；上级统一设置的项目与上下班时间不能改） */
        put: operations["putcase-settings"];
        post?: never;
        /** 取消本级调整，恢复沿用上级案件参数 */
        delete: operations["deletecase-settings"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/case-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人保存的筛选视图 */
        get: operations["getcase-views"];
        put?: never;
        /** 保存筛选视图（同名覆盖） */
        post: operations["postcase-views"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/case-views/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除筛选视图 */
        delete: operations["deletecase-views_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件列表：创城办案件池（pool）或本单位案件（inbox） */
        get: operations["getcases"];
        put?: never;
        /** 登记案件（干部随手拍、热线工单、媒体曝光、督查暗访……；clientKey 重复时返回原案件） */
        post: operations["postcases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批量派遣 */
        post: operations["postcases_dispatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出筛选出的全部案件 */
        get: operations["getcases_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件地图（有位置的案件，默认未结案） */
        get: operations["getcases_map"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各状态案件数、超期数、今日新增 */
        get: operations["getcases_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件详情：时间线、照片、疑似重复、可进行的操作 */
        get: operations["getcases_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 签收（开始按工作时间计时） */
        post: operations["postcases_id_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结案（未整改、非职责范围、重复） */
        post: operations["postcases_id_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予立案（须说明理由） */
        post: operations["postcases_id_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 派遣（不指定单位时按派遣规则） */
        post: operations["postcases_id_dispatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申请延期（工作分钟） */
        post: operations["postcases_id_extension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/hand-down": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 下派：交下级辖区的创城办派遣（市→区县） */
        post: operations["postcases_id_hand-down"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 合并到另一案件（本案以重复结案） */
        post: operations["postcases_id_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 添加备注（协办单位也可） */
        post: operations["postcases_id_notes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/pass-down": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转派下级：主办单位交其下级单位处置（乡镇→社区） */
        post: operations["postcases_id_pass-down"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立案（可更正类别与区域） */
        post: operations["postcases_id_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回复整改（附整改后照片） */
        post: operations["postcases_id_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回（非本单位职责，须说明理由） */
        post: operations["postcases_id_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/rule-extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审批延期 */
        post: operations["postcases_id_rule-extension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/rule-return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 裁定退回：同意并改派，或驳回 */
        post: operations["postcases_id_rule-return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/take-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 收回：上级辖区的创城办收回下级的案件（须说明理由） */
        post: operations["postcases_id_take-back"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 核查：通过结案，或不通过返工 */
        post: operations["postcases_id_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cockpit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 驾驶舱：案件态势、排名、热力 */
        get: operations["getcockpit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 派遣规则 */
        get: operations["getdispatch-rules"];
        put?: never;
        /** 新增派遣规则 */
        post: operations["postdispatch-rules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改派遣规则 */
        put: operations["putdispatch-rules_id"];
        post?: never;
        /** 删除派遣规则 */
        delete: operations["deletedispatch-rules_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传佐证文件（PDF、Word、Excel、图片等，20 MB 以内；按内容校验类型） */
        post: operations["postfiles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载文件（已附在报告上的文件，或本人上传的文件） */
        get: operations["getfiles_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 测评体系版本列表 */
        get: operations["getframeworks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 对比两个版本 */
        get: operations["getframeworks_compare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入测评体系（生成草稿版本；全部成功或全部不导入） */
        post: operations["postframeworks_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 测评体系导入模板 */
        get: operations["getframeworks_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 测评体系版本 */
        get: operations["getframeworks_id"];
        /** 修改草稿的名称、总分与未成年人体系关联 */
        put: operations["putframeworks_id"];
        post?: never;
        /** 删除草稿版本 */
        delete: operations["deleteframeworks_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检查分值与结构 */
        get: operations["getframeworks_id_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 复制为新版本（可编辑的草稿） */
        post: operations["postframeworks_id_copy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出为工作簿（可再导入） */
        get: operations["getframeworks_id_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 冻结版本（分值不合计时拒绝并列出问题） */
        post: operations["postframeworks_id_freeze"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/negatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新增负面清单事项（草稿） */
        post: operations["postframeworks_id_negatives"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/negatives/{negId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改负面清单事项（草稿） */
        put: operations["putframeworks_id_negatives_negId"];
        post?: never;
        /** 删除负面清单事项（草稿） */
        delete: operations["deleteframeworks_id_negatives_negId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新增测评项目、指标或内容（草稿） */
        post: operations["postframeworks_id_nodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/nodes/{nodeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改节点（草稿） */
        put: operations["putframeworks_id_nodes_nodeId"];
        post?: never;
        /** 删除节点及其下级（草稿） */
        delete: operations["deleteframeworks_id_nodes_nodeId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/standards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新增测评标准（草稿） */
        post: operations["postframeworks_id_standards"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/standards/{sid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 测评标准详情 */
        get: operations["getframeworks_id_standards_sid"];
        /** 修改测评标准（草稿） */
        put: operations["putframeworks_id_standards_sid"];
        post?: never;
        /** 删除测评标准（草稿） */
        delete: operations["deleteframeworks_id_standards_sid"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 整个版本：指标、标准、负面清单 */
        get: operations["getframeworks_id_tree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jurisdictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 辖区（设有创城办的区划）列表，含上级辖区 */
        get: operations["getjurisdictions"];
        put?: never;
        /** 设立辖区：在区划上设立创城办（上级创城办或系统管理员） */
        post: operations["postjurisdictions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jurisdictions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 指定辖区的创城办单位（须为本辖区的单位） */
        put: operations["putjurisdictions_id"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 */
        get: operations["getme"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位的四个清单 */
        get: operations["getme_lists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改本人密码 */
        post: operations["postme_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人的 API 令牌 */
        get: operations["getme_tokens"];
        put?: never;
        /** 创建 API 令牌（令牌只显示一次） */
        post: operations["postme_tokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 吊销 API 令牌 */
        delete: operations["deleteme_tokens_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位的站内消息 */
        get: operations["getmessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记已读 */
        post: operations["postmessages_id_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 角色、单位类型等字典 */
        get: operations["getmeta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/negative-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 负面清单事件 */
        get: operations["getnegative-events"];
        put?: never;
        /** 记录负面清单事件 */
        post: operations["postnegative-events"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/negative-events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除误录的负面清单事件 */
        delete: operations["deletenegative-events_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 督办通知 */
        get: operations["getnotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrol/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人在进行中的模拟测评里被分配的点位 */
        get: operations["getpatrol_tasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 巡查记录 */
        get: operations["getpatrols"];
        put?: never;
        /** 提交巡查（clientKey 重复时返回原巡查；每个不合格项生成案件） */
        post: operations["postpatrols"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patrols/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 巡查详情：每个检查项的结果与照片 */
        get: operations["getpatrols_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员列表（本人数据范围内） */
        get: operations["getpeople"];
        put?: never;
        /** 新增人员 */
        post: operations["postpeople"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出人员（手机号脱敏） */
        get: operations["getpeople_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入人员（全部成功或全部不导入） */
        post: operations["postpeople_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员导入模板 */
        get: operations["getpeople_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员详情 */
        get: operations["getpeople_id"];
        /** 修改人员 */
        put: operations["putpeople_id"];
        post?: never;
        /** 停用人员（保留历史） */
        delete: operations["deletepeople_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码（下次登录须修改） */
        post: operations["postpeople_id_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 解锁账号 */
        post: operations["postpeople_id_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度方案列表 */
        get: operations["getplans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 方案任务（超期在前） */
        get: operations["getplans_id_tasks"];
        put?: never;
        /** 新增任务 */
        post: operations["postplans_id_tasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/point-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 点位类别及其检查项 */
        get: operations["getpoint-categories"];
        put?: never;
        /** 新增点位类别 */
        post: operations["postpoint-categories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/point-categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改点位类别 */
        put: operations["putpoint-categories_id"];
        post?: never;
        /** 删除没有点位的类别 */
        delete: operations["deletepoint-categories_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/point-categories/{id}/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 保存类别的检查项（按给出的顺序整体替换；有记录的检查项停用保留） */
        put: operations["putpoint-categories_id_checks"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/point-qr/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 点位二维码（扫码打开巡查表） */
        get: operations["getpoint-qr_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 点位列表 */
        get: operations["getpoints"];
        put?: never;
        /** 新增点位（坐标可为 GCJ-02，存为 WGS-84） */
        post: operations["postpoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/by-token/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 扫码打开点位 */
        get: operations["getpoints_by-token_token"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出点位（导入模板格式） */
        get: operations["getpoints_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入点位（按编码新增或更新；任一行有误则全部不导入） */
        post: operations["postpoints_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 点位地图 */
        get: operations["getpoints_map"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/nearby": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 附近点位（由近及远） */
        get: operations["getpoints_nearby"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 点位导入模板 */
        get: operations["getpoints_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 点位详情：检查项与最近巡查 */
        get: operations["getpoints_id"];
        /** 修改点位 */
        put: operations["putpoints_id"];
        post?: never;
        /** 删除未巡查过的点位（有记录的请停用） */
        delete: operations["deletepoints_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/case-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 随手拍表单：类别、区域、辖区范围 */
        get: operations["getpublic_case-form"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 市民随手拍（multipart：case JSON + photos；clientKey 重复时返回原案件） */
        post: operations["postpublic_cases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/cases/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 凭回执查看案件进度 */
        get: operations["getpublic_cases_token"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/cases/{token}/photos/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件照片 */
        get: operations["getpublic_cases_token_photos_fileId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/cases/{token}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 评价办理结果 */
        post: operations["postpublic_cases_token_rating"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/cases/{token}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不满意，重新打开（办结 7 天内） */
        post: operations["postpublic_cases_token_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ranking-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 辖区适用的排名权重与颜色分档（本级调整或沿用上级） */
        get: operations["getranking-settings"];
        /** 本级调整排名权重与颜色分档（仅本辖区创城办；lockedBelow 列出下级不得调整的项目，上级已统一设置的项目不能改） */
        put: operations["putranking-settings"];
        post?: never;
        /** 取消本级调整，恢复沿用上级排名设置（仅本辖区创城办） */
        delete: operations["deleteranking-settings"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位排名（A、B 类分别排名，三色） */
        get: operations["getrankings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rankings/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出排名 */
        get: operations["getrankings_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rankings/jurisdictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下辖县区排名（按县区整体：案件合计、任务进度、本期测评得分，三色） */
        get: operations["getrankings_jurisdictions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rankings/jurisdictions/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出下辖县区排名（Excel） */
        get: operations["getrankings_jurisdictions_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 区划列表（扁平，按代码排序） */
        get: operations["getregions"];
        put?: never;
        /** 新增区划 */
        post: operations["postregions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/boundaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已绘制的区划边界（GeoJSON FeatureCollection；本人可查看的辖区内，属性含区划与所属辖区） */
        get: operations["getregions_boundaries"];
        put?: never;
        /** 导入区划边界：GeoJSON FeatureCollection，要素属性 code 为区划代码（全部成功或全部不导入） */
        post: operations["postregions_boundaries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出区划 */
        get: operations["getregions_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入区划（全部成功或全部不导入） */
        post: operations["postregions_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 区划导入模板 */
        get: operations["getregions_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改区划名称或排序键 */
        put: operations["putregions_id"];
        post?: never;
        /** 删除区划 */
        delete: operations["deleteregions_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/{id}/boundary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 区划边界（GeoJSON；无边界时 204） */
        get: operations["getregions_id_boundary"];
        /** 绘制区划边界：GeoJSON Polygon 或 MultiPolygon（或包含它的 Feature），WGS-84 */
        put: operations["putregions_id_boundary"];
        post?: never;
        /** 清除区划边界 */
        delete: operations["deleteregions_id_boundary"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报送要求（本人范围内） */
        get: operations["getrequirements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requirements/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按测评体系生成或更新报送要求（保留已有材料） */
        post: operations["postrequirements_generate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requirements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改报送要求 */
        put: operations["putrequirements_id"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requirements/{id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 起草材料（退回后为新一版） */
        post: operations["postrequirements_id_submissions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 模拟测评列表 */
        get: operations["getrounds"];
        put?: never;
        /** 新建模拟测评（草稿） */
        post: operations["postrounds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 模拟测评详情：抽取的点位与进度 */
        get: operations["getrounds_id"];
        /** 修改草稿 */
        put: operations["putrounds_id"];
        post?: never;
        /** 删除草稿 */
        delete: operations["deleterounds_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结束测评并固定得分 */
        post: operations["postrounds_id_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/draw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按随机种子抽取点位并分配测评员 */
        post: operations["postrounds_id_draw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/points/{pointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 改派点位的测评员 */
        put: operations["putrounds_id_points_pointId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 手工录入的得分率 */
        get: operations["getrounds_id_rates"];
        /** 保存手工录入的得分率（整体替换） */
        put: operations["putrounds_id_rates"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 模拟测评得分 */
        get: operations["getrounds_id_score"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/score/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出测评结果（总分、指标、标准、短板、单位、区域、观测记录） */
        get: operations["getrounds_id_score_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sanctions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 督办问责记录 */
        get: operations["getsanctions"];
        put?: never;
        /** 记录督办通知、约谈或曝光 */
        post: operations["postsanctions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scores/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 实时得分（近若干天的日常巡查） */
        get: operations["getscores_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scores/observations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 得分背后的观测记录与照片 */
        get: operations["getscores_observations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scores/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 历次测评与实时得分的走势 */
        get: operations["getscores_trend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载审核通过的材料（zip，按标准/单位/周期分目录） */
        get: operations["getsubmissions_archive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 季度通报数据：按时率、退回率、等级 */
        get: operations["getsubmissions_figures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 完成情况矩阵（标准 × 单位）与材料得分率 */
        get: operations["getsubmissions_matrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/matrix/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出完成情况矩阵 */
        get: operations["getsubmissions_matrix_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 月末清零：到月底仍未报送或被退回的事项 */
        get: operations["getsubmissions_open"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审核队列 */
        get: operations["getsubmissions_review"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/todo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位待报送清单 */
        get: operations["getsubmissions_todo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 材料详情与全部版本 */
        get: operations["getsubmissions_id"];
        /** 修改草稿 */
        put: operations["putsubmissions_id"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核：通过并评定等级，或退回并说明原因 */
        post: operations["postsubmissions_id_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交审核（检查必填字段与附件数） */
        post: operations["postsubmissions_id_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据指标及其本期达标情况 */
        get: operations["gettargets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据指标报送记录 */
        get: operations["gettargets_id_reports"];
        put?: never;
        /** 报送数据指标数值 */
        post: operations["posttargets_id_reports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 任务详情：各单位进度与进展报告 */
        get: operations["gettasks_id"];
        /** 修改任务 */
        put: operations["puttasks_id"];
        post?: never;
        /** 删除任务 */
        delete: operations["deletetasks_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 报告任务进展 */
        post: operations["posttasks_id_reports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位列表（本人数据范围内） */
        get: operations["getunits"];
        put?: never;
        /** 新增单位 */
        post: operations["postunits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出单位 */
        get: operations["getunits_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入单位（全部成功或全部不导入） */
        post: operations["postunits_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位导入模板 */
        get: operations["getunits_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位详情 */
        get: operations["getunits_id"];
        /** 修改单位 */
        put: operations["putunits_id"];
        post?: never;
        /** 删除单位 */
        delete: operations["deleteunits_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位的四个清单（任务、责任、问题、督办） */
        get: operations["getunits_id_lists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息推送（Webhook） */
        get: operations["getwebhooks"];
        put?: never;
        /** 新增消息推送 */
        post: operations["postwebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改消息推送（密钥留空则不变） */
        put: operations["putwebhooks_id"];
        post?: never;
        /** 删除消息推送 */
        delete: operations["deletewebhooks_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 投递记录 */
        get: operations["getwebhooks_id_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Bands: {
            greenAtLeast: number;
            redBelow: number;
        };
        BoundaryBody: {
            /** @description 任意 JSON */
            coordinates?: unknown;
            geometry?: components["schemas"]["Geometry"] | null;
            type: string;
        };
        Bounds: {
            maxLat: number;
            maxLng: number;
            minLat: number;
            minLng: number;
        };
        BulkDispatchInput: {
            caseIds: number[];
            coUnitIds: number[];
            note: string;
            unitId: number | null;
        };
        BulkFailed: {
            caseId: number;
            message: string;
        };
        BulkResult: {
            dispatched: number;
            failed: components["schemas"]["BulkFailed"][];
        };
        Bulletin: {
            /** Format: date-time */
            approvedAt: string | null;
            approvedBy: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            id: number;
            jurisdictionId: number;
            jurisdictionName: string;
            jurisdictions: components["schemas"]["RankedJurisdiction"][];
            kind: string;
            period: string;
            /** Format: date-time */
            publishedAt: string | null;
            publishedBy: string;
            ranking: components["schemas"]["Ranking"];
            redUnits: components["schemas"]["RedUnit"][];
            status: string;
            summary: string;
            title: string;
        };
        BulletinEdit: {
            summary: string;
            title: string;
        };
        BulletinInput: {
            kind: string;
            period: string;
        };
        CalendarDay: {
            date: string;
            kind: string;
            name: string;
        };
        CalendarYear: {
            days: components["schemas"]["CalendarDay"][];
            workEnd: string;
            workStart: string;
            year: number;
        };
        Case: {
            /** Format: date-time */
            acceptedAt: string | null;
            address: string;
            afterPhotos: components["schemas"]["CasesPhoto"][];
            beforePhotos: components["schemas"]["CasesPhoto"][];
            categoryId: number;
            categoryName: string;
            categoryPath: string;
            /** Format: date-time */
            closedAt: string | null;
            closing: string;
            coUnits: components["schemas"]["UnitRef"][];
            code: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deadline: string | null;
            description: string;
            /** Format: date-time */
            dispatchedAt: string | null;
            extensionPending: boolean;
            externalId: string;
            hopCount: number;
            id: number;
            jurisdictionId: number | null;
            jurisdictionName: string;
            lat: number | null;
            leadUnitId: number | null;
            leadUnitName: string;
            limitMinutes: number;
            lng: number | null;
            mergedInto: number | null;
            overdue: boolean;
            pointId: number | null;
            rating: number | null;
            ratingComment: string;
            regionId: number | null;
            regionName: string;
            /** Format: date-time */
            registeredAt: string | null;
            remainingMinutes: number | null;
            reopenCount: number;
            /** Format: date-time */
            reportedAt: string | null;
            reporterName: string;
            reporterPhone: string;
            returnCount: number;
            reworkCount: number;
            source: string;
            state: components["schemas"]["CaseState"];
        };
        /**
         * @description 案件操作
         * @enum {string}
         */
        CaseAction: "register" | "decline" | "dispatch" | "accept" | "return" | "rule_return" | "request_extension" | "rule_extension" | "report" | "verify" | "close" | "merge" | "note" | "hand_down" | "take_back" | "pass_down";
        CaseDetail: {
            /** Format: date-time */
            acceptedAt: string | null;
            actions: string[];
            address: string;
            afterPhotos: components["schemas"]["CasesPhoto"][];
            beforePhotos: components["schemas"]["CasesPhoto"][];
            categoryId: number;
            categoryName: string;
            categoryPath: string;
            /** Format: date-time */
            closedAt: string | null;
            closing: string;
            coUnits: components["schemas"]["UnitRef"][];
            code: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deadline: string | null;
            description: string;
            /** Format: date-time */
            dispatchedAt: string | null;
            duplicates: components["schemas"]["Case"][];
            extension: components["schemas"]["Extension"] | null;
            extensionPending: boolean;
            externalId: string;
            hopCount: number;
            id: number;
            jurisdictionId: number | null;
            jurisdictionName: string;
            lat: number | null;
            leadUnitId: number | null;
            leadUnitName: string;
            limitMinutes: number;
            lng: number | null;
            mergedInto: number | null;
            overdue: boolean;
            pointId: number | null;
            rating: number | null;
            ratingComment: string;
            regionId: number | null;
            regionName: string;
            /** Format: date-time */
            registeredAt: string | null;
            remainingMinutes: number | null;
            reopenCount: number;
            /** Format: date-time */
            reportedAt: string | null;
            reporterName: string;
            reporterPhone: string;
            returnCount: number;
            reworkCount: number;
            source: string;
            spans: components["schemas"]["Span"][];
            state: components["schemas"]["CaseState"];
            timeline: components["schemas"]["Event"][];
        };
        /**
         * @description 案件时间线环节
         * @enum {string}
         */
        CaseEventKind: "created" | "registered" | "declined" | "dispatched" | "accepted" | "returned" | "return_upheld" | "return_refused" | "extension_requested" | "extension_granted" | "extension_refused" | "reported" | "verified_pass" | "verified_fail" | "closed" | "rated" | "reopened" | "merged" | "reminded" | "overdue" | "note" | "supervised" | "handed_down" | "taken_back" | "passed_down";
        CaseForm: {
            bounds: components["schemas"]["Bounds"];
            categories: components["schemas"]["FormItem"][];
            regions: components["schemas"]["FormItem"][];
        };
        /**
         * @description 案件状态
         * @enum {string}
         */
        CaseState: "new" | "registered" | "dispatched" | "handling" | "returned" | "verifying" | "closed";
        CasesCategory: {
            active: boolean;
            code: string;
            defaultUnitId: number | null;
            defaultUnitName: string;
            id: number;
            jurisdictionId: number | null;
            kind: string;
            limitUnit: string;
            limitValue: number;
            name: string;
            parentId: number | null;
        };
        CasesCategoryInput: {
            active: boolean | null;
            code: string;
            defaultUnitId: number | null;
            kind: string;
            limitUnit: string;
            limitValue: number;
            name: string;
            parentId: number | null;
        };
        CasesPhoto: {
            distanceMeters: number | null;
            fileId: number;
            height: number;
            lat: number | null;
            lng: number | null;
            name: string;
            phase: string;
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            takenAt: string | null;
            thumbUrl: string;
            url: string;
            width: number;
        };
        Cell: {
            grade: string;
            requirementId: number;
            standardId: number;
            state: string;
            submissionId: number | null;
            unitId: number;
        };
        Change: {
            change: string;
            code: string;
            fields: components["schemas"]["FieldChange"][];
            kind: string;
            name: string;
        };
        Check: {
            active: boolean;
            caseCategoryId: number;
            caseCategoryName: string;
            id: number;
            seq: number;
            severity: string;
            standardCodes: string[];
            text: string;
        };
        CheckInput: {
            caseCategoryId: number;
            id: number | null;
            severity: string;
            standardCodes: string[];
            text: string;
        };
        CheckResult: {
            problems: components["schemas"]["ImportProblem"][];
        };
        ChecklistInput: {
            checks: components["schemas"]["CheckInput"][];
        };
        Class: {
            class: string;
            units: components["schemas"]["RankedUnit"][];
        };
        CloseInput: {
            closing: string;
            note: string;
        };
        Cockpit: {
            /** Format: date-time */
            at: string;
            cases: components["schemas"]["Overview"];
            heat: components["schemas"]["HeatPoint"][];
            points: components["schemas"]["MapPoint"][];
            ranking: components["schemas"]["CockpitRanking"];
            score: components["schemas"]["CockpitScore"];
        };
        CockpitRanking: {
            A: components["schemas"]["RankedUnit"][];
            B: components["schemas"]["RankedUnit"][];
            jurisdictionId: number;
            jurisdictionName: string;
            period: string;
        };
        CockpitScore: {
            total: number | null;
            weakSpots: string[];
        };
        Comparison: {
            changes: components["schemas"]["Change"][];
            equal: boolean;
        };
        Contribution: {
            fail: number;
            id: number;
            pointsLost: number;
        };
        DayCount: {
            closed: number;
            date: string;
            intake: number;
        };
        Delivery: {
            attempts: number;
            caseId: number | null;
            /** Format: date-time */
            createdAt: string;
            event: string;
            id: number;
            lastError: string;
            lastStatus: number;
            /** Format: date-time */
            nextAt: string;
            /** Format: date-time */
            sentAt: string | null;
            status: string;
        };
        Detail: {
            comment: string;
            fileComments: {
                [key: string]: string;
            };
            files: components["schemas"]["File"][];
            grade: string;
            history: components["schemas"]["Submission"][];
            id: number;
            late: boolean;
            note: string;
            period: string;
            requirement: components["schemas"]["Requirement"];
            requirementId: number;
            /** Format: date-time */
            reviewedAt: string | null;
            reviewedBy: string;
            status: string;
            /** Format: date-time */
            submittedAt: string | null;
            submittedBy: string;
            values: {
                [key: string]: string;
            };
            version: number;
        };
        DispatchInput: {
            coUnitIds: number[];
            note: string;
            unitId: number | null;
        };
        Draft: {
            fileIds: number[];
            note: string;
            period: string;
            values: {
                [key: string]: string;
            };
        };
        Entry: {
            action: string;
            actorId: number | null;
            actorName: string;
            /** @description 任意 JSON */
            after: unknown;
            /** Format: date-time */
            at: string;
            /** @description 任意 JSON */
            before: unknown;
            entity: string;
            entityId: string;
            id: number;
            ip: string;
            requestId: string;
            summary: string;
        };
        Error: {
            error: components["schemas"]["ErrorDetail"];
        };
        /**
         * @description 错误代码，决定 HTTP 状态
         * @enum {string}
         */
        ErrorCode: "bad_credentials" | "conflict" | "forbidden" | "import_invalid" | "invalid" | "locked" | "not_found" | "password_change_required" | "too_large" | "unauthenticated" | "too_many_requests" | "internal";
        ErrorDetail: {
            code: components["schemas"]["ErrorCode"];
            /** @description 导入失败时逐个列出出错的单元格 */
            details?: components["schemas"]["ImportProblem"][];
            /** @description 出错的字段（JSON 字段名） */
            field?: string;
            /** @description 给用户看的中文说明 */
            message: string;
        };
        Event: {
            actorName: string;
            /** Format: date-time */
            at: string;
            data: {
                [key: string]: unknown;
            };
            id: number;
            kind: components["schemas"]["CaseEventKind"];
            note: string;
            photos: components["schemas"]["CasesPhoto"][];
            unitName: string;
        };
        EventInput: {
            code: string;
            frameworkId: number;
            note: string;
            occurredOn: string;
            unitId: number | null;
        };
        EventScore: {
            code: string;
            contentCode: string;
            deducted: number;
            effect: string;
            id: number;
            note: string;
            occurredOn: string;
            points: number | null;
            text: string;
            unitId: number | null;
        };
        Extension: {
            id: number;
            minutes: number;
            reason: string;
            ruledNote: string;
            state: string;
        };
        ExtensionInput: {
            minutes: number;
            reason: string;
        };
        Field: {
            name: string;
            required: boolean;
        };
        FieldChange: {
            after: string;
            before: string;
            field: string;
        };
        FieldCount: {
            fail: number;
            na: number;
            pass: number;
        };
        Figures: {
            avgHandlingHours: number | null;
            casesClosed: number;
            casesReceived: number;
            exposures: number;
            gradeRate: number | null;
            notices: number;
            onTimeRate: number | null;
            overdue: number;
            patrolScore: number | null;
            returns: number;
            reworkRate: number | null;
            satisfaction: number | null;
            submissionOnTimeRate: number | null;
            submissionsDue: number;
            talks: number;
            taskProgress: number | null;
        };
        FiguresView: {
            quarter: string;
            units: components["schemas"]["UnitFigures"][];
        };
        File: {
            contentType: string;
            id: number;
            name: string;
            photo?: components["schemas"]["FilesPhoto"] | null;
            sha256: string;
            size: number;
            /** Format: date-time */
            uploadedAt: string;
        };
        FilesPhoto: {
            height: number;
            lat: number | null;
            lng: number | null;
            /** Format: date-time */
            takenAt: string | null;
            width: number;
        };
        FormItem: {
            id: number;
            name: string;
            parentId: number | null;
        };
        Framework: {
            basicTotal: number;
            copiedFrom: number | null;
            counts: components["schemas"]["FrameworkCounts"];
            /** Format: date-time */
            createdAt: string;
            editable: boolean;
            familyId: number;
            /** Format: date-time */
            frozenAt: string | null;
            gateScore: number | null;
            id: number;
            jurisdictionId: number | null;
            jurisdictionName: string;
            kind: string;
            minorsId: number | null;
            minorsName: string;
            name: string;
            specialTotal: number;
            status: string;
            version: number;
            weight: number | null;
        };
        FrameworkCounts: {
            contents: number;
            indicators: number;
            items: number;
            negatives: number;
            standards: number;
            targets: number;
        };
        FrameworkReportInput: {
            evidence: string;
            fileIds: number[];
            period: string;
            unitId: number;
            value: number;
        };
        GenerateRequest: {
            frameworkId: number;
        };
        GenerateResult: {
            created: number;
            kept: number;
            removed: number;
        };
        Geometry: {
            /** @description 任意 JSON */
            coordinates: unknown;
            type: string;
        };
        HandDownInput: {
            jurisdictionId: number;
            note: string;
        };
        Header: {
            basicTotal: number;
            gateScore: number | null;
            minorsId: number | null;
            name: string;
            specialTotal: number;
            weight: number | null;
        };
        HeatPoint: {
            lat: number;
            lng: number;
            weight: number;
        };
        ImportProblem: {
            column: string;
            reason: string;
            row: number;
            sheet: string;
        };
        IntakeInput: {
            address: string;
            categoryId: number;
            clientKey: string;
            description: string;
            externalId: string;
            fileIds: number[];
            lat: number | null;
            lng: number | null;
            pointId: number | null;
            regionId: number | null;
            reporterName: string;
            reporterPhone: string;
            source: string;
            unitId?: number | null;
        };
        Jurisdiction: {
            code: string;
            id: number;
            name: string;
            officeName: string;
            officeUnitId: number | null;
            parentId: number | null;
        };
        JurisdictionInput: {
            officeUnitId: number | null;
            regionId: number;
        };
        JurisdictionOffice: {
            officeUnitId: number;
        };
        JurisdictionRanking: {
            bands: components["schemas"]["Bands"];
            computedAt: string;
            jurisdictionId: number;
            jurisdictionName: string;
            jurisdictions: components["schemas"]["RankedJurisdiction"][];
            notes: string[];
            period: string;
        };
        ListOfBulletin: {
            items: components["schemas"]["Bulletin"][];
            total: number;
        };
        ListOfCasesCategory: {
            items: components["schemas"]["CasesCategory"][];
            total: number;
        };
        ListOfDelivery: {
            items: components["schemas"]["Delivery"][];
            total: number;
        };
        ListOfFramework: {
            items: components["schemas"]["Framework"][];
            total: number;
        };
        ListOfJurisdiction: {
            items: components["schemas"]["Jurisdiction"][];
            total: number;
        };
        ListOfMapItem: {
            items: components["schemas"]["MapItem"][];
            total: number;
        };
        ListOfMapPoint: {
            items: components["schemas"]["MapPoint"][];
            total: number;
        };
        ListOfMessage: {
            items: components["schemas"]["Message"][];
            total: number;
        };
        ListOfNegativeEvent: {
            items: components["schemas"]["NegativeEvent"][];
            total: number;
        };
        ListOfNotice: {
            items: components["schemas"]["Notice"][];
            total: number;
        };
        ListOfPatrolCategory: {
            items: components["schemas"]["PatrolCategory"][];
            total: number;
        };
        ListOfPlan: {
            items: components["schemas"]["Plan"][];
            total: number;
        };
        ListOfPoint: {
            items: components["schemas"]["Point"][];
            total: number;
        };
        ListOfRate: {
            items: components["schemas"]["Rate"][];
            total: number;
        };
        ListOfRegion: {
            items: components["schemas"]["Region"][];
            total: number;
        };
        ListOfRequirement: {
            items: components["schemas"]["Requirement"][];
            total: number;
        };
        ListOfReviewItem: {
            items: components["schemas"]["ReviewItem"][];
            total: number;
        };
        ListOfRound: {
            items: components["schemas"]["Round"][];
            total: number;
        };
        ListOfRule: {
            items: components["schemas"]["Rule"][];
            total: number;
        };
        ListOfSanction: {
            items: components["schemas"]["Sanction"][];
            total: number;
        };
        ListOfTargetReport: {
            items: components["schemas"]["TargetReport"][];
            total: number;
        };
        ListOfTask: {
            items: components["schemas"]["Task"][];
            total: number;
        };
        ListOfToken: {
            items: components["schemas"]["Token"][];
            total: number;
        };
        ListOfTrendPoint: {
            items: components["schemas"]["TrendPoint"][];
            total: number;
        };
        ListOfView: {
            items: components["schemas"]["View"][];
            total: number;
        };
        ListOfWebhook: {
            items: components["schemas"]["Webhook"][];
            total: number;
        };
        Lists: {
            problems: unknown[];
            responsibilities: components["schemas"]["Responsibility"][];
            supervision: components["schemas"]["Supervision"][];
            tasks: components["schemas"]["Task"][];
            unit: components["schemas"]["UnitRef"];
        };
        LoginLimit: {
            addresses: number;
            /** Format: date-time */
            until: string;
        };
        LoginRequest: {
            password: string;
            username: string;
        };
        MapItem: {
            categoryName: string;
            code: string;
            id: number;
            lat: number;
            lng: number;
            overdue: boolean;
            state: components["schemas"]["CaseState"];
        };
        MapPoint: {
            categoryName: string;
            id: number;
            lastResult: string | null;
            lat: number;
            lng: number;
            name: string;
            unitName: string;
        };
        MapTiles: {
            attribution: string;
            coordSystem: string;
            url: string;
        };
        Matrix: {
            cells: components["schemas"]["Cell"][];
            period: string;
            standards: components["schemas"]["MatrixRow"][];
            units: components["schemas"]["UnitRef"][];
        };
        MatrixRow: {
            code: string;
            id: number;
            materialRate: number | null;
            text: string;
        };
        MergeInput: {
            intoId: number;
        };
        Message: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            id: number;
            kind: string;
            /** Format: date-time */
            readAt: string | null;
            title: string;
        };
        MetaView: {
            auditActions: {
                [key: string]: string;
            };
            auditEntities: {
                [key: string]: string;
            };
            caseActions: {
                [key: string]: string;
            };
            caseClosings: components["schemas"]["Named"][];
            caseEvents: {
                [key: string]: string;
            };
            caseSources: components["schemas"]["Named"][];
            caseStates: components["schemas"]["Named"][];
            categoryKinds: components["schemas"]["Named"][];
            comparators: components["schemas"]["Named"][];
            mapTiles: components["schemas"]["MapTiles"];
            methods: components["schemas"]["Named"][];
            phases: components["schemas"]["Phase"][];
            /** @description 任意 JSON */
            regionLevels: unknown;
            roles: components["schemas"]["Named"][];
            scopeKinds: components["schemas"]["Named"][];
            unitClasses: components["schemas"]["Named"][];
            unitKinds: components["schemas"]["Named"][];
            webhookEvents: components["schemas"]["Named"][];
        };
        MinorsResult: {
            gate: number | null;
            nodes: components["schemas"]["NodeScore"][];
            passed: boolean | null;
            standards: components["schemas"]["StandardScore"][];
            total: number;
            weight: number | null;
        };
        Named: {
            code: string;
            name: string;
        };
        Negative: {
            code: string;
            contentCode: string;
            effect: string;
            id: number;
            points: number | null;
            text: string;
        };
        NegativeEvent: {
            code: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            effect: string;
            frameworkId: number;
            id: number;
            jurisdictionId: number;
            note: string;
            occurredOn: string;
            points: number | null;
            text: string;
            unitId: number | null;
            unitName: string;
        };
        NegativeInput: {
            code: string;
            contentCode: string;
            effect: string;
            points: number | null;
            text: string;
        };
        Node: {
            code: string;
            id: number;
            level: number;
            name: string;
            parentId: number | null;
            part: string;
            scoreMode: string;
            weight: number;
        };
        NodeInput: {
            code: string;
            name: string;
            parentId: number | null;
            part: string;
            scoreMode: string;
            weight: number;
        };
        NodeScore: {
            code: string;
            deducted: number;
            grade: string;
            level: number;
            max: number;
            name: string;
            part: string;
            points: number | null;
            rate: number | null;
            weight: number;
        };
        NoteInput: {
            note: string;
        };
        Notice: {
            body: string;
            caseCode: string;
            caseId: number | null;
            /** Format: date-time */
            createdAt: string;
            id: number;
            kind: string;
            open: boolean;
            title: string;
            unitId: number;
            unitName: string;
        };
        Observation: {
            caseCode: string;
            caseId: number | null;
            checkId: number;
            checkText: string;
            id: number;
            note: string;
            photos: components["schemas"]["CasesPhoto"][];
            result: string;
            severity: string;
            standardCodes: string[];
        };
        ObservationRow: {
            caseCode: string;
            caseId: number | null;
            categoryName: string;
            checkText: string;
            id: number;
            inspectorName: string;
            note: string;
            /** Format: date-time */
            observedAt: string;
            patrolId: number;
            photos: components["schemas"]["CasesPhoto"][];
            pointId: number;
            pointName: string;
            regionName: string;
            result: string;
            unitName: string;
        };
        OpenItem: {
            period: string;
            requirementId: number;
            standardCode: string;
            state: string;
        };
        OpenUnit: {
            items: components["schemas"]["OpenItem"][];
            unitId: number;
            unitName: string;
        };
        OpenView: {
            month: string;
            units: components["schemas"]["OpenUnit"][];
        };
        OrgImportResult: {
            created: number;
            updated: number;
        };
        Origin: {
            from: string;
            fromId: number | null;
            locked: boolean;
        };
        OutlineCollection: {
            features: components["schemas"]["OutlineFeature"][];
            type: string;
        };
        OutlineFeature: {
            geometry: components["schemas"]["Geometry"];
            id: number;
            properties: components["schemas"]["OutlineProperties"];
            type: string;
        };
        OutlineProperties: {
            code: string;
            id: number;
            jurisdictionId: number;
            jurisdictionName: string;
            level: string;
            name: string;
        };
        OverdueCase: {
            categoryName: string;
            code: string;
            /** Format: date-time */
            deadline: string;
            id: number;
        };
        Overview: {
            byRegion: components["schemas"]["RegionCount"][];
            bySource: {
                [key: string]: number;
            };
            byState: {
                [key: string]: number;
            };
            heat: components["schemas"]["HeatPoint"][];
            open: number;
            overdue: number;
            todayClosed: number;
            todayIntake: number;
            trend: components["schemas"]["DayCount"][];
        };
        PageOfCase: {
            items: components["schemas"]["Case"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PageOfEntry: {
            items: components["schemas"]["Entry"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PageOfObservationRow: {
            items: components["schemas"]["ObservationRow"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PageOfPatrolSummary: {
            items: components["schemas"]["PatrolSummary"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PageOfPerson: {
            items: components["schemas"]["Person"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PageOfPoint: {
            items: components["schemas"]["Point"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PageOfUnit: {
            items: components["schemas"]["Unit"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PasswordChange: {
            newPassword: string;
            oldPassword: string;
        };
        PasswordReset: {
            newPassword: string;
        };
        PathStep: {
            code: string;
            level: number;
            name: string;
        };
        Patrol: {
            categoryName: string;
            clientKey: string;
            distanceMeters: number | null;
            fail: number;
            far: boolean;
            id: number;
            inspectorId: number | null;
            inspectorName: string;
            lat: number | null;
            lng: number | null;
            na: number;
            note: string;
            observations: components["schemas"]["Observation"][];
            pass: number;
            pointId: number;
            pointName: string;
            roundId: number | null;
            roundName: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            submittedAt: string;
        };
        PatrolCategory: {
            active: boolean;
            checks: components["schemas"]["Check"][];
            description: string;
            editable: boolean;
            id: number;
            jurisdictionId: number;
            jurisdictionName: string;
            name: string;
            pointCount: number;
            sort: number;
        };
        PatrolCategoryInput: {
            active: boolean | null;
            description: string;
            name: string;
            sort: number;
        };
        PatrolImportResult: {
            created: number;
            updated: number;
        };
        PatrolInput: {
            clientKey: string;
            lat: number | null;
            lng: number | null;
            note: string;
            pointId: number;
            results: components["schemas"]["ResultInput"][];
            roundId: number | null;
            /** Format: date-time */
            startedAt: string | null;
        };
        PatrolSummary: {
            categoryName: string;
            clientKey: string;
            distanceMeters: number | null;
            fail: number;
            far: boolean;
            id: number;
            inspectorId: number | null;
            inspectorName: string;
            lat: number | null;
            lng: number | null;
            na: number;
            note: string;
            pass: number;
            pointId: number;
            pointName: string;
            roundId: number | null;
            roundName: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            submittedAt: string;
        };
        Person: {
            /** Format: date-time */
            createdAt: string;
            disabled: boolean;
            id: number;
            jurisdictionId: number | null;
            jurisdictionName: string;
            /** Format: date-time */
            lastLoginAt: string | null;
            loginLimit: components["schemas"]["LoginLimit"] | null;
            mustChangePassword: boolean;
            phoneMasked: string;
            realName: string;
            roles: components["schemas"]["Role"][];
            scope: components["schemas"]["ScopeView"];
            unitId: number;
            unitName: string;
            username: string;
        };
        PersonInput: {
            disabled: boolean;
            password?: string;
            phone: string;
            realName: string;
            roles: components["schemas"]["Role"][];
            scopeKind: string;
            scopeRegionId: number | null;
            unitId: number;
            username: string;
        };
        Phase: {
            code: string;
            from: string;
            name: string;
            to: string;
        };
        PhotoInput: {
            fileIds: number[];
            lat: number | null;
            lng: number | null;
            note: string;
        };
        Plan: {
            editable: boolean;
            frameworkId: number | null;
            id: number;
            jurisdictionId: number;
            jurisdictionName: string;
            name: string;
            overdueCount: number;
            taskCount: number;
            year: number;
        };
        PlanReportInput: {
            fileIds: number[];
            percent: number;
            text: string;
            unitId: number;
        };
        Point: {
            active: boolean;
            address: string;
            categoryId: number;
            categoryName: string;
            chiefName: string;
            chiefPhone: string;
            chiefUserId: number | null;
            code: string;
            distanceMeters?: number | null;
            grid: string;
            id: number;
            jurisdictionId: number;
            /** Format: date-time */
            lastPatrolAt: string | null;
            lastResult: string | null;
            lat: number;
            lng: number;
            name: string;
            openCases: number;
            qrToken: string;
            regionId: number | null;
            regionName: string;
            unitId: number;
            unitName: string;
        };
        PointDetail: {
            active: boolean;
            address: string;
            categoryId: number;
            categoryName: string;
            checks: components["schemas"]["Check"][];
            chiefName: string;
            chiefPhone: string;
            chiefUserId: number | null;
            code: string;
            distanceMeters?: number | null;
            grid: string;
            id: number;
            jurisdictionId: number;
            /** Format: date-time */
            lastPatrolAt: string | null;
            lastResult: string | null;
            lat: number;
            lng: number;
            name: string;
            openCases: number;
            patrols: components["schemas"]["PatrolSummary"][];
            qrToken: string;
            regionId: number | null;
            regionName: string;
            unitId: number;
            unitName: string;
        };
        PointInput: {
            active: boolean | null;
            address: string;
            categoryId: number;
            chiefName: string;
            chiefPhone: string;
            chiefUserId: number | null;
            code: string;
            coords: string;
            grid: string;
            lat: number;
            lng: number;
            name: string;
            regionId: number | null;
            unitId: number;
        };
        PreviousResult: {
            name: string;
            roundId: number;
            total: number;
        };
        PublicCase: {
            address: string;
            afterPhotos: components["schemas"]["CasesPhoto"][];
            beforePhotos: components["schemas"]["CasesPhoto"][];
            canRate: boolean;
            canReopen: boolean;
            categoryName: string;
            /** Format: date-time */
            closedAt: string | null;
            closing: string;
            closingName: string;
            code: string;
            /** Format: date-time */
            createdAt: string;
            description: string;
            mergedInto: components["schemas"]["PublicCase"] | null;
            rating: number | null;
            ratingComment: string;
            state: components["schemas"]["CaseState"];
            stateName: string;
            timeline: components["schemas"]["PublicEvent"][];
        };
        PublicEvent: {
            /** Format: date-time */
            at: string;
            kind: components["schemas"]["CaseEventKind"];
            name: string;
            note: string;
        };
        RankedJurisdiction: {
            casesClosed: number;
            casesReceived: number;
            color: string;
            jurisdictionId: number;
            liveScore: number | null;
            movement: number | null;
            name: string;
            officeName: string;
            officeUnitId: number | null;
            onTimeRate: number | null;
            overdue: number;
            previousRank: number | null;
            rank: number | null;
            score: number | null;
            taskProgress: number | null;
            units: number;
            workScore: number | null;
        };
        RankedUnit: {
            color: string;
            figures: components["schemas"]["Figures"];
            movement: number | null;
            previousRank: number | null;
            rank: number | null;
            score: number | null;
            unitClass: string;
            unitId: number;
            unitName: string;
        };
        Ranking: {
            bands: components["schemas"]["Bands"];
            classes: components["schemas"]["Class"][];
            computedAt: string;
            jurisdictionId: number;
            jurisdictionName: string;
            notes: string[];
            period: string;
            previous: string;
            weights: components["schemas"]["Weights"];
        };
        Rate: {
            /** Format: date-time */
            enteredAt: string;
            enteredBy: string;
            method: string;
            note: string;
            part: string;
            rate: number;
            standardCode: string;
        };
        RatesInput: {
            rates: components["schemas"]["Rate"][];
        };
        RatingInput: {
            comment: string;
            rating: number;
        };
        ReasonInput: {
            reason: string;
        };
        ReassignInput: {
            inspectorId: number;
        };
        Receipt: {
            code: string;
            state: string;
            token: string;
        };
        RedUnit: {
            overdueCases: components["schemas"]["OverdueCase"][];
            score: number | null;
            unitClass: string;
            unitId: number;
            unitName: string;
        };
        Region: {
            code: string;
            hasBoundary: boolean;
            id: number;
            level: string;
            name: string;
            parentId: number | null;
            sortKey: string;
        };
        RegionCount: {
            name: string;
            open: number;
            overdue: number;
            regionId: number;
        };
        RegionInput: {
            boundary?: string | null;
            code: string;
            name: string;
            parentId: number | null;
            sortKey: string;
        };
        RegionLoss: {
            fail: number;
            name: string;
            pointsLost: number;
            regionId: number;
        };
        RegisterInput: {
            categoryId: number | null;
            note: string;
            regionId: number | null;
        };
        Report: {
            files: components["schemas"]["File"][];
            id: number;
            percent: number;
            /** Format: date-time */
            reportedAt: string;
            reportedBy: string;
            text: string;
            unitId: number;
            unitName: string;
        };
        Requirement: {
            cadence: string;
            description: string;
            fields: components["schemas"]["Field"][];
            frameworkId: number;
            id: number;
            minFiles: number;
            standardCode: string;
            standardId: number;
            standardText: string;
            unitId: number;
            unitName: string;
        };
        RequirementInput: {
            cadence: string;
            description: string;
            fields: components["schemas"]["Field"][];
            minFiles: number;
        };
        ResidentInput: {
            address: string;
            categoryId: number;
            clientKey: string;
            description: string;
            lat: number | null;
            lng: number | null;
            phone: string;
            regionId: number | null;
        };
        Responsibility: {
            code: string;
            frameworkId: number;
            methods: string[];
            metric: string;
            role: string;
            standardId: number;
            text: string;
        };
        ResultInput: {
            checkId: number;
            fileIds: number[];
            note: string;
            result: string;
        };
        Review: {
            comment: string;
            decision: string;
            fileComments: {
                [key: string]: string;
            };
            grade: string;
        };
        ReviewItem: {
            comment: string;
            fileComments: {
                [key: string]: string;
            };
            files: components["schemas"]["File"][];
            grade: string;
            id: number;
            late: boolean;
            note: string;
            period: string;
            requirementId: number;
            /** Format: date-time */
            reviewedAt: string | null;
            reviewedBy: string;
            standardCode: string;
            standardText: string;
            status: string;
            /** Format: date-time */
            submittedAt: string | null;
            submittedBy: string;
            unitId: number;
            unitName: string;
            values: {
                [key: string]: string;
            };
            version: number;
        };
        /**
         * @description 角色
         * @enum {string}
         */
        Role: "office_leader" | "office_staff" | "unit_head" | "unit_liaison" | "inspector" | "grid_worker" | "leader" | "sys_admin" | "security_admin" | "audit_admin";
        Round: {
            categories: components["schemas"]["RoundCategory"][];
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            doneCount: number;
            /** Format: date-time */
            drawnAt: string | null;
            endsOn: string;
            frameworkId: number;
            frameworkName: string;
            id: number;
            inspectors: components["schemas"]["RoundInspector"][];
            jurisdictionId: number;
            name: string;
            pointCount: number;
            seed: number | null;
            startsOn: string;
            status: string;
        };
        RoundCategory: {
            available: number;
            categoryId: number;
            categoryName: string;
            sampleSize: number;
        };
        RoundDetail: {
            categories: components["schemas"]["RoundCategory"][];
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            doneCount: number;
            /** Format: date-time */
            drawnAt: string | null;
            endsOn: string;
            frameworkId: number;
            frameworkName: string;
            id: number;
            inspectors: components["schemas"]["RoundInspector"][];
            jurisdictionId: number;
            name: string;
            pointCount: number;
            points: components["schemas"]["RoundPoint"][];
            seed: number | null;
            startsOn: string;
            status: string;
        };
        RoundInput: {
            categories: components["schemas"]["RoundCategory"][];
            endsOn: string;
            frameworkId: number;
            inspectorIds: number[];
            name: string;
            seed: number | null;
            startsOn: string;
        };
        RoundInspector: {
            assigned: number;
            done: number;
            name: string;
            userId: number;
        };
        RoundPoint: {
            address: string;
            categoryName: string;
            /** Format: date-time */
            doneAt: string | null;
            fail: number;
            inspectorId: number | null;
            inspectorName: string;
            lat: number;
            lng: number;
            patrolId: number | null;
            pointId: number;
            pointName: string;
            qrToken: string;
            unitName: string;
        };
        Rule: {
            categoryId: number | null;
            categoryName: string;
            id: number;
            jurisdictionId: number | null;
            priority: number;
            regionId: number | null;
            regionName: string;
            unitId: number;
            unitName: string;
        };
        RuleExtensionInput: {
            decision: string;
            note: string;
        };
        RuleInput: {
            categoryId: number | null;
            priority: number;
            regionId: number | null;
            unitId: number;
        };
        RuleReturnInput: {
            coUnitIds: number[];
            decision: string;
            note: string;
            unitId: number | null;
        };
        Sanction: {
            body: string;
            caseCode: string;
            caseId: number | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            files: components["schemas"]["File"][];
            id: number;
            jurisdictionId: number;
            jurisdictionName: string;
            kind: string;
            /** Format: date-time */
            occurredAt: string;
            title: string;
            unitId: number;
            unitName: string;
        };
        SanctionInput: {
            body: string;
            caseId: number | null;
            fileIds: number[];
            kind: string;
            occurredAt: string;
            title: string;
            unitId: number;
        };
        /**
         * @description 数据范围：本单位、区划、全部
         * @enum {string}
         */
        ScopeKind: "unit" | "region" | "all";
        ScopeView: {
            kind: components["schemas"]["ScopeKind"];
            regionCode: string;
            regionId: number | null;
            regionName: string;
            unitId: number;
        };
        Score: {
            basic: number;
            combined: number | null;
            /** Format: date-time */
            computedAt: string;
            deductions: number;
            eligible: boolean;
            events: components["schemas"]["EventScore"][];
            frameworkId: number;
            frameworkName: string;
            from: string;
            minors: components["schemas"]["MinorsResult"] | null;
            nodes: components["schemas"]["NodeScore"][];
            previous: components["schemas"]["PreviousResult"] | null;
            reasons: string[];
            regions: components["schemas"]["RegionLoss"][];
            roundId: number | null;
            scope: string;
            special: number;
            standards: components["schemas"]["StandardScore"][];
            to: string;
            total: number;
            units: components["schemas"]["UnitLoss"][];
            weakSpots: components["schemas"]["StandardScore"][];
        };
        Settings: {
            bounds: components["schemas"]["Bounds"];
            duplicateRadiusMeters: number;
            duplicateWindowHours: number;
            inheritedFrom: string;
            lockedBelow: string[];
            origins: {
                [key: string]: components["schemas"]["Origin"];
            };
            remindAtPercent: number;
            reopenDays: number;
            workEnd: string;
            workStart: string;
        };
        SettingsInput: {
            greenAtLeast: number;
            lockedBelow: string[];
            redBelow: number;
            weights: components["schemas"]["Weights"];
        };
        SettingsView: {
            greenAtLeast: number;
            inheritedFrom: string;
            inheritedFromId: number | null;
            jurisdictionId: number;
            jurisdictionName: string;
            lockedBelow: string[];
            origins: {
                [key: string]: components["schemas"]["Origin"];
            };
            redBelow: number;
            weights: components["schemas"]["Weights"];
        };
        Span: {
            /** Format: date-time */
            from: string;
            holder: string;
            office: boolean;
            /** Format: date-time */
            to: string | null;
            workingMinutes: number;
        };
        Standard: {
            categories: string[];
            code: string;
            comparator: string;
            contentId: number;
            id: number;
            leadUnits: components["schemas"]["UnitRef"][];
            measureUnit: string;
            methods: string[];
            metric: string;
            responsibleUnits: components["schemas"]["UnitRef"][];
            text: string;
            threshold: number | null;
            threshold2: number | null;
        };
        StandardInput: {
            categories: string[];
            code: string;
            comparator: string;
            contentId: number;
            leadUnitIds: number[];
            measureUnit: string;
            methods: string[];
            metric: string;
            responsibleUnitIds: number[];
            text: string;
            threshold: number | null;
            threshold2: number | null;
        };
        StandardPage: {
            categories: string[];
            code: string;
            comparator: string;
            contentId: number;
            id: number;
            leadUnits: components["schemas"]["UnitRef"][];
            measureUnit: string;
            methods: string[];
            metric: string;
            path: components["schemas"]["PathStep"][];
            responsibleUnits: components["schemas"]["UnitRef"][];
            text: string;
            threshold: number | null;
            threshold2: number | null;
        };
        StandardScore: {
            code: string;
            contentCode: string;
            field: components["schemas"]["FieldCount"] | null;
            manual: {
                [key: string]: number;
            };
            material: number | null;
            methods: string[];
            pointsLost: number | null;
            previousRate: number | null;
            rate: number | null;
            target: components["schemas"]["TargetValue"] | null;
            text: string;
        };
        Stats: {
            byState: {
                [key: string]: number;
            };
            overdue: number;
            today: number;
        };
        Submission: {
            comment: string;
            fileComments: {
                [key: string]: string;
            };
            files: components["schemas"]["File"][];
            grade: string;
            id: number;
            late: boolean;
            note: string;
            period: string;
            requirementId: number;
            /** Format: date-time */
            reviewedAt: string | null;
            reviewedBy: string;
            status: string;
            /** Format: date-time */
            submittedAt: string | null;
            submittedBy: string;
            values: {
                [key: string]: string;
            };
            version: number;
        };
        Supervision: {
            daysOverdue: number;
            deadline: string;
            id: number;
            kind: string;
            title: string;
            unitProgress: number;
        };
        TargetList: {
            items: components["schemas"]["TargetStatus"][];
            period: string;
            total: number;
        };
        TargetReport: {
            evidence: string;
            files: components["schemas"]["File"][];
            id: number;
            met: boolean;
            period: string;
            /** Format: date-time */
            reportedAt: string;
            reportedBy: string;
            standardId: number;
            unitId: number;
            unitName: string;
            value: number;
        };
        TargetStatus: {
            canReport: boolean;
            code: string;
            comparator: string;
            frameworkId: number;
            leadUnits: components["schemas"]["UnitRef"][];
            measureUnit: string;
            metric: string;
            period: string;
            reportUnitName: string;
            /** Format: date-time */
            reportedAt: string | null;
            responsibleUnits: components["schemas"]["UnitRef"][];
            standardId: number;
            status: string;
            text: string;
            threshold: number | null;
            threshold2: number | null;
            value: number | null;
        };
        TargetValue: {
            met: boolean;
            value: number;
        };
        Task: {
            content: string;
            deadline: string;
            id: number;
            leadUnits: components["schemas"]["UnitRef"][];
            overdue: boolean;
            phase: string;
            planId: number;
            progress: number;
            responsibleUnits: components["schemas"]["UnitRef"][];
            seq: number;
            standardCodes: string[];
            title: string;
            unitOverdue: boolean | null;
            unitProgress: number | null;
        };
        TaskDetail: {
            content: string;
            deadline: string;
            id: number;
            leadUnits: components["schemas"]["UnitRef"][];
            overdue: boolean;
            phase: string;
            planId: number;
            progress: number;
            reports: components["schemas"]["Report"][];
            responsibleUnits: components["schemas"]["UnitRef"][];
            seq: number;
            standardCodes: string[];
            title: string;
            unitOverdue: boolean | null;
            unitProgress: number | null;
            units: components["schemas"]["UnitProgress"][];
        };
        TaskInput: {
            content: string;
            deadline: string;
            leadUnitIds: number[];
            phase: string;
            responsibleUnitIds: number[];
            seq: number;
            standardCodes: string[];
            title: string;
        };
        TaskRound: {
            endsOn: string;
            points: components["schemas"]["RoundPoint"][];
            roundId: number;
            roundName: string;
        };
        Tasks: {
            rounds: components["schemas"]["TaskRound"][];
        };
        TodoItem: {
            deadline: string;
            period: string;
            requirement: components["schemas"]["Requirement"];
            state: string;
            submission: components["schemas"]["Submission"] | null;
        };
        TodoList: {
            items: components["schemas"]["TodoItem"][];
            period: string;
        };
        Token: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            id: number;
            /** Format: date-time */
            lastUsedAt: string | null;
            name: string;
            prefix: string;
            token?: string;
        };
        TokenRequest: {
            expiresInDays: number;
            name: string;
        };
        Tree: {
            framework: components["schemas"]["Framework"];
            negatives: components["schemas"]["Negative"][];
            nodes: components["schemas"]["Node"][];
            standards: components["schemas"]["Standard"][];
        };
        TrendPoint: {
            at: string;
            basic: number;
            combined: number | null;
            eligible: boolean;
            minors: number | null;
            name: string;
            roundId: number | null;
            special: number;
            total: number;
        };
        Unit: {
            class: string;
            id: number;
            jurisdictionId: number | null;
            kind: string;
            name: string;
            parentId: number | null;
            parentName: string;
            peopleCount: number;
            regionId: number | null;
            regionName: string;
            sortKey: string;
        };
        UnitFigures: {
            basic: number;
            due: number;
            late: number;
            met: number;
            onTime: number;
            onTimeRate: number;
            returnRate: number;
            returned: number;
            unitClass: string;
            unitId: number;
            unitName: string;
            unmet: number;
        };
        UnitInput: {
            class: string;
            kind: string;
            name: string;
            parentId: number | null;
            regionId: number | null;
            sortKey: string;
        };
        UnitLoss: {
            fail: number;
            pointsLost: number;
            unitId: number;
            unitName: string;
        };
        UnitProgress: {
            /** Format: date-time */
            lastReportAt: string | null;
            overdue: boolean;
            percent: number;
            role: string;
            unitId: number;
            unitName: string;
        };
        UnitRef: {
            id: number;
            name: string;
        };
        VerifyInput: {
            decision: string;
            fileIds: number[];
            lat: number | null;
            lng: number | null;
            note: string;
        };
        View: {
            filters: {
                [key: string]: string;
            };
            id: number;
            name: string;
        };
        Webhook: {
            active: boolean;
            events: string[];
            id: number;
            jurisdictionId: number | null;
            jurisdictionName: string;
            name: string;
            secret?: string;
            url: string;
        };
        Weights: {
            onTime: number;
            overdue: number;
            rework: number;
            satisfaction: number;
            submission: number;
            tasks: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getaudit: {
        parameters: {
            query?: {
                /** @description 操作人 */
                actor?: string;
                /** @description 操作 */
                action?: string;
                /** @description 对象类型 */
                entity?: string;
                /** @description 摘要关键字或对象编号 */
                q?: string;
                /** @description 起始日期 YYYY-MM-DD（北京时间） */
                from?: string;
                /** @description 截止日期 YYYY-MM-DD（含当日） */
                to?: string;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，1–200，默认 20 */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOfEntry"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getaudit_export: {
        parameters: {
            query?: {
                /** @description 操作人 */
                actor?: string;
                /** @description 操作 */
                action?: string;
                /** @description 对象类型 */
                entity?: string;
                /** @description 摘要关键字或对象编号 */
                q?: string;
                /** @description 起始日期 YYYY-MM-DD（北京时间） */
                from?: string;
                /** @description 截止日期 YYYY-MM-DD（含当日） */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postauth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postauth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getbulletins: {
        parameters: {
            query?: {
                /** @description week、month 或 quarter */
                kind?: string;
                /** @description draft、approved 或 published */
                status?: string;
                /** @description 只列该辖区的通报（默认可见的全部） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfBulletin"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postbulletins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulletinInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bulletin"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getbulletins_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bulletin"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putbulletins_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulletinEdit"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bulletin"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletebulletins_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postbulletins_id_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bulletin"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getbulletins_id_file: {
        parameters: {
            query?: {
                /** @description xlsx、docx 或 pdf */
                format?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postbulletins_id_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bulletin"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postbulletins_id_regenerate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bulletin"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getcalendar: {
        parameters: {
            query?: {
                /** @description 年份 */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putcalendar_days_date: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarDay"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDay"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletecalendar_days_date: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "getcase-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfCasesCategory"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "postcase-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CasesCategoryInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasesCategory"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "putcase-categories_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CasesCategoryInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasesCategory"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "deletecase-categories_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "getcase-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "putcase-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Settings"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "deletecase-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "getcase-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfView"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "postcase-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["View"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["View"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "deletecase-views_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getcases: {
        parameters: {
            query?: {
                /** @description pool（创城办案件池）或 inbox（本单位） */
                view?: string;
                /** @description 状态 */
                state?: string;
                /** @description 来源 */
                source?: string;
                /** @description 类别（含下级） */
                categoryId?: number;
                /** @description 区域（含下级） */
                regionId?: number;
                /** @description 主办或协办单位 */
                unitId?: number;
                /** @description 仅超期（督办清单） */
                overdue?: boolean;
                /** @description 上报起始日期 YYYY-MM-DD */
                from?: string;
                /** @description 上报截止日期（含） */
                to?: string;
                /** @description 编号、描述、地址或工单号关键字 */
                q?: string;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，1–200，默认 20 */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOfCase"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntakeInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_dispatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkDispatchInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResult"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getcases_export: {
        parameters: {
            query?: {
                /** @description pool（创城办案件池）或 inbox（本单位） */
                view?: string;
                /** @description 状态 */
                state?: string;
                /** @description 来源 */
                source?: string;
                /** @description 类别（含下级） */
                categoryId?: number;
                /** @description 区域（含下级） */
                regionId?: number;
                /** @description 主办或协办单位 */
                unitId?: number;
                /** @description 仅超期（督办清单） */
                overdue?: boolean;
                /** @description 上报起始日期 YYYY-MM-DD */
                from?: string;
                /** @description 上报截止日期（含） */
                to?: string;
                /** @description 编号、描述、地址或工单号关键字 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getcases_map: {
        parameters: {
            query?: {
                /** @description pool（创城办案件池）或 inbox（本单位） */
                view?: string;
                /** @description 状态 */
                state?: string;
                /** @description 来源 */
                source?: string;
                /** @description 类别（含下级） */
                categoryId?: number;
                /** @description 区域（含下级） */
                regionId?: number;
                /** @description 主办或协办单位 */
                unitId?: number;
                /** @description 仅超期（督办清单） */
                overdue?: boolean;
                /** @description 上报起始日期 YYYY-MM-DD */
                from?: string;
                /** @description 上报截止日期（含） */
                to?: string;
                /** @description 编号、描述、地址或工单号关键字 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfMapItem"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getcases_stats: {
        parameters: {
            query?: {
                /** @description pool 或 inbox */
                view?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getcases_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_dispatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispatchInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_extension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "postcases_id_hand-down": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandDownInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_merge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_notes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PhotoInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "postcases_id_pass-down": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispatchInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_register: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PhotoInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "postcases_id_rule-extension": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleExtensionInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "postcases_id_rule-return": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleReturnInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "postcases_id_take-back": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postcases_id_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getcockpit: {
        parameters: {
            query?: {
                /** @description 辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cockpit"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "getdispatch-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfRule"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "postdispatch-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "putdispatch-rules_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "deletedispatch-rules_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postfiles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    file: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["File"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getfiles_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getframeworks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfFramework"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getframeworks_compare: {
        parameters: {
            query?: {
                /** @description 原版本 */
                a?: number;
                /** @description 新版本 */
                b?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comparison"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postframeworks_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    file: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Framework"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getframeworks_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getframeworks_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Framework"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putframeworks_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Header"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Framework"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteframeworks_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getframeworks_id_check: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckResult"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postframeworks_id_copy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Framework"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getframeworks_id_export: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postframeworks_id_freeze: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Framework"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postframeworks_id_negatives: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NegativeInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Negative"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putframeworks_id_negatives_negId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                negId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NegativeInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Negative"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteframeworks_id_negatives_negId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                negId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postframeworks_id_nodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NodeInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Node"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putframeworks_id_nodes_nodeId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                nodeId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NodeInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Node"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteframeworks_id_nodes_nodeId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                nodeId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postframeworks_id_standards: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StandardInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Standard"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getframeworks_id_standards_sid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                sid: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StandardPage"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putframeworks_id_standards_sid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                sid: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StandardInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Standard"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteframeworks_id_standards_sid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                sid: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getframeworks_id_tree: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tree"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getjurisdictions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfJurisdiction"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postjurisdictions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JurisdictionInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jurisdiction"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putjurisdictions_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JurisdictionOffice"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jurisdiction"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getme: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getme_lists: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lists"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postme_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getme_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfToken"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postme_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteme_tokens_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getmessages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfMessage"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postmessages_id_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getmeta: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetaView"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "getnegative-events": {
        parameters: {
            query?: {
                /** @description 测评体系 */
                frameworkId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfNegativeEvent"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "postnegative-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NegativeEvent"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "deletenegative-events_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getnotices: {
        parameters: {
            query?: {
                /** @description 单位 */
                unitId?: number;
                /** @description 仅未办结 */
                open?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfNotice"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpatrol_tasks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tasks"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpatrols: {
        parameters: {
            query?: {
                /** @description 点位 */
                pointId?: number;
                /** @description 巡查人 */
                inspectorId?: number;
                /** @description 模拟测评 */
                roundId?: number;
                /** @description 责任单位 */
                unitId?: number;
                /** @description 起始日期 */
                from?: string;
                /** @description 截止日期（含） */
                to?: string;
                /** @description 仅定位偏远的 */
                far?: boolean;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，1–200，默认 20 */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOfPatrolSummary"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postpatrols: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatrolInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patrol"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpatrols_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patrol"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpeople: {
        parameters: {
            query?: {
                /** @description 姓名或用户名关键字 */
                q?: string;
                /** @description 所属单位 */
                unitId?: number;
                /** @description 角色 */
                role?: string;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，1–200，默认 20 */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOfPerson"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postpeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpeople_export: {
        parameters: {
            query?: {
                /** @description 姓名或用户名关键字 */
                q?: string;
                /** @description 所属单位 */
                unitId?: number;
                /** @description 角色 */
                role?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postpeople_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    file: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgImportResult"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpeople_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpeople_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putpeople_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletepeople_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postpeople_id_password: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordReset"];
            };
        };
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postpeople_id_unlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getplans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfPlan"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getplans_id_tasks: {
        parameters: {
            query?: {
                /** @description deploy、advance、consolidate */
                phase?: string;
                /** @description 单位（给出时附该单位自己的进度） */
                unitId?: number;
                /** @description 只看超期 */
                overdue?: boolean;
                /** @description 关键字 */
                q?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfTask"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postplans_id_tasks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "getpoint-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfPatrolCategory"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "postpoint-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatrolCategoryInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatrolCategory"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "putpoint-categories_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatrolCategoryInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatrolCategory"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "deletepoint-categories_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "putpoint-categories_id_checks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChecklistInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatrolCategory"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "getpoint-qr_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpoints: {
        parameters: {
            query?: {
                /** @description 点位类别 */
                categoryId?: number;
                /** @description 区域（含下级） */
                regionId?: number;
                /** @description 责任单位 */
                unitId?: number;
                /** @description 名称、编码或地址关键字 */
                q?: string;
                /** @description 启用状态 */
                active?: boolean;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，1–200，默认 20 */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOfPoint"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PointInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Point"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "getpoints_by-token_token": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PointDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpoints_export: {
        parameters: {
            query?: {
                /** @description 点位类别 */
                categoryId?: number;
                /** @description 区域（含下级） */
                regionId?: number;
                /** @description 责任单位 */
                unitId?: number;
                /** @description 名称、编码或地址关键字 */
                q?: string;
                /** @description 启用状态 */
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postpoints_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    file: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatrolImportResult"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpoints_map: {
        parameters: {
            query?: {
                /** @description 点位类别 */
                categoryId?: number;
                /** @description 区域（含下级） */
                regionId?: number;
                /** @description 责任单位 */
                unitId?: number;
                /** @description 名称、编码或地址关键字 */
                q?: string;
                /** @description 启用状态 */
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfMapPoint"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpoints_nearby: {
        parameters: {
            query?: {
                /** @description 纬度（WGS-84） */
                lat?: number;
                /** @description 经度（WGS-84） */
                lng?: number;
                /** @description 条数，默认 20，最多 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfPoint"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpoints_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpoints_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PointDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putpoints_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PointInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Point"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletepoints_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "getpublic_case-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseForm"];
                };
            };
            /** @description 请求过于频繁：同一地址（或令牌）每分钟的请求数超过部署方设定的上限，请按 Retry-After 给出的秒数等待后再试 */
            429: {
                headers: {
                    /** @description 需要等待的秒数 */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postpublic_cases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    case: string;
                    photos: string[];
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description 请求过于频繁：同一地址（或令牌）每分钟的请求数超过部署方设定的上限，请按 Retry-After 给出的秒数等待后再试 */
            429: {
                headers: {
                    /** @description 需要等待的秒数 */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpublic_cases_token: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicCase"];
                };
            };
            /** @description 请求过于频繁：同一地址（或令牌）每分钟的请求数超过部署方设定的上限，请按 Retry-After 给出的秒数等待后再试 */
            429: {
                headers: {
                    /** @description 需要等待的秒数 */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getpublic_cases_token_photos_fileId: {
        parameters: {
            query?: {
                /** @description thumb、display 或留空取原图 */
                size?: string;
            };
            header?: never;
            path: {
                token: string;
                fileId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description 请求过于频繁：同一地址（或令牌）每分钟的请求数超过部署方设定的上限，请按 Retry-After 给出的秒数等待后再试 */
            429: {
                headers: {
                    /** @description 需要等待的秒数 */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postpublic_cases_token_rating: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicCase"];
                };
            };
            /** @description 请求过于频繁：同一地址（或令牌）每分钟的请求数超过部署方设定的上限，请按 Retry-After 给出的秒数等待后再试 */
            429: {
                headers: {
                    /** @description 需要等待的秒数 */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postpublic_cases_token_reopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicCase"];
                };
            };
            /** @description 请求过于频繁：同一地址（或令牌）每分钟的请求数超过部署方设定的上限，请按 Retry-After 给出的秒数等待后再试 */
            429: {
                headers: {
                    /** @description 需要等待的秒数 */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "getranking-settings": {
        parameters: {
            query?: {
                /** @description 辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsView"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "putranking-settings": {
        parameters: {
            query?: {
                /** @description 辖区（默认本人所在辖区） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsView"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "deleteranking-settings": {
        parameters: {
            query?: {
                /** @description 辖区（默认本人所在辖区） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsView"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getrankings: {
        parameters: {
            query?: {
                /** @description 周期：2026-W48、2026-11 或 2026-Q4（默认本月） */
                period?: string;
                /** @description 辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ranking"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getrankings_export: {
        parameters: {
            query?: {
                /** @description 周期 */
                period?: string;
                /** @description 辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getrankings_jurisdictions: {
        parameters: {
            query?: {
                /** @description 周期：2026-W48、2026-11 或 2026-Q4（默认本月） */
                period?: string;
                /** @description 上级辖区（区划 id，默认本人所在辖区）；县区本身没有下辖县区，返回空列表 */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JurisdictionRanking"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getrankings_jurisdictions_export: {
        parameters: {
            query?: {
                /** @description 周期（默认本月） */
                period?: string;
                /** @description 上级辖区（默认本人所在辖区） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getregions: {
        parameters: {
            query?: {
                /** @description 名称或代码关键字 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfRegion"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postregions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegionInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Region"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getregions_boundaries: {
        parameters: {
            query?: {
                /** @description 辖区（含其下级辖区；上级创城办可查看下辖辖区） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlineCollection"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postregions_boundaries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    file: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgImportResult"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getregions_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postregions_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    file: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgImportResult"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getregions_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putregions_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegionInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Region"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteregions_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getregions_id_boundary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putregions_id_boundary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BoundaryBody"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Region"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteregions_id_boundary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getrequirements: {
        parameters: {
            query?: {
                /** @description 测评体系版本（默认当前） */
                frameworkId?: number;
                /** @description 单位 */
                unitId?: number;
                /** @description 标准编码、内容或单位 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfRequirement"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postrequirements_generate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateRequest"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GenerateResult"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putrequirements_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequirementInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Requirement"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postrequirements_id_submissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Draft"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getrounds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfRound"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postrounds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getrounds_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putrounds_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleterounds_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postrounds_id_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postrounds_id_draw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putrounds_id_points_pointId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                pointId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReassignInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getrounds_id_rates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfRate"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putrounds_id_rates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatesInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfRate"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getrounds_id_score: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Score"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getrounds_id_score_export: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getsanctions: {
        parameters: {
            query?: {
                /** @description 单位 */
                unitId?: number;
                /** @description notice、talk 或 exposure */
                kind?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfSanction"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postsanctions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SanctionInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sanction"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getscores_live: {
        parameters: {
            query?: {
                /** @description 天数，默认 30 */
                days?: number;
                /** @description 辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Score"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getscores_observations: {
        parameters: {
            query?: {
                /** @description 模拟测评 */
                roundId?: number;
                /** @description 实时得分 */
                live?: boolean;
                /** @description 实时得分的天数 */
                days?: number;
                /** @description 测评标准编码 */
                standardCode?: string;
                /** @description pass/fail/na */
                result?: string;
                /** @description 责任单位 */
                unitId?: number;
                /** @description 区域（含下级） */
                regionId?: number;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，1–200，默认 20 */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOfObservationRow"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getscores_trend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfTrendPoint"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getsubmissions_archive: {
        parameters: {
            query?: {
                /** @description 测评体系版本 */
                frameworkId?: number;
                /** @description 标准 */
                standardId?: number;
                /** @description 单位 */
                unitId?: number;
                /** @description 年度 */
                year?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getsubmissions_figures: {
        parameters: {
            query?: {
                /** @description 季度 YYYY-Qn */
                quarter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FiguresView"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getsubmissions_matrix: {
        parameters: {
            query?: {
                /** @description 测评体系版本 */
                frameworkId?: number;
                /** @description 月份 YYYY-MM */
                period?: string;
                /** @description 单位 */
                unitId?: number;
                /** @description 状态 */
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Matrix"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getsubmissions_matrix_export: {
        parameters: {
            query?: {
                /** @description 测评体系版本 */
                frameworkId?: number;
                /** @description 月份 */
                period?: string;
                /** @description 单位 */
                unitId?: number;
                /** @description 状态 */
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getsubmissions_open: {
        parameters: {
            query?: {
                /** @description 月份 YYYY-MM */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenView"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getsubmissions_review: {
        parameters: {
            query?: {
                /** @description 状态，默认 submitted */
                status?: string;
                /** @description 单位 */
                unitId?: number;
                /** @description 标准关键字 */
                q?: string;
                /** @description 周期 */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfReviewItem"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getsubmissions_todo: {
        parameters: {
            query?: {
                /** @description 月份 YYYY-MM（默认本月） */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TodoList"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getsubmissions_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putsubmissions_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Draft"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postsubmissions_id_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Review"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postsubmissions_id_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    gettargets: {
        parameters: {
            query?: {
                /** @description 测评体系版本（默认当前方案所用版本） */
                frameworkId?: number;
                /** @description 周期 2026、2026-Q3 或 2026-07（默认本年） */
                period?: string;
                /** @description met、not_met、not_reported */
                status?: string;
                /** @description 牵头或责任单位 */
                unitId?: number;
                /** @description 编码、内容或指标名称 */
                q?: string;
                /** @description 辖区（区划 id，默认本人所在辖区；上级创城办可查看下辖辖区） */
                jurisdictionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetList"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    gettargets_id_reports: {
        parameters: {
            query?: {
                /** @description 周期 */
                period?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfTargetReport"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    posttargets_id_reports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FrameworkReportInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetReport"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    gettasks_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDetail"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    puttasks_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletetasks_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    posttasks_id_reports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanReportInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getunits: {
        parameters: {
            query?: {
                /** @description 名称或拼音关键字 */
                q?: string;
                /** @description 单位类型 */
                kind?: string;
                /** @description 分类 A/B */
                class?: string;
                /** @description 所属区划（含下级） */
                regionId?: number;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，1–200，默认 20 */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOfUnit"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postunits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitInput"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getunits_export: {
        parameters: {
            query?: {
                /** @description 名称或拼音关键字 */
                q?: string;
                /** @description 单位类型 */
                kind?: string;
                /** @description 分类 A/B */
                class?: string;
                /** @description 所属区划（含下级） */
                regionId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postunits_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    file: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgImportResult"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getunits_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getunits_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putunits_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitInput"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteunits_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getunits_id_lists: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lists"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getwebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfWebhook"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postwebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Webhook"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putwebhooks_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Webhook"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletewebhooks_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getwebhooks_id_deliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOfDelivery"];
                };
            };
            /** @description 错误 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
