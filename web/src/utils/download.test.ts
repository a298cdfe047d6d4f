import { describe, expect, it } from 'vitest'
import { filenameFromDisposition } from './download'

describe('filenameFromDisposition', () => {
  const cases: [string, string | null, string][] = [
    ['RFC 5987 UTF-8', "attachment; filename*=UTF-8''%E5%8D%95%E4%BD%8D.xlsx", '单位.xlsx'],
    [
      'RFC 5987 wins over the plain name',
      'attachment; filename="units.xlsx"; filename*=UTF-8\'\'%E5%8D%95%E4%BD%8D.xlsx',
      '单位.xlsx',
    ],
    ['RFC 5987 with a language tag', "attachment; filename*=utf-8'zh-CN'%E4%BA%BA%E5%91%98.xlsx", '人员.xlsx'],
    ['quoted plain name', 'attachment; filename="regions.xlsx"', 'regions.xlsx'],
    ['quoted name with an escaped quote', 'attachment; filename="a\\"b.xlsx"', 'a"b.xlsx'],
    ['bare plain name', 'attachment; filename=audit.xlsx', 'audit.xlsx'],
    ['no file name', 'attachment', '默认.xlsx'],
    ['no header', null, '默认.xlsx'],
    ['broken escapes fall back to the plain name', "attachment; filename=\"x.xlsx\"; filename*=UTF-8''%E5%ZZ", 'x.xlsx'],
  ]
  it.each(cases)('%s', (_name, header, want) => {
    expect(filenameFromDisposition(header, '默认.xlsx')).toBe(want)
  })
})
