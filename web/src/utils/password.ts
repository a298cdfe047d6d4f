const classes: RegExp[] = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/]

/**
 * checkPassword applies the server's password rules and returns the first broken one in Chinese,
 * or '' when the password is acceptable. The username check ignores case.
 */
export function checkPassword(password: string, username: string): string {
  if ([...password].length < 8) return '密码长度至少 8 位'
  if (classes.filter((re) => re.test(password)).length < 3) {
    return '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名'
  return ''
}
