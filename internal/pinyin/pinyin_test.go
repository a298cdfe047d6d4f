package pinyin

import "testing"

func TestSortKey(t *testing.T) {
	tests := []struct{ name, want string }{
		{"会宁县", "hui ning xian"},
		{"长安区", "chang an qu"},
		{"重庆市", "chong qing shi"},
		{"县住建局", "xian zhu jian ju"},
		{"第2网格", "di 2 wang ge"},
		{"A区", "a qu"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SortKey(tt.name); got != tt.want {
				t.Errorf("SortKey(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}
