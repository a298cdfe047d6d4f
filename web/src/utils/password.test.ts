import { describe, expect, it } from 'vitest'
import { checkPassword } from './password'

describe('checkPassword', () => {
  const cases: [string, string, string][] = [
    ['Abcdef1!', 'zhangsan', ''],
    ['abcdef12', 'zhangsan', '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'],
    ['ABCDEFGH', 'zhangsan', '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'],
    ['abcd!@#$', 'zhangsan', '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'],
    ['abcdef1!', 'zhangsan', ''],
    ['ABCDEF1!', 'zhangsan', ''],
    ['Abcdefg1', 'zhangsan', ''],
    ['Abcdefg!', 'zhangsan', ''],
    ['Ab1!', 'zhangsan', '密码长度至少 8 位'],
    ['Ab1!xyz', 'zhangsan', '密码长度至少 8 位'],
    ['', 'zhangsan', '密码长度至少 8 位'],
    ['Zhangsan1!', 'zhangsan', '密码不能包含用户名'],
    ['x1!ZHANGSANx', 'zhangsan', '密码不能包含用户名'],
    ['Abcdef1!', '', ''],
    ['密码很长很长Ab1', 'li', ''],
  ]
  it.each(cases)('%j for user %j', (password, username, want) => {
    expect(checkPassword(password, username)).toBe(want)
  })
})
