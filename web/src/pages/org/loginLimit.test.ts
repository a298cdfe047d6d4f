import { describe, expect, it } from 'vitest'
import { loginLimitText } from './loginLimit'

describe('loginLimitText', () => {
  const now = new Date('2026-03-02T01:00:00Z') // 09:00 in Beijing

  it('gives the end of the wait in Beijing time and the number of addresses', () => {
    expect(loginLimitText({ until: '2026-03-02T01:15:30Z', addresses: 2 }, now)).toBe('登录受限至 09:15（2 个地址）')
  })

  it('names the day when the wait ends on another Beijing day', () => {
    expect(loginLimitText({ until: '2026-03-02T16:05:00Z', addresses: 1 }, now)).toBe('登录受限至 03-03 00:05（1 个地址）')
  })
})
