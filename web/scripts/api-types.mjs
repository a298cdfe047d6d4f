// Generates src/api/schema.d.ts, the TypeScript types of the API, from the
// OpenAPI document the server serves. The document is built in Go from the
// route table and the Go types of the bodies; `go run ./cmd/openapi`
// prints it without a server or a database.
//
//   node scripts/api-types.mjs          write src/api/schema.d.ts
//   node scripts/api-types.mjs --check  fail when src/api/schema.d.ts differs
//                                       from what the document gives
//
// GO names the go command (default: go), as the Makefile's GO does.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const web = dirname(dirname(fileURLToPath(import.meta.url)))
const out = join(web, 'src/api/schema.d.ts')
const header = `// Generated from the API's OpenAPI document (/api/openapi.json) by
// web/scripts/api-types.mjs: run \`make api-types\` or \`npm run api:types\`.
// Do not edit; change the Go types or internal/httpapi/openapi.go instead.

`

const doc = JSON.parse(execFileSync(process.env.GO || 'go', ['run', './cmd/openapi'], {
  cwd: dirname(web),
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 << 20,
}))
const types = header + astToString(await openapiTS(doc, { silent: true }))

if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(out, 'utf8')
  } catch {
    // a missing file differs like any other
  }
  if (current !== types) {
    const a = current.split('\n')
    const b = types.split('\n')
    let line = 0
    while (line < a.length && line < b.length && a[line] === b[line]) line++
    console.error(`src/api/schema.d.ts does not match the OpenAPI document (first difference at line ${line + 1}:`)
    console.error(`  committed: ${a[line] ?? '(end of file)'}`)
    console.error(`  document:  ${b[line] ?? '(end of file)'})`)
    console.error('Run `make api-types` (or `npm run api:types` in web/) and commit src/api/schema.d.ts.')
    process.exit(1)
  }
  console.log('src/api/schema.d.ts matches the OpenAPI document.')
} else {
  writeFileSync(out, types)
  console.log('wrote src/api/schema.d.ts')
}
