package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
)

// openAPI serves the OpenAPI 3.1 document built from the route table, so
// the document cannot drift from the routes that really exist.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.OpenAPI())
}

// OpenAPI returns the API description as a JSON-ready value.
func (s *Server) OpenAPI() map[string]any {
	sg := newSchemaGen(s.routes)
	paths := map[string]map[string]any{}
	for _, rt := range s.routes {
		if paths[rt.path] == nil {
			paths[rt.path] = map[string]any{}
		}
		paths[rt.path][strings.ToLower(rt.method)] = sg.operation(rt)
	}
	// Every list of codes, also those a field carries as a plain string
	// (a case's allowed actions).
	for t := range enums {
		sg.schema(t)
	}
	// The one error shape, described from the type writeError writes.
	sg.schema(reflect.TypeFor[errorBody]())
	detail := sg.defs["ErrorDetail"].(map[string]any)["properties"].(map[string]any)
	detail["message"].(map[string]any)["description"] = "给用户看的中文说明"
	detail["field"].(map[string]any)["description"] = "出错的字段（JSON 字段名）"
	detail["details"].(map[string]any)["description"] = "导入失败时逐个列出出错的单元格"
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "wenming 文明城市创建管理平台 API", "version": s.Version,
			"description": "所有接口位于 /api/v1/。浏览器以会话 Cookie（wenming_session）认证，集成系统以 Authorization: Bearer <API 令牌> 认证。错误统一为 {\"error\": {code, message, field, details}}。时间为 UTC 的 RFC 3339 字符串。"},
		"paths": paths,
		"components": map[string]any{
			"schemas": sg.defs,
			"securitySchemes": map[string]any{
				"session": map[string]any{"type": "apiKey", "in": "cookie", "name": sessionCookie},
				"token":   map[string]any{"type": "http", "scheme": "bearer", "description": "API 令牌，以 wm_ 开头"},
			},
		},
		"security": []any{map[string]any{"session": []string{}}, map[string]any{"token": []string{}}},
	}
}

// schemaGen turns the Go types of request and response bodies into JSON
// Schema components, named after the types.
type schemaGen struct {
	defs  map[string]any
	names map[reflect.Type]string // each named type's component name
}

// enum is a Go string type whose values are a closed list, and where the list is kept.
type enum struct {
	name, desc string
	values     func() []string
}

// enums are the Go string types that take only the values of a list the
// code already keeps; the document lists them, read from the same lists.
var enums = map[reflect.Type]enum{
	reflect.TypeFor[domain.Role]():      {"Role", "角色", func() []string { return namedCodes(domain.Roles) }},
	reflect.TypeFor[domain.ScopeKind](): {"ScopeKind", "数据范围：本单位、区划、全部", func() []string { return namedCodes(domain.ScopeKinds) }},
	reflect.TypeFor[cases.State]():      {"CaseState", "案件状态", func() []string { return namedCodes(cases.States) }},
	reflect.TypeFor[cases.Action](): {"CaseAction", "案件操作", func() []string {
		var out []string
		for _, t := range cases.Transitions {
			out = append(out, string(t.Action))
		}
		return out
	}},
	reflect.TypeFor[domain.Code](): {"ErrorCode", "错误代码，决定 HTTP 状态", func() []string {
		var out []string
		for c := range statusOf {
			out = append(out, string(c))
		}
		slices.Sort(out)
		return append(out, string(codeTooMany), string(domain.CodeInternal)) // what writeError writes besides
	}},
	reflect.TypeFor[cases.Kind](): {"CaseEventKind", "案件时间线环节", func() []string {
		var out []string
		for _, k := range cases.StepKinds {
			out = append(out, string(k.Kind))
		}
		return out
	}},
}

// schemaNames name the types whose Go name is not the one the document uses.
var schemaNames = map[reflect.Type]string{
	reflect.TypeFor[errorBody]():   "Error",
	reflect.TypeFor[errorDetail](): "ErrorDetail",
}

func namedCodes(list []domain.Named) []string {
	out := make([]string, len(list))
	for i, n := range list {
		out[i] = n.Code
	}
	return out
}

// newSchemaGen names the types the routes carry. A type is named after its
// Go name; when two packages use the same name (cases.Category and
// patrol.Category), each takes its package's name in front
// (CasesCategory, PatrolCategory), so one name never stands for two shapes.
func newSchemaGen(routes []route) *schemaGen {
	byName := map[string][]reflect.Type{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	var walkFields func(t reflect.Type)
	walk = func(t reflect.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		if e, ok := enums[t]; ok {
			byName[e.name] = append(byName[e.name], t)
			return
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			walk(t.Elem())
		case reflect.Struct:
			if t != timeType {
				byName[schemaName(t, false)] = append(byName[schemaName(t, false)], t)
				walkFields(t)
			}
		}
	}
	// An embedded struct is no component of its own: its fields stand in the outer one.
	walkFields = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
				walkFields(f.Type)
			case f.IsExported() && name != "-":
				walk(f.Type)
			}
		}
	}
	for _, rt := range routes {
		for _, v := range []any{rt.in, rt.out} {
			if v != nil {
				walk(reflect.TypeOf(v))
			}
		}
	}
	walk(reflect.TypeFor[errorBody]())
	for t := range enums {
		walk(t)
	}
	sg := &schemaGen{defs: map[string]any{}, names: map[reflect.Type]string{}}
	taken := map[string]reflect.Type{}
	for name, types := range byName {
		for _, t := range types {
			n := name
			if given, ok := schemaNames[t]; ok {
				n = given
			} else if len(types) > 1 {
				n = schemaName(t, true)
			}
			if other, dup := taken[n]; dup {
				panic(fmt.Sprintf("openapi: %v and %v would both be schema %s", other, t, n))
			}
			taken[n] = t
			sg.names[t] = n
		}
	}
	return sg
}

func (sg *schemaGen) operation(rt route) map[string]any {
	op := map[string]any{"summary": rt.summary, "tags": []string{rt.tag},
		"operationId": strings.ToLower(rt.method) + strings.NewReplacer("/api/v1/", "", "/", "_", "{", "", "}", "").Replace(rt.path)}
	if rt.public {
		op["security"] = []any{}
	}
	var params []any
	for _, seg := range strings.Split(rt.path, "/") {
		if strings.HasPrefix(seg, "{") {
			name := strings.Trim(seg, "{}")
			schema, ok := textPathParams[name]
			if !ok {
				schema = map[string]any{"type": "integer"} // a row id
			}
			params = append(params, map[string]any{"name": name, "in": "path", "required": true, "schema": schema})
		}
	}
	for _, p := range rt.query {
		params = append(params, map[string]any{"name": p.name, "in": "query", "description": p.desc, "schema": map[string]any{"type": p.typ}})
	}
	if params != nil {
		op["parameters"] = params
	}
	if rt.in != nil {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": sg.schema(reflect.TypeOf(rt.in))}}}
	}
	if rt.upload && rt.in != nil {
		// A report with photos: the JSON part as field "case", the images as "photos".
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"multipart/form-data": map[string]any{"schema": map[string]any{
			"type": "object", "required": []string{"case", "photos"}, "properties": map[string]any{
				"case":   map[string]any{"type": "string", "contentMediaType": "application/json", "contentSchema": sg.schema(reflect.TypeOf(rt.in))},
				"photos": map[string]any{"type": "array", "items": map[string]any{"type": "string", "contentMediaType": "image/*"}}}}}}}
	} else if rt.upload {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"multipart/form-data": map[string]any{"schema": map[string]any{
			"type": "object", "required": []string{"file"}, "properties": map[string]any{"file": map[string]any{"type": "string", "contentMediaType": xlsxType}}}}}}
	}
	status := rt.status
	if status == 0 {
		status = 200
	}
	ok := map[string]any{"description": "成功"}
	switch {
	case rt.download != "":
		ok["content"] = map[string]any{rt.download: map[string]any{"schema": map[string]any{"type": "string", "contentMediaType": rt.download}}}
	case rt.out != nil:
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": sg.schema(reflect.TypeOf(rt.out))}}
	}
	errResp := map[string]any{"description": "错误", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
	responses := map[string]any{itoa(status): ok, "default": errResp}
	if rt.limit != nil {
		responses["429"] = map[string]any{"description": "请求过于频繁：同一地址（或令牌）每分钟的请求数超过部署方设定的上限，请按 Retry-After 给出的秒数等待后再试",
			"headers": map[string]any{"Retry-After": map[string]any{"description": "需要等待的秒数", "schema": map[string]any{"type": "integer"}}},
			"content": errResp["content"]}
	}
	op["responses"] = responses
	return op
}

// textPathParams are the path parameters that are not row ids.
var textPathParams = map[string]map[string]any{
	"date":  {"type": "string", "format": "date"}, // a calendar day, YYYY-MM-DD
	"token": {"type": "string"},                   // a resident's follow token or a point's QR token
}

var timeType = reflect.TypeOf(time.Time{})
var rawType = reflect.TypeOf(json.RawMessage{})

// schema describes a Go type as JSON Schema, naming structs as components.
func (sg *schemaGen) schema(t reflect.Type) map[string]any {
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t == rawType:
		return map[string]any{"description": "任意 JSON"}
	}
	if e, ok := enums[t]; ok {
		name := sg.name(t)
		if _, done := sg.defs[name]; !done {
			sg.defs[name] = map[string]any{"type": "string", "enum": e.values(), "description": e.desc}
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	switch t.Kind() {
	case reflect.Pointer:
		inner := sg.schema(t.Elem())
		if typ, ok := inner["type"].(string); ok {
			c := map[string]any{}
			for k, v := range inner {
				c[k] = v
			}
			c["type"] = []string{typ, "null"}
			return c
		}
		return map[string]any{"oneOf": []any{inner, map[string]any{"type": "null"}}}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return map[string]any{"type": "string", "contentEncoding": "base64"} // as encoding/json writes bytes
		}
		return map[string]any{"type": "array", "items": sg.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": sg.schema(t.Elem())}
	case reflect.Interface:
		return map[string]any{"description": "任意 JSON"}
	case reflect.Struct:
		name := sg.name(t)
		if _, done := sg.defs[name]; !done {
			sg.defs[name] = map[string]any{} // placeholder stops recursion
			sg.defs[name] = sg.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

// name is a type's component name, as newSchemaGen chose it.
func (sg *schemaGen) name(t reflect.Type) string {
	if n, ok := sg.names[t]; ok {
		return n
	}
	panic(fmt.Sprintf("openapi: %v is not reached from any route", t))
}

// object describes a struct as encoding/json writes it. A field without
// omitempty is always written, so it is required: a response always carries
// it (null where it is a pointer), and a request body is expected to carry
// it (the server reads a missing one as its zero value).
func (sg *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	required := map[string]bool{}
	sg.fields(t, props, required)
	obj := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		names := make([]string, 0, len(required))
		for n := range required {
			names = append(names, n)
		}
		sort.Strings(names)
		obj["required"] = names
	}
	return obj
}

// fields adds a struct's JSON fields; an embedded struct's fields stand
// beside the others, as encoding/json writes them, and a field of the outer
// struct wins over an embedded one of the same name.
func (sg *schemaGen) fields(t reflect.Type, props map[string]any, required map[string]bool) {
	var embedded []reflect.Type
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			embedded = append(embedded, f.Type)
			continue
		}
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = sg.schema(f.Type)
		if !slices.Contains(strings.Split(opts, ","), "omitempty") && !slices.Contains(strings.Split(opts, ","), "omitzero") {
			required[name] = true
		}
	}
	for _, e := range embedded {
		inner, innerRequired := map[string]any{}, map[string]bool{}
		sg.fields(e, inner, innerRequired)
		for n, p := range inner {
			if _, outer := props[n]; !outer {
				props[n] = p
				if innerRequired[n] {
					required[n] = true
				}
			}
		}
	}
}

// schemaName turns a Go type name (generic ones included) into a component
// name: pageOf[wenming/internal/domain.Unit] → PageOfUnit; qualified, with
// the package's name in front: cases.Category → CasesCategory,
// listOf[wenming/internal/cases.Category] → ListOfCasesCategory.
func schemaName(t reflect.Type, qualified bool) string {
	n := t.Name()
	if i := strings.Index(n, "["); i >= 0 {
		arg := n[i+1 : len(n)-1]
		pkg, typ := "", arg
		if dot := strings.LastIndex(arg, "."); dot >= 0 {
			pkg, typ = arg[strings.LastIndex(arg[:dot], "/")+1:dot], arg[dot+1:]
		}
		if qualified {
			typ = upperFirst(pkg) + upperFirst(typ)
		}
		n = n[:i] + "Of" + upperFirst(typ)
		n = strings.Replace(n, "OfOf", "Of", 1)
	} else if qualified {
		n = upperFirst(path.Base(t.PkgPath())) + upperFirst(n)
	}
	return upperFirst(n)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
