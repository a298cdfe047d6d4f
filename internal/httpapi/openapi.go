package httpapi

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"time"
)

// openAPI serves the OpenAPI 3.1 document built from the route table, so
// the document cannot drift from the routes that really exist.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.OpenAPI())
}

// OpenAPI returns the API description as a JSON-ready value.
func (s *Server) OpenAPI() map[string]any {
	sg := &schemaGen{defs: map[string]any{}}
	paths := map[string]map[string]any{}
	for _, rt := range s.routes {
		if paths[rt.path] == nil {
			paths[rt.path] = map[string]any{}
		}
		paths[rt.path][strings.ToLower(rt.method)] = sg.operation(rt)
	}
	sg.defs["Error"] = map[string]any{
		"type": "object", "required": []string{"error"},
		"properties": map[string]any{"error": map[string]any{
			"type": "object", "required": []string{"code", "message"},
			"properties": map[string]any{
				"code":    map[string]any{"type": "string", "description": "invalid, unauthenticated, bad_credentials, forbidden, password_change_required, not_found, conflict, locked, import_invalid, too_large, too_many_requests, internal"},
				"message": map[string]any{"type": "string", "description": "给用户看的中文说明"},
				"field":   map[string]any{"type": "string", "description": "出错的字段（JSON 字段名）"},
				"details": map[string]any{"type": "array", "items": map[string]any{"type": "object", "properties": map[string]any{
					"sheet": map[string]any{"type": "string"}, "row": map[string]any{"type": "integer"},
					"column": map[string]any{"type": "string"}, "reason": map[string]any{"type": "string"}}}},
			},
		}},
	}
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

type schemaGen struct{ defs map[string]any }

func (sg *schemaGen) operation(rt route) map[string]any {
	op := map[string]any{"summary": rt.summary, "tags": []string{rt.tag},
		"operationId": strings.ToLower(rt.method) + strings.NewReplacer("/api/v1/", "", "/", "_", "{", "", "}", "").Replace(rt.path)}
	if rt.public {
		op["security"] = []any{}
	}
	var params []any
	for _, seg := range strings.Split(rt.path, "/") {
		if strings.HasPrefix(seg, "{") {
			params = append(params, map[string]any{"name": strings.Trim(seg, "{}"), "in": "path", "required": true, "schema": map[string]any{"type": "integer"}})
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
	case reflect.Int, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": sg.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": sg.schema(t.Elem())}
	case reflect.Interface:
		return map[string]any{"description": "任意 JSON"}
	case reflect.Struct:
		name := schemaName(t)
		if _, done := sg.defs[name]; !done {
			sg.defs[name] = map[string]any{} // placeholder stops recursion
			sg.defs[name] = sg.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

func (sg *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	sg.fields(t, props)
	return map[string]any{"type": "object", "properties": props}
}

// fields adds a struct's JSON fields; an embedded struct's fields stand
// beside the others, as encoding/json writes them.
func (sg *schemaGen) fields(t reflect.Type, props map[string]any) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			sg.fields(f.Type, props)
			continue
		}
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = sg.schema(f.Type)
	}
}

// schemaName turns a Go type name (generic ones included) into a component
// name: pageOf[wenming/internal/domain.Unit] → PageOfUnit.
func schemaName(t reflect.Type) string {
	n := t.Name()
	if i := strings.Index(n, "["); i >= 0 {
		arg := n[i+1 : len(n)-1]
		arg = arg[strings.LastIndex(arg, ".")+1:]
		n = n[:i] + "Of" + strings.ToUpper(arg[:1]) + arg[1:]
		n = strings.Replace(n, "OfOf", "Of", 1)
	}
	return strings.ToUpper(n[:1]) + n[1:]
}
