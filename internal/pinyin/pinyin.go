// Package pinyin makes the default sort key of a Chinese name. The key is
// only a default: a character read two ways (长安 chang'an, 重庆 chongqing)
// is often read wrong by dictionaries, so users can edit it.
package pinyin

import (
	"strings"
	"unicode"

	gopinyin "github.com/mozillazg/go-pinyin"
)

// places holds names whose first reading in the dictionary is wrong.
var places = map[string]string{
	"长安": "chang an", "长沙": "chang sha", "长春": "chang chun", "长治": "chang zhi", "长寿": "chang shou",
	"重庆": "chong qing", "厦门": "xia men", "六安": "lu an", "蚌埠": "beng bu", "番禺": "pan yu",
	"乐亭": "lao ting", "会宁": "hui ning", "会师": "hui shi", "大沟": "da gou", "单县": "shan xian",
	"长": "chang", "会": "hui", "重": "zhong", "行": "xing", "乐": "le", "都": "du",
}

// SortKey returns lower-case pinyin without tones, syllables separated by
// spaces; letters and digits are kept as they are.
func SortKey(name string) string {
	args := gopinyin.NewArgs()
	var parts []string
	runes := []rune(name)
	for i := 0; i < len(runes); {
		if py, n := placeAt(runes[i:]); n > 0 {
			parts = append(parts, py)
			i += n
			continue
		}
		r := runes[i]
		switch {
		case unicode.Is(unicode.Han, r):
			if py := gopinyin.LazyPinyin(string(r), args); len(py) > 0 {
				parts = append(parts, py[0])
			}
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			j := i
			for j < len(runes) && runes[j] < unicode.MaxASCII && (unicode.IsLetter(runes[j]) || unicode.IsDigit(runes[j])) {
				j++
			}
			parts = append(parts, strings.ToLower(string(runes[i:j])))
			i = j
			continue
		}
		i++
	}
	return strings.Join(parts, " ")
}

// placeAt finds the longest override starting at the head of runes.
func placeAt(runes []rune) (string, int) {
	for n := 2; n >= 1; n-- {
		if len(runes) >= n {
			if py, ok := places[string(runes[:n])]; ok {
				return py, n
			}
		}
	}
	return "", 0
}
